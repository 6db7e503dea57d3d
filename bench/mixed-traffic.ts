/**
 * Mixed public traffic on a province (issue 9, "Load"): the seed agency's portal (home, articles,
 * procedure search and detail, site search, RSS) and the plan pages of the generated agencies'
 * portals, in the proportions of traffic-mix.ts, on SQLite and on PostgreSQL side by side.
 * Reports the peak (wrk, as fast as answered), its errors and latencies. The soak runs at half
 * this peak (bench/soak.ts).
 *
 *   npx tsx bench/mixed-traffic.ts                       (10 generated agencies, both engines)
 *   BENCH_SCALE=1 npx tsx bench/mixed-traffic.ts         (50 agencies: ≈ 1.2 M evidence rows)
 *   BENCH_ENGINES=sqlite BENCH_SECONDS=30 npx tsx bench/mixed-traffic.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../src/db/database.ts';
import { startApp } from './app-process.ts';
import { hasWrk } from './http-support.ts';
import { stopPgBenchCluster } from './pg-support.ts';
import { provincePortal } from './province-portal.ts';
import { discoverTraffic, drawTraffic, MIX_WEIGHTS, pacedTraffic, TRAFFIC_APP_ENV, wrkPeak, type TrafficRequest, type TrafficResult } from './traffic-mix.ts';

export const scale = Number(process.env.BENCH_SCALE ?? 0.2);
export const agencyCount = Math.max(1, Math.round(50 * scale));
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()).filter(Boolean) as Engine[];

export interface ProvinceApp {
  app: Awaited<ReturnType<typeof startApp>>;
  /** The drawn request sequence (20 000 requests of the mix). */
  list: TrafficRequest[];
  distinct: number;
  evidence: number;
}

/** Data, the app on it and the mix found on it, for `fn`; everything removed afterwards. */
export async function withProvinceApp<T>(engine: Engine, fn: (p: ProvinceApp) => Promise<T>): Promise<T> {
  const province = await provincePortal(engine, agencyCount);
  try {
    const app = await startApp({ ...province.env, ...TRAFFIC_APP_ENV });
    try {
      const list = drawTraffic(await discoverTraffic(app.base, province.hosts), 20_000);
      return await fn({ app, list, distinct: new Set(list.map((t) => `${t.host}|${t.path}`)).size, evidence: province.evidence });
    } finally {
      await app.stop();
    }
  } finally {
    await province.dispose();
  }
}

/** The peak: a 3 s warm-up, then the measured run, as fast as the app answers. */
export async function peakOf(p: ProvinceApp, opts: { seconds: number; connections: number }): Promise<TrafficResult> {
  const scriptDir = mkdtempSync(join(tmpdir(), 'minhbach-mix-'));
  try {
    const run = (s: number) => (hasWrk() ? wrkPeak(p.app.base, p.list, { seconds: s, connections: opts.connections, script: join(scriptDir, 'mix.lua') }) : pacedTraffic(p.app.base, p.list, { rate: 100_000, seconds: s, concurrency: opts.connections }));
    await run(3);
    return await run(opts.seconds);
  } finally {
    rmSync(scriptDir, { recursive: true, force: true });
  }
}

export const fmt = (x: number, d = 0) => x.toLocaleString('vi-VN', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  console.log(`Tỉnh: cơ quan mẫu + ${agencyCount} cơ quan sinh ra (BENCH_SCALE=${scale}); tỉ lệ yêu cầu: ${Object.entries(MIX_WEIGHTS).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`${seconds}s mỗi lượt, ${connections} kết nối, ${hasWrk() ? 'wrk (2 luồng)' : 'máy khách Node'}`);
  const rows: [string, string, string][] = [];
  for (const engine of engines) {
    const { r, distinct, evidence } = await withProvinceApp(engine, async (p) => ({ r: await peakOf(p, { seconds, connections }), distinct: p.distinct, evidence: p.evidence }));
    console.log(`  ${engine}: ${fmt(evidence)} minh chứng trong CSDL; ${fmt(distinct)} địa chỉ khác nhau trong chuỗi yêu cầu`);
    rows.push([engine, `${fmt(r.rate)} req/s`, `lỗi ${fmt(r.errors)}/${fmt(r.requests)}, p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms`]);
  }
  console.log('');
  for (const [e, rate, rest] of rows) console.log(`${(e === 'sqlite' ? 'SQLite' : 'PostgreSQL').padEnd(12)} đỉnh ${rate.padStart(12)}   ${rest}`);
  stopPgBenchCluster();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

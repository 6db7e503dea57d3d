/**
 * Soak (issue 9, "Load"): the mixed public traffic of bench/mixed-traffic.ts at half the peak
 * measured just before, for 10 minutes per engine: every response must be 2xx/3xx and the app's
 * resident memory may grow by less than 10 % (median of the first minute after a one-minute
 * warm-up against the median of the last minute).
 *
 *   npm run soak                                 (both engines, 600 s each)
 *   SOAK_SECONDS=120 BENCH_ENGINES=sqlite npm run soak
 */
import type { Engine } from '../src/db/database.ts';
import { agencyCount, fmt, peakOf, withProvinceApp } from './mixed-traffic.ts';
import { stopPgBenchCluster } from './pg-support.ts';
import { pacedTraffic, rssOf } from './traffic-mix.ts';

const soakSeconds = Number(process.env.SOAK_SECONDS ?? 600);
const warmSeconds = Math.min(60, Math.round(soakSeconds / 10));
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()).filter(Boolean) as Engine[];
const MAX_GROWTH = 0.1;

async function soak(engine: Engine) {
  return withProvinceApp(engine, async (p) => {
    const peak = await peakOf(p, { seconds: 10, connections: 32 });
    const rate = Math.max(1, Math.round(peak.rate / 2));
    await pacedTraffic(p.app.base, p.list, { rate, seconds: warmSeconds });
    // RSS every 10 s; garbage collection makes single samples swing by ±15 %, so the first and
    // the last minute are each summed up by their median.
    const samples: number[] = [await rssOf(p.app.pid)];
    const result = await pacedTraffic(p.app.base, p.list, {
      rate, seconds: soakSeconds,
      onSecond: (s, sent, errors) => {
        if (s % 10 !== 0) return;
        void rssOf(p.app.pid).then((rss) => {
          samples.push(rss);
          if (s % 60 === 0) console.log(`  ${engine} ${s}s: ${fmt(sent)} yêu cầu, ${errors} lỗi, RSS ${fmt(rss / 1048576)} MB`);
        });
      },
    });
    samples.push(await rssOf(p.app.pid));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const window = Math.max(1, Math.min(6, Math.floor(samples.length / 3)));
    const rssStart = median(samples.slice(0, window));
    const rssEnd = median(samples.slice(-window));
    const rssMax = Math.max(...samples);
    const growth = (rssEnd - rssStart) / rssStart;
    return { engine, peak: peak.rate, rate, result, rssStart, rssEnd, rssMax, growth, ok: result.errors === 0 && growth < MAX_GROWTH };
  });
}

const rows = [];
for (const engine of engines) rows.push(await soak(engine));
stopPgBenchCluster();
console.log('');
console.log(`Soak ${soakSeconds}s ở một nửa đỉnh (sau ${warmSeconds}s khởi động), cơ quan mẫu + ${agencyCount} cơ quan:`);
for (const r of rows) {
  console.log(`${(r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL').padEnd(12)} đỉnh ${fmt(r.peak)} req/s → soak ${fmt(r.result.rate)} req/s; ${fmt(r.result.requests)} yêu cầu, lỗi ${fmt(r.result.errors)} (${JSON.stringify(r.result.byStatus)}); p50 ${fmt(r.result.p50, 1)} ms, p99 ${fmt(r.result.p99, 1)} ms; RSS (trung vị phút đầu → phút cuối) ${fmt(r.rssStart / 1048576)} → ${fmt(r.rssEnd / 1048576)} MB (tối đa ${fmt(r.rssMax / 1048576)}), tăng ${fmt(r.growth * 100, 1)} % (giới hạn < 10 %): ${r.ok ? 'đạt' : 'CHƯA ĐẠT'}`);
}
if (rows.some((r) => !r.ok)) process.exitCode = 1;

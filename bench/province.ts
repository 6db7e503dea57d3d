/**
 * Province-scale timings (issue targets, per agency, with 50 agencies × 100 tasks × 12 months ×
 * 20 evidence ≈ 1.2 M evidence rows in the database): the progress dashboard of one agency's
 * plan ≤ 300 ms, and one agency's annual report (DOCX + XLSX) ≤ 3 s, on SQLite and on
 * PostgreSQL. Each is printed with a baseline measured in the same run on the same database —
 * counting that agency's evidence rows, and writing an empty DOCX — and the ratio, so a slow
 * machine shows up in both numbers.
 *
 *   npx tsx bench/province.ts                      (full size, both engines)
 *   BENCH_SCALE=0.1 npx tsx bench/province.ts      (5 agencies: the per-agency volume is the same)
 *   BENCH_ENGINES=sqlite npx tsx bench/province.ts
 *   BENCH_PG_URL=postgres://… npx tsx bench/province.ts   (an existing server, instead of a throwaway cluster)
 *
 * PostgreSQL needs initdb on the machine (as for the tests) unless BENCH_PG_URL is set.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase, type Database, type Engine } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { toCount } from '../src/db/sql-helpers.ts';
import { systemReader } from '../src/platform/access.ts';
import { buildServices } from '../src/services.ts';
import { createPgBenchDatabase, stopPgBenchCluster } from './pg-support.ts';
import { median, report } from './measure.ts';
import { generateProvince, pgSink, sqliteSink, type GenerationResult, type RowSink } from './province-generate.ts';

const scale = Number(process.env.BENCH_SCALE ?? 1);
if (!(scale > 0 && scale <= 1)) throw new Error(`BENCH_SCALE must be in (0, 1], got "${process.env.BENCH_SCALE}"`);
const agencyCount = Math.max(1, Math.round(50 * scale));
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()).filter(Boolean) as Engine[];
const RUNS = 5;


const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fileSize = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

interface Target {
  database: Database;
  config: Config['database'];
  sink: RowSink;
  /** After loading: whatever a running installation would have done by then (PostgreSQL: autovacuum's ANALYZE). */
  settle(): Promise<void>;
  size(): Promise<string>;
  dispose(): Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'minhbach-province-'));
  const file = join(dir, 'province.db');
  const config = { kind: 'sqlite' as const, file };
  const database = openDatabase(config);
  await migrateToLatest(database);
  return {
    database,
    config,
    sink: sqliteSink(database),
    async settle() {
      database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    },
    async size() {
      return `${mb(fileSize(file))} (+ WAL ${mb(fileSize(`${file}-wal`))})`;
    },
    async dispose() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const created = await createPgBenchDatabase('province');
  const url = new URL(created.url);
  const config = { kind: 'postgres' as const, url: url.toString() };
  const database = openDatabase(config);
  await migrateToLatest(database);
  const loader = new pg.Client({ connectionString: config.url });
  await loader.connect();
  return {
    database,
    config,
    sink: pgSink((text, values) => loader.query(text, values)),
    async settle() {
      await loader.query('vacuum analyze');
    },
    async size() {
      const { rows } = await loader.query<{ size: string }>('select pg_database_size(current_database()) as size');
      return mb(Number(rows[0]!.size));
    },
    async dispose() {
      await loader.end();
      await database.close();
      await created.drop();
    },
  };
}

async function counts(database: Database) {
  const { db } = database;
  const count = async (table: 'agencies' | 'units' | 'plans' | 'plan_tasks' | 'evidence' | 'evidence_tasks') =>
    toCount((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const [agencies, units, plans, tasks, evidence, links] = await Promise.all([count('agencies'), count('units'), count('plans'), count('plan_tasks'), count('evidence'), count('evidence_tasks')]);
  return `${agencies} cơ quan, ${units} đơn vị, ${plans} kế hoạch, ${tasks} dòng nhiệm vụ (kể cả nhóm), ${evidence.toLocaleString('vi-VN')} minh chứng, ${links.toLocaleString('vi-VN')} liên kết minh chứng–nhiệm vụ`;
}

async function runEngine(engine: Engine) {
  console.log(`\n== ${engine === 'sqlite' ? 'SQLite (tệp, WAL)' : 'PostgreSQL'} ==`);
  const target = engine === 'sqlite' ? await sqliteTarget() : await postgresTarget();
  try {
    const t0 = performance.now();
    const generated: GenerationResult = await generateProvince(target.sink, agencyCount, (month, n) => {
      if (process.stdout.isTTY) process.stdout.write(`\r  sinh dữ liệu: tháng ${String(month).padStart(2)}/12, ${n.toLocaleString('vi-VN')} minh chứng, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    });
    const loadMs = performance.now() - t0;
    const t1 = performance.now();
    await target.settle();
    const settleMs = performance.now() - t1;
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(`  nạp ${generated.evidence.toLocaleString('vi-VN')} minh chứng trong ${(loadMs / 1000).toFixed(1)} s${engine === 'postgres' ? `, vacuum analyze ${(settleMs / 1000).toFixed(1)} s` : `, checkpoint ${(settleMs / 1000).toFixed(1)} s`}`);
    console.log(`  dữ liệu: ${await counts(target.database)}`);
    console.log(`  dung lượng CSDL: ${await target.size()}`);

    const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: tmpdir() }), database: target.config, sessionSecret: 'bench-province-session-secret-0123456789abcdef' };
    const services = buildServices(config, target.database);
    // An agency in the middle of the list: its rows are interleaved with others' on both sides.
    const agency = generated.agencies[Math.floor(generated.agencies.length / 2)]!;
    const { db } = target.database;
    const agencyEvidence = toCount((await db.selectFrom('evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('agency_id', '=', agency.agencyId).executeTakeFirstOrThrow()).n);
    console.log(`  đo trên cơ quan ${agency.code}: ${agencyEvidence.toLocaleString('vi-VN')} minh chứng; trung vị ${RUNS} lần sau 1 lần khởi động`);

    const progress = await services.evidence.progress(systemReader(agency.agencyId), agency.planId, '2024-12-31');
    const annual = await services.consolidation.generateForCode(agency.agencyId, agency.planId, '2024');
    console.log(`  (kiểm tra: tiến độ ${progress.tasks.length} nhiệm vụ, ${Object.entries(progress.byStatus).map(([k, v]) => `${k} ${v}`).join(', ')}; báo cáo năm DOCX ${(annual.docx.length / 1024).toFixed(0)} KB, XLSX ${(annual.xlsx.length / 1024).toFixed(0)} KB)`);

    report(
      'Tiến độ kế hoạch của một cơ quan',
      await median(RUNS, () => services.evidence.progress(systemReader(agency.agencyId), agency.planId, '2024-12-31')),
      300,
      'đếm minh chứng của cơ quan',
      await median(RUNS, () => db.selectFrom('evidence').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agency.agencyId).executeTakeFirstOrThrow()),
      '  ',
    );
    report(
      'Báo cáo năm của một cơ quan (DOCX+XLSX)',
      await median(RUNS, () => services.consolidation.generateForCode(agency.agencyId, agency.planId, '2024')),
      3000,
      'DOCX rỗng',
      await median(RUNS, () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] }))),
      '  ',
    );
    await sql`select 1`.execute(db);
  } finally {
    await target.dispose();
  }
}

console.log(`Quy mô: BENCH_SCALE=${scale} → ${agencyCount} cơ quan × 100 nhiệm vụ × 12 tháng × 20 minh chứng (≈ ${(agencyCount * 24_000).toLocaleString('vi-VN')} minh chứng)`);
try {
  for (const engine of engines) await runEngine(engine);
} finally {
  stopPgBenchCluster();
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { runCli } from '../support/killable-app.ts';
import { createTestDatabase, ENGINES } from '../support/databases.ts';
import { startFaultEnv, type FaultEnv } from '../support/fault-env.ts';

/**
 * `minhbach backup` while the real server takes a stream of writes over HTTP, then `minhbach
 * restore` into a fresh database, then every table compared row by row with the source.
 *
 * Exact by design: the load only inserts (manual evidence "Tải <n>", each with its task link and
 * audit entry; nothing else writes during the test), so the restored data must be the source
 * minus a suffix of the load: every restored row equals a source row; the load items restored
 * are 0..k with k at least the last one acknowledged before the backup started; every source row
 * missing from the restore belongs to a load item after k.
 */
const PORTS = { sqlite: 4324, postgres: 4325 } as const;

/** Every table; on SQLite the FTS5 tables themselves but not their shadow tables (segments merge on their own schedule). */
async function tables(database: Database): Promise<string[]> {
  if (database.engine === 'postgres') {
    return (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(database.db)).rows.map((r) => r.name);
  }
  const all = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(database.db)).rows;
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return all.map((t) => t.name).filter((n) => !virtual.some((v) => new RegExp(`^${v}_(data|idx|content|docsize|config)$`).test(n)));
}

/** Every row of a table as canonical text (sorted keys; binary as base64). */
async function rowsOf(database: Database, table: string): Promise<string[]> {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db);
  return rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, Buffer.isBuffer(r[k]) ? (r[k] as Buffer).toString('base64') : r[k]])));
}

describe.each(ENGINES)('backup and restore on %s while the app serves', (engine) => {
  let f: FaultEnv;
  let restoredDir: string;
  let restored: Database;
  let dropRestored: () => Promise<void>;
  let restoreEnv: Record<string, string>;

  beforeAll(async () => {
    f = await startFaultEnv(engine, PORTS[engine]);
    restoredDir = mkdtempSync(join(tmpdir(), 'minhbach-restored-'));
    if (engine === 'postgres') {
      const fresh = await createTestDatabase('postgres', { migrate: false });
      restoreEnv = { DATA_DIR: restoredDir, DATABASE_URL: (fresh.target as { url: string }).url };
      restored = fresh.database;
      dropRestored = fresh.drop;
    } else {
      restoreEnv = { DATA_DIR: restoredDir };
      restored = openDatabase({ kind: 'sqlite', file: join(restoredDir, 'minhbach.db') });
      dropRestored = () => restored.close();
    }
  }, 300_000);
  afterAll(async () => {
    await f?.close();
    await dropRestored?.();
    rmSync(restoredDir, { recursive: true, force: true });
  });

  it('restores a copy equal, table by table, to the source as of the backup', async () => {
    const plans = await f.coordinator.call('GET', '/api/plans');
    const plan = plans.body.find((p: { year: number }) => p.year === 2024);
    const detail = await f.coordinator.call('GET', `/api/plans/${plan.id}`);
    const taskId = detail.body.tasks.find((t: { kind: string }) => t.kind === 'task').id;

    let stop = false;
    let acked = 0;
    const load = (async () => {
      for (let i = 0; !stop; i++) {
        const res = await f.coordinator.call('POST', '/api/evidence', { planId: plan.id, taskIds: [taskId], kind: 'other', date: '2024-05-02', title: `Tải ${i}`, quantities: {} });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        acked = i + 1;
      }
    })();
    while (acked < 20) await new Promise((r) => setTimeout(r, 20));
    const ackedBeforeBackup = acked;
    const file = join(restoredDir, engine === 'postgres' ? 'minhbach.dump' : 'sao-luu.db');
    const backup = await runCli(f.env, ['backup', file]);
    expect(backup).toContain('Đã sao lưu');
    const ackedAfterBackup = acked;
    while (acked < ackedAfterBackup + 10) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await load;

    // Restoring into a database that has data is refused unless forced (PostgreSQL).
    if (engine === 'postgres') await expect(runCli(f.env, ['restore', file])).rejects.toThrow(/đã có dữ liệu/);
    expect(await runCli(restoreEnv, ['restore', file])).toContain('Đã khôi phục');

    const sourceTables = await tables(f.check);
    expect(await tables(restored)).toEqual(sourceTables);
    const restoredLoad = (await restored.db.selectFrom('evidence').select('title').where('title', 'like', 'Tải %').execute()).map((r) => Number(r.title.slice(4))).sort((a, b) => a - b);
    const k = restoredLoad.length;
    expect(restoredLoad).toEqual([...Array(k).keys()]);
    expect(k).toBeGreaterThanOrEqual(ackedBeforeBackup);
    expect(k).toBeLessThan(acked);
    const lateIds = (await f.check.db.selectFrom('evidence').select(['id', 'title']).where('title', 'like', 'Tải %').execute()).filter((r) => Number(r.title.slice(4)) >= k).map((r) => r.id);
    expect(lateIds.length).toBe(acked - k);

    let compared = 0;
    for (const table of sourceTables) {
      const source = await rowsOf(f.check, table);
      const copy = await rowsOf(restored, table);
      const sourceSet = new Set(source);
      for (const row of copy) expect(sourceSet.has(row), `${table}: restored row not in the source: ${row.slice(0, 300)}`).toBe(true);
      const copySet = new Set(copy);
      for (const row of source.filter((r) => !copySet.has(r))) expect(lateIds.some((id) => row.includes(id)), `${table}: source row missing from the restore: ${row.slice(0, 300)}`).toBe(true);
      compared += copy.length;
    }
    console.log(`[backup ${engine}] ${sourceTables.length} tables, ${compared} rows equal; load items ${ackedBeforeBackup} acknowledged before the backup, ${k} in it, ${acked} in all`);
  }, 300_000);
});

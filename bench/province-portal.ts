/**
 * A province on one database, for public-traffic runs: the seed agency with its demo newsroom,
 * procedures and plan (its portal is the default site), plus `agencyCount` generated agencies
 * with a plan and a year of evidence each (province-generate.ts), each on its own host name
 * (`<code>.tinh.test`) so their portals can be asked for by Host header.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Engine } from '../src/db/database.ts';
import { openDatabase } from '../src/db/database.ts';
import { createPgBenchDatabase } from './pg-support.ts';
import { generateProvince, pgSink, sqliteSink } from './province-generate.ts';

export interface ProvincePortal {
  engine: Engine;
  /** Environment for `minhbach serve` on this database. */
  env: Record<string, string>;
  /** Host names of the generated agencies' portals. */
  hosts: string[];
  evidence: number;
  dispose(): Promise<void>;
}

const HOST_SUFFIX = '.tinh.test';

export async function provincePortal(engine: Engine, agencyCount: number): Promise<ProvincePortal> {
  const dataDir = mkdtempSync(join(tmpdir(), `minhbach-mixed-${engine}-`));
  const created = engine === 'postgres' ? await createPgBenchDatabase('mixed') : undefined;
  const env: Record<string, string> = { DATA_DIR: dataDir, ...(created ? { DATABASE_URL: created.url } : {}) };
  const seed = spawnSync(process.execPath, ['bin/minhbach.js', 'seed'], { env: { ...process.env, ...env, LOG_LEVEL: 'warn', SEED_DEMO: 'true' }, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`minhbach seed failed (${seed.status}):\n${seed.stdout}\n${seed.stderr}`);

  const database = openDatabase(created ? { kind: 'postgres', url: created.url } : { kind: 'sqlite', file: join(dataDir, 'minhbach.db') });
  const loader = created ? new pg.Client({ connectionString: created.url }) : undefined;
  try {
    await loader?.connect();
    const sink = loader ? pgSink((text, values) => loader.query(text, values)) : sqliteSink(database);
    const generated = await generateProvince(sink, agencyCount);
    const hosts: string[] = [];
    for (const a of generated.agencies) {
      const host = `${a.code}${HOST_SUFFIX}`;
      await database.db.updateTable('agencies').set({ hostname: host }).where('id', '=', a.agencyId).execute();
      hosts.push(host);
    }
    if (loader) await loader.query('vacuum analyze');
    else database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    return {
      engine, env, hosts, evidence: generated.evidence,
      async dispose() {
        await created?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } finally {
    await loader?.end();
    await database.close();
  }
}

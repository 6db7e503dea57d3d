import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/** Both engines: data tests loop over this list (`describe.each(ENGINES)`). */
export const ENGINES: Engine[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  database: Database;
  target: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  drop(): Promise<void>;
}

/** A fresh, migrated database of the engine: in-memory SQLite, or a new database on the test cluster. */
export async function createTestDatabase(engine: Engine, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const target = { kind: 'sqlite' as const, file: ':memory:' };
    const database = openDatabase(target);
    if (opts.migrate !== false) await migrateToLatest(database);
    return { database, target, drop: () => database.close() };
  }
  const adminUrl = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = { kind: 'postgres' as const, url: url.toString() };
  const database = openDatabase(target);
  if (opts.migrate !== false) await migrateToLatest(database);
  return {
    database,
    target,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

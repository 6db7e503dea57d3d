import { sql } from 'kysely';
import type { Database } from './database.ts';

/** Arbitrary constant shared by every Minh Bạch process: the advisory lock of "migrate and seed". */
const STARTUP_LOCK_KEY = 7_424_711_031;

/**
 * Runs `fn` (migrations, first-start seed) in one process at a time. On PostgreSQL several app
 * processes may start together on an empty database: the others wait on a session advisory lock
 * and then find the work done. SQLite serialises writers itself and runs one app process.
 * Example: `await withStartupLock(database, () => migrateToLatest(database))`.
 */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.engine !== 'postgres') return fn();
  // The lock lives on one pooled connection held for the duration; `fn` uses the others.
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(conn);
    }
  });
}

import pg from 'pg';
import { startPgCluster, type PgCluster } from '../test/support/postgres-cluster.ts';

let cluster: PgCluster | undefined;

/**
 * A new empty database for a PostgreSQL bench run, named `<prefix>_<time>`: on BENCH_PG_URL's
 * server when set, else on a throwaway cluster started once per process: its URL, and how to drop it.
 */
export async function createPgBenchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  let adminUrl = process.env.BENCH_PG_URL;
  if (!adminUrl) {
    cluster ??= await startPgCluster();
    adminUrl = cluster.url;
  }
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // BENCH_KEEP_DATA=1 with BENCH_PG_URL: the database stays for a closer look (EXPLAIN).
      if (process.env.BENCH_KEEP_DATA && process.env.BENCH_PG_URL) return console.log(`Dữ liệu giữ lại ở ${url.toString()}`);
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Stops the throwaway cluster, if one was started. */
export function stopPgBenchCluster() {
  cluster?.stop();
  cluster = undefined;
}

import pg from 'pg';
import { startPgCluster, type PgCluster } from '../test/support/postgres-cluster.ts';

let cluster: PgCluster | undefined;

/**
 * The memory settings docs/production.md gives a database host (4 cores, 8 GB): a bench
 * measures the product as it is meant to be run, not PostgreSQL's 128 MB shared_buffers
 * default. BENCH_PG_DEFAULTS=1 keeps PostgreSQL's defaults.
 */
export const PRODUCTION_PG_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: '2GB', effective_cache_size: '6GB', work_mem: '16MB' };

/**
 * A new empty database for a PostgreSQL bench run, named `<prefix>_<time>`: on BENCH_PG_URL's
 * server when set, else on a throwaway cluster started once per process: its URL, and how to drop it.
 */
export async function createPgBenchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  let adminUrl = process.env.BENCH_PG_URL;
  if (!adminUrl) {
    if (!cluster) {
      const settings = process.env.BENCH_PG_DEFAULTS ? {} : PRODUCTION_PG_SETTINGS;
      cluster = await startPgCluster(settings);
      const shown = Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ');
      console.log(`PostgreSQL tạm thời: ${shown ? `${shown} (như docs/production.md)` : 'cấu hình mặc định'}`);
    }
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

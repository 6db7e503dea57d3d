import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/**
 * State several app processes must share (docs/production.md): the page cache's invalidation
 * generations, the rate limiters' counters, and where a file's content lives (S3 object key, or
 * null when the bytes are in `files.content`). All additive, so existing databases migrate in place.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // Global (not per agency): one row per cache tag, read in full by every process each second.
  await db.schema
    .createTable('cache_generations')
    .addColumn('tag', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Global: keyed by route and client address, before any agency is known.
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hits_window').on('rate_limit_hits').column('window_start').execute();
  // Adding a nullable column needs no table rebuild on SQLite; `content` stays NOT NULL and holds no bytes for S3 files.
  await sql`alter table files add column storage_key text`.execute(db);
  void engine;
}

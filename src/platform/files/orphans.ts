import type { Database } from '../../db/database.ts';
import type { S3Client } from './s3-client.ts';

/** Objects younger than this may belong to a transaction still running: never touched. */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

/**
 * Objects in the bucket that no `files` row names: left by a transaction that wrote its object
 * and then rolled back (store.ts writes objects first). Deletes them when `remove` is set.
 * Example: `await findOrphanObjects(database, s3, { remove: true })` → `{ orphans: ['…/…'], removed: 1 }`.
 */
export async function findOrphanObjects(database: Database, s3: S3Client, opts: { remove?: boolean; minAgeMs?: number; now?: Date } = {}) {
  const before = (opts.now ?? new Date()).getTime() - (opts.minAgeMs ?? ORPHAN_MIN_AGE_MS);
  const orphans: string[] = [];
  for await (const object of s3.list()) {
    if (object.lastModified.getTime() > before) continue;
    const row = await database.db.selectFrom('files').select('id').where('storage_key', '=', object.key).executeTakeFirst();
    if (!row) orphans.push(object.key);
  }
  let removed = 0;
  if (opts.remove) {
    for (const key of orphans) {
      await s3.delete(key);
      removed++;
    }
  }
  return { orphans, removed };
}

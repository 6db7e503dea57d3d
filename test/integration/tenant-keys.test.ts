import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases.ts';
import { readSchemaKeys, type TableKeys } from '../support/schema-keys.ts';

/**
 * Tables that are not per agency, and why. Everything else is tenant data: it must carry
 * `agency_id` so the schema can be distributed by agency (docs/production.md, "Sharding").
 */
const GLOBAL_TABLES: Record<string, string> = {
  agencies: 'the tenants themselves (a reference table when distributed)',
  province_names: 'provinces sit above agencies: reference data every shard reads (overseer roll-ups)',
  kysely_migration: 'schema version, one per database',
  kysely_migration_lock: 'schema version lock, one per database',
  cache_generations: 'page cache invalidation tags of every process (platform/cache-sync.ts)',
  rate_limit_hits: 'per-address counters, counted before any agency is known',
};

/** Keys (primary, unique, foreign) that do not include agency_id, in one engine-neutral line each. */
function keyGaps(schema: Record<string, TableKeys>): string[] {
  const gaps: string[] = [];
  for (const [table, k] of Object.entries(schema)) {
    if (table in GLOBAL_TABLES) continue;
    if (!k.primaryKey.includes('agency_id')) gaps.push(`primary key ${table}(${k.primaryKey.join(', ')})`);
    for (const u of k.uniques) if (!u.includes('agency_id')) gaps.push(`unique ${table}(${u.join(', ')})`);
    for (const f of k.foreignKeys) if (!f.columns.includes('agency_id') && f.parent !== 'agencies') gaps.push(`foreign key ${table}(${f.columns.join(', ')}) → ${f.parent}`);
  }
  return gaps.sort();
}

describe.each(ENGINES)('tenant keys in the live schema on %s', (engine) => {
  let d: TestDatabase;
  let schema: Record<string, TableKeys>;
  beforeAll(async () => {
    d = await createTestDatabase(engine);
    schema = await readSchemaKeys(d.database);
  });
  afterAll(() => d.drop());

  it('every table but the listed global ones carries agency_id, and has an index starting with it or a key holding it', () => {
    const tenant = Object.keys(schema).filter((t) => !(t in GLOBAL_TABLES));
    expect(tenant.length).toBeGreaterThan(40);
    expect(tenant.filter((t) => !schema[t]!.columns.includes('agency_id'))).toEqual([]);
    // The global list names only tables that exist: a stale entry would hide nothing but mislead.
    expect(Object.keys(GLOBAL_TABLES).filter((t) => !schema[t])).toEqual([]);
  });

  it('keys without agency_id are exactly the recorded ones (documented work before distributing by agency)', async () => {
    // Random text ids make `id` alone unique, so these are correct today; a distributed
    // PostgreSQL (Citus) needs agency_id in them. The file is the list docs/production.md refers
    // to: a new table or key without agency_id shows up here as a diff to review.
    await expect(keyGaps(schema).join('\n') + '\n').toMatchFileSnapshot('./tenant-key-gaps.txt');
  });
});

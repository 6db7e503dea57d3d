import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
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
  user_logins: 'sign-in looks an e-mail up before the agency is known: e-mail → (agency, user), one per e-mail over all agencies',
  jobs: 'the queue: every worker claims due jobs of all agencies (FOR UPDATE SKIP LOCKED, one table), and province-wide jobs have no agency',
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

/** An agency with a unit, a user of that unit and a plan, written with plain SQL (no service checks in the way). */
async function agencyWithRows(database: Database, tag: string) {
  const now = '2024-01-01T00:00:00.000Z';
  const ids = { agency: `ag-${tag}`, unit: `un-${tag}`, user: `us-${tag}`, plan: `pl-${tag}` };
  await sql`insert into agencies (id, code, created_at, updated_at) values (${ids.agency}, ${`test-${tag}`}, ${now}, ${now})`.execute(database.db);
  await sql`insert into units (id, agency_id, name, short_name, abbreviation, kind, created_at, updated_at) values (${ids.unit}, ${ids.agency}, 'Phòng thử', 'Phòng thử', ${`PT-${tag}`}, 'department', ${now}, ${now})`.execute(database.db);
  await sql`insert into users (id, agency_id, unit_id, email, full_name, password_hash, created_at, updated_at) values (${ids.user}, ${ids.agency}, ${ids.unit}, ${`${tag}@example.vn`}, 'Người thử', 'x', ${now}, ${now})`.execute(database.db);
  await sql`insert into plans (id, agency_id, year, title, status, created_at, updated_at) values (${ids.plan}, ${ids.agency}, 2024, 'Kế hoạch thử', 'draft', ${now}, ${now})`.execute(database.db);
  return ids;
}

const insertEvidence = (database: Database, id: string, agencyId: string, planId: string) =>
  sql`insert into evidence (id, agency_id, plan_id, kind, date, title, created_at, updated_at) values (${id}, ${agencyId}, ${planId}, 'manual', '2024-03-01', 'Minh chứng', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z')`.execute(database.db);

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

  if (engine === 'postgres') {
    it('PostgreSQL, the engine that is distributed: every primary, unique and foreign key holds agency_id', () => {
      expect(keyGaps(schema)).toEqual([]);
    });
  } else {
    it('SQLite keeps its primary and foreign keys (never distributed): the keys without agency_id are exactly the recorded ones', async () => {
      // Random text ids make `id` alone unique, so these are correct; the file shows a new table or key
      // without agency_id as a diff to review (PostgreSQL must have none: the test above).
      await expect(keyGaps(schema).join('\n') + '\n').toMatchFileSnapshot('./tenant-key-gaps.sqlite.txt');
    });
  }

  it('deleting a parent whose children keep a SET NULL reference nulls the reference and keeps the agency', async () => {
    const a = await agencyWithRows(d.database, `setnull-${engine}`);
    await sql`delete from units where id = ${a.unit}`.execute(d.database.db);
    const user = await sql<{ agency_id: string; unit_id: string | null }>`select agency_id, unit_id from users where id = ${a.user}`.execute(d.database.db);
    expect(user.rows).toEqual([{ agency_id: a.agency, unit_id: null }]);
  });
});

describe('the same keys on both engines', () => {
  let lite: TestDatabase;
  let pg: TestDatabase;
  let sqliteKeys: Record<string, TableKeys>;
  let pgKeys: Record<string, TableKeys>;
  beforeAll(async () => {
    [lite, pg] = await Promise.all([createTestDatabase('sqlite'), createTestDatabase('postgres')]);
    [sqliteKeys, pgKeys] = await Promise.all([readSchemaKeys(lite.database), readSchemaKeys(pg.database)]);
  });
  afterAll(async () => {
    await lite?.drop();
    await pg?.drop();
  });

  const key = (table: string, columns: string[]) => `${table}(${columns.join(', ')})`;

  it('SQLite has every unique key of PostgreSQL, and each of its keys with agency_id is one of PostgreSQL\'s: ON CONFLICT targets exist on both', () => {
    const pgUniques = Object.entries(pgKeys).flatMap(([t, k]) => k.uniques.map((u) => key(t, u)));
    const pgPrimary = Object.entries(pgKeys).map(([t, k]) => key(t, k.primaryKey));
    const liteUniques = Object.entries(sqliteKeys).flatMap(([t, k]) => [...k.uniques, k.primaryKey].map((u) => key(t, u)));
    expect(pgUniques.filter((u) => !liteUniques.includes(u))).toEqual([]);
    const liteWithAgency = Object.entries(sqliteKeys).flatMap(([t, k]) => k.uniques.filter((u) => u.includes('agency_id')).map((u) => key(t, u)));
    expect(liteWithAgency.filter((u) => !pgUniques.includes(u) && !pgPrimary.includes(u))).toEqual([]);
  });

  it('every foreign key of SQLite is, on PostgreSQL, (agency_id, column) → parent(agency_id, id) with the same ON DELETE, SET NULL nulling only the column', () => {
    const expected: string[] = [];
    for (const [t, k] of Object.entries(sqliteKeys)) {
      for (const f of k.foreignKeys) {
        if (f.parent === 'agencies') expected.push(`${key(t, f.columns)} → ${key(f.parent, f.parentColumns)} ${f.onDelete}`);
        else expected.push(`${key(t, ['agency_id', ...f.columns])} → ${key(f.parent, ['agency_id', ...f.parentColumns])} ${f.onDelete === 'set null' ? `set null (${f.columns.join(', ')})` : f.onDelete}`);
      }
    }
    const actual = Object.entries(pgKeys).flatMap(([t, k]) => k.foreignKeys.map((f) => `${key(t, f.columns)} → ${key(f.parent, f.parentColumns)} ${f.onDelete}`));
    expect(actual.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(100);
  });
});

describe('PostgreSQL holds every reference inside one agency', () => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase('postgres');
  });
  afterAll(() => d.drop());

  it('refuses evidence of one agency pointing at a plan of another (foreign key violation)', async () => {
    const a = await agencyWithRows(d.database, 'fk-a');
    const b = await agencyWithRows(d.database, 'fk-b');
    await expect(insertEvidence(d.database, 'ev-cross', a.agency, b.plan)).rejects.toMatchObject({ code: '23503' });
    await insertEvidence(d.database, 'ev-own', a.agency, a.plan);
    const rows = await sql<{ id: string }>`select id from evidence`.execute(d.database.db);
    expect(rows.rows.map((r) => r.id)).toEqual(['ev-own']);
  });
});

describe('migration 0018 on data of 0017 (PostgreSQL)', () => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase('postgres', { migrate: false });
    await migrateToLatest(d.database, '0017-scale');
  });
  afterAll(() => d.drop());

  it('stops, naming the key, when a row points at another agency\'s parent, and changes nothing', async () => {
    const a = await agencyWithRows(d.database, 'mig-a');
    const b = await agencyWithRows(d.database, 'mig-b');
    await insertEvidence(d.database, 'ev-cross', a.agency, b.plan); // allowed by the keys of 0017
    await expect(migrateToLatest(d.database)).rejects.toThrow(/evidence\(plan_id\) → plans: 1 dòng/);
    const before = await readSchemaKeys(d.database);
    expect(before.user_logins).toBeUndefined();
    expect(before.evidence!.primaryKey).toEqual(['id']);
    expect((await sql<{ n: number }>`select count(*)::int as n from evidence`.execute(d.database.db)).rows[0]!.n).toBe(1);
  });

  it('once the rows are fixed, moves every key and fills user_logins from the users', async () => {
    await sql`delete from evidence where id = 'ev-cross'`.execute(d.database.db);
    expect(await migrateToLatest(d.database)).toContain('0018-tenant-keys');
    const logins = await sql<{ email: string; agency_id: string; user_id: string }>`select email, agency_id, user_id from user_logins order by email`.execute(d.database.db);
    expect(logins.rows).toEqual([
      { email: 'mig-a@example.vn', agency_id: 'ag-mig-a', user_id: 'us-mig-a' },
      { email: 'mig-b@example.vn', agency_id: 'ag-mig-b', user_id: 'us-mig-b' },
    ]);
    expect((await readSchemaKeys(d.database)).evidence!.primaryKey).toEqual(['agency_id', 'id']);
  });
});

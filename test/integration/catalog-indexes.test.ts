import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as repo from '../../src/modules/procedures/repo.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

/**
 * PostgreSQL reads a catalog search's procedures back by id from covering indexes (migration
 * 0019). The plan is forced onto indexes (the test tables are tiny, where a scan of the table
 * wins): if the catalog query came to read a column an index lacks, the plan would fetch heap
 * rows (an Index Scan) instead of an Index Only Scan, and this fails.
 */
describe('PostgreSQL catalog indexes', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
  });
  afterAll(() => t.drop());

  it('a search result page is read back by id from the indexes alone', async () => {
    const ids = ['p-1', 'p-2', 'p-3'];
    const query = repo.listPageInForceQuery(t.database.db, { agencyId: 'a-1', asOf: '2026-11-29', procedureIds: ids, limit: 50, offset: 0 }).compile();
    const plan = await t.database.transaction(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_bitmapscan = off`.execute(trx);
      const explained = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `explain ${query.sql}` });
      return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Only Scan using procedure_versions_catalog on procedure_versions/);
    expect(plan).toMatch(/Index Only Scan using procedures_catalog on procedures/);
  });

  it('no table has two indexes on the same columns', async () => {
    const duplicates = await sql<{ table: string; indexes: string }>`
      select indrelid::regclass::text as table, string_agg(indexrelid::regclass::text, ', ' order by indexrelid::regclass::text) as indexes
      from pg_index join pg_class c on c.oid = indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema()
      group by indrelid, indkey::text, indclass::text, coalesce(pg_get_expr(indpred, indrelid), ''), coalesce(pg_get_expr(indexprs, indrelid), '')
      having count(*) > 1`.execute(t.database.db);
    expect(duplicates.rows).toEqual([]);
  });
});

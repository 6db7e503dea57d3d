import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../../src/db/compiled-query.ts';
import { newId, nowIso } from '../../src/db/sql-helpers.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases.ts';

const agencyNamed = compiledOnce((db, a: { code: string; demo: number }) =>
  db.selectFrom('agencies').select(['id', 'code']).where('code', '=', a.code).where('is_demo', '=', a.demo).where('hostname', 'is', null),
);

describe.each(ENGINES)('compiledOnce on %s', (engine) => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const now = nowIso();
    for (const [code, demo] of [['A-1', 0], ['B-2', 1]] as const) {
      ids[code] = newId();
      await t.database.db.insertInto('agencies').values({ id: ids[code], code, hostname: null, address: null, phone: null, email: null, website: null, is_demo: demo, created_at: now, updated_at: now }).execute();
    }
  });
  afterAll(() => t.drop());

  it('runs the once-compiled SQL with each call’s values', async () => {
    expect(await agencyNamed(t.database.db, { code: 'A-1', demo: 0 })).toEqual([{ id: ids['A-1'], code: 'A-1' }]);
    expect(await agencyNamed(t.database.db, { code: 'B-2', demo: 1 })).toEqual([{ id: ids['B-2'], code: 'B-2' }]);
    expect(await agencyNamed(t.database.db, { code: 'B-2', demo: 0 })).toEqual([]);
  });

  it('runs inside a transaction and sees its writes', async () => {
    await t.database.transaction(async (trx) => {
      const now = nowIso();
      await trx.insertInto('agencies').values({ id: newId(), code: 'C-3', hostname: null, address: null, phone: null, email: null, website: null, is_demo: 0, created_at: now, updated_at: now }).execute();
      expect((await agencyNamed(trx, { code: 'C-3', demo: 0 })).map((r) => r.code)).toEqual(['C-3']);
    });
  });

  it('refuses a builder that leaves an argument out of the query', async () => {
    const broken = compiledOnce((db, _a: { code: string }) => db.selectFrom('agencies').select('id').where('code', '=', 'X'));
    await expect(broken(t.database.db, { code: 'A-1' })).rejects.toThrow(/not a parameter/);
  });
});

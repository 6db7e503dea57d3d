import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../../src/db/sql-helpers.ts';
import { FIRST_WINDOW, MAX_SCAN } from '../../src/platform/search/engines.ts';
import { createSearchIndex } from '../../src/platform/search/index.ts';
import { rng } from '../../bench/measure.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

/**
 * PostgreSQL reads an agency's most recent documents first and finds older matches through GIN
 * (engines.ts); SQLite asks FTS5 tier by tier. With more documents than PostgreSQL's window, the
 * two must still return the same documents in the same order (tier, then most recent), facets
 * and paging included — so the older-matches path is checked against a plain reference.
 */
const WORDS = ['hộ tịch', 'khai sinh', 'đất đai', 'người có uy tín', 'dân tộc', 'thủ tục', 'trực tuyến', 'bảo trợ', 'xã hội', 'giấy phép', 'hành chính', 'cư trú'];
const DOCS = MAX_SCAN + FIRST_WINDOW;

describe('older matches beyond the first window: PostgreSQL equals SQLite', () => {
  const engines: Record<'sqlite' | 'postgres', { t: TestDatabase; index: ReturnType<typeof createSearchIndex>; agencyId: string }> = {} as never;

  beforeAll(async () => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const t = await createTestDatabase(engine);
      const index = createSearchIndex(t.database);
      const agencyId = newId();
      await t.database.db.insertInto('agencies').values({ id: agencyId, code: 'search-test', hostname: null, address: null, phone: null, email: null, website: null, is_demo: 0, created_at: nowIso(), updated_at: nowIso() }).execute();
      const r = rng(2024);
      const pick = () => WORDS[Math.floor(r() * WORDS.length)]!;
      await t.database.transaction(async (trx) => {
        for (let i = 0; i < DOCS; i++) {
          // Rare words only in old documents: their matches all lie before the window ('cấp đổi'
          // in a few, 'lưu trữ' in more than one GIN read of every older match takes at once).
          const old = i < DOCS - MAX_SCAN;
          const rare = (old && i % 97 === 0 ? ' cấp đổi' : '') + (old && i % 3 === 0 ? ' lưu trữ' : '');
          await index.upsert(trx, {
            agencyId, kind: i % 5 === 0 ? 'document' : 'procedure', refId: `r${i}`,
            title: `${pick()} ${pick()}${rare}`, body: `${pick()} ${pick()} ${pick()}`, url: `/x/${i}`,
            publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
            facets: [`field:${i % 7}`],
          });
        }
      });
      engines[engine] = { t, index, agencyId };
    }
  }, 240_000);
  afterAll(async () => {
    for (const e of Object.values(engines)) await e.t.drop();
  });

  it('a PostgreSQL search that steered the planner leaves its connection outside any transaction, with default settings', async () => {
    const { t, index, agencyId } = engines.postgres;
    // Rare words: read through GIN, so the planner is steered inside a transaction (SET LOCAL).
    for (const q of ['cấp đổi', 'lưu trữ', 'cấp đổi hộ tịch']) await index.searchRefs(agencyId, q, { limit: 20 });
    const states = await Promise.all(Array.from({ length: 10 }, () =>
      sql<{ seqscan: string; xact: string | null }>`select current_setting('enable_seqscan') as seqscan, pg_current_xact_id_if_assigned()::text as xact`.execute(t.database.db),
    ));
    expect(states.map((s) => s.rows[0]!.seqscan)).toEqual(Array(10).fill('on'));
    expect(states.every((s) => s.rows[0]!.xact === null)).toBe(true);
  });

  it.each([
    ['cấp đổi', {}],
    ['cấp đổi', { facets: ['field:0'] }],
    ['lưu trữ', { limit: 50 }],
    ['lưu trữ hộ tịch', { limit: 20, offset: 20 }],
    ['hộ tịch khai sinh', { limit: 50 }],
    ['hộ tịch khai sinh', { limit: 50, facets: ['field:3'] }],
    ['thủ tục giấy phép', { limit: 20, offset: 40 }],
    ['uy tín cư trú', { limit: 50, facets: ['field:6'], kinds: ['document'] }],
    ['đất đai bảo trợ xã hội', { limit: 50, everyWord: true }],
    ['đất đai không có', { limit: 50 }],
  ] as const)('"%s" %j', async (q, opts) => {
    const refs = async (engine: 'sqlite' | 'postgres') => (await engines[engine].index.searchRefs(engines[engine].agencyId, q, opts as never)).refs.map((h) => `${h.refId}:${h.score}`);
    const expected = await refs('sqlite');
    expect(await refs('postgres')).toEqual(expected);
    // With texts, the count too (exact up to its cap): read on through the btree or GIN on PostgreSQL.
    const counted = async (engine: 'sqlite' | 'postgres') => {
      const r = await engines[engine].index.search(engines[engine].agencyId, q, opts as never);
      return { total: r.total, totalExact: r.totalExact, hits: r.hits.map((h) => h.refId) };
    };
    expect(await counted('postgres')).toEqual(await counted('sqlite'));
  });
});

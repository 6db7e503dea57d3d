import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { newId, nowIso } from '../../src/db/sql-helpers.ts';
import { createSearchIndex, type SearchDocumentInput, type SearchIndex } from '../../src/platform/search/index.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases.ts';

async function addAgency(database: Database, code: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await database.db.insertInto('agencies').values({ id, code, hostname: null, address: null, phone: null, email: null, website: null, is_demo: 0, created_at: now, updated_at: now }).execute();
  return id;
}

describe.each(ENGINES)('platform search index on %s', (engine) => {
  let tdb: TestDatabase;
  let database: Database;
  let search: SearchIndex;
  let agencyA: string;
  let agencyB: string;

  const put = (doc: Partial<SearchDocumentInput> & Pick<SearchDocumentInput, 'refId' | 'title' | 'body'>) =>
    database.transaction((trx) =>
      search.upsert(trx, { agencyId: agencyA, kind: 'article', url: `/tin-tuc/${doc.refId}`, publishedAt: '2025-01-01T00:00:00.000Z', ...doc }),
    );
  const refs = async (q: string, opts?: Parameters<SearchIndex['search']>[2], agency = agencyA) => (await search.search(agency, q, opts)).hits.map((h) => h.refId);

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    database = tdb.database;
    search = createSearchIndex(database);
    agencyA = await addAgency(database, 'search-a');
    agencyB = await addAgency(database, 'search-b');
    await put({ refId: 'tthc', title: 'Thủ tục hành chính', summary: 'Danh mục thủ tục hành chính cấp tỉnh', body: 'Công bố danh mục thủ tục hành chính mới.' });
    await put({ refId: 'dkkd', title: 'Đăng ký kinh doanh', body: 'Hướng dẫn đăng ký hộ kinh doanh qua Cổng dịch vụ công.', publishedAt: '2024-05-01T00:00:00.000Z' });
    await put({ refId: 'body-only', title: 'Hội nghị giao ban quý II', body: 'Tại hội nghị, đại diện Sở Kế hoạch nói về đăng ký doanh nghiệp và đăng ký đầu tư.', publishedAt: '2025-06-01T00:00:00.000Z' });
    await put({ refId: 'html', title: 'Mẫu <script>alert("x")</script> & "trích dẫn"', body: 'Nội dung có thẻ <b>in đậm</b> & ký tự \'đặc biệt\' về chuyển đổi số.' });
    await put({ refId: 'de-an', kind: 'document', title: 'Quyết định phê duyệt Đề án 06', body: 'Phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia.' });
    await database.transaction((trx) =>
      search.upsert(trx, { agencyId: agencyB, kind: 'article', refId: 'b-secret', title: 'Thủ tục hành chính của cơ quan B', body: 'Đăng ký kinh doanh tại cơ quan B.', url: '/b', publishedAt: '2025-02-01T00:00:00.000Z' }),
    );
  });
  afterAll(() => tdb.drop());

  it('folds tones and đ: "thu tuc", "dang ky" and "DANG KY" find the Vietnamese titles', async () => {
    expect(await refs('thu tuc')).toEqual(['tthc']);
    expect(await refs('thủ tục')).toEqual(['tthc']);
    expect((await refs('dang ky'))[0]).toBe('dkkd');
    expect((await refs('DANG KY'))[0]).toBe('dkkd');
    expect((await refs('Đăng Ký'.normalize('NFD')))[0]).toBe('dkkd');
    expect(await refs('de an 06')).toEqual(['de-an']);
  });

  it('ranks a title match above a body-only match, and requires every word', async () => {
    const found = await search.search(agencyA, 'dang ky');
    expect(found.total).toBe(2);
    expect(found.hits.map((h) => h.refId)).toEqual(['dkkd', 'body-only']);
    expect(found.hits[0]!.score).toBeGreaterThan(found.hits[1]!.score);
    // AND: "kinh doanh" + "hội nghị" share no document.
    expect(await refs('dang ky doanh nghiep')).toEqual(['body-only']);
    expect(await refs('dang ky ho kinh doanh')).toEqual(['dkkd']);
  });

  it('ranks by tier: title phrase, title words, phrase in the text, words; recent first within a tier', async () => {
    const day = (d: number) => `2022-03-${String(d).padStart(2, '0')}T08:00:00.000Z`;
    await put({ refId: 'r-words-new', title: 'Tin vắn', body: 'Hồ sơ cấp lại và đổi giấy phép.', publishedAt: day(20) });
    await put({ refId: 'r-phrase-old', title: 'Tin vắn', body: 'Thủ tục cấp đổi giấy phép lái xe.', publishedAt: day(2) });
    await put({ refId: 'r-title-words', title: 'Giấy phép: cấp, đổi như thế nào', body: 'x', publishedAt: day(1) });
    await put({ refId: 'r-title-phrase-old', title: 'Cấp đổi giấy phép', body: 'x', publishedAt: day(3) });
    await put({ refId: 'r-title-phrase-new', title: 'Hướng dẫn cấp đổi giấy phép', body: 'x', publishedAt: day(4) });
    const found = await search.search(agencyA, 'cap doi giay phep');
    expect(found.hits.map((h) => [h.refId, h.score])).toEqual([
      ['r-title-phrase-new', 4], ['r-title-phrase-old', 4], ['r-title-words', 3], ['r-phrase-old', 2], ['r-words-new', 1],
    ]);
    expect(found).toMatchObject({ total: 5, totalExact: true });
    for (const r of ['r-words-new', 'r-phrase-old', 'r-title-words', 'r-title-phrase-old', 'r-title-phrase-new']) {
      await database.transaction((trx) => search.remove(trx, agencyA, 'article', r));
    }
  });

  it('falls back to any word when no document has them all', async () => {
    const found = await search.search(agencyA, 'thu tuc xyzzy');
    expect(found.total).toBe(1);
    expect(found.hits[0]!.refId).toBe('tthc');
    expect((await search.search(agencyA, 'xyzzy plugh')).total).toBe(0);
  });

  it('highlights the original text with marks and cuts a snippet around the match', async () => {
    const [hit] = (await search.search(agencyA, 'dang ky')).hits;
    expect(hit).toMatchObject({ kind: 'article', refId: 'dkkd', title: 'Đăng ký kinh doanh', url: '/tin-tuc/dkkd', publishedAt: '2024-05-01T00:00:00.000Z' });
    expect(hit!.titleHtml).toBe('<mark>Đăng ký</mark> kinh doanh');
    expect(hit!.snippetHtml).toBe('Hướng dẫn <mark>đăng ký</mark> hộ kinh doanh qua Cổng dịch vụ công.');
    const [tthc] = (await search.search(agencyA, 'thu tuc')).hits;
    expect(tthc!.titleHtml).toBe('<mark>Thủ tục</mark> hành chính');
    expect(tthc!.snippetHtml).toBe('Danh mục <mark>thủ tục</mark> hành chính cấp tỉnh'); // the summary first
  });

  it('returns HTML in the content escaped', async () => {
    const [hit] = (await search.search(agencyA, 'script chuyen doi so')).hits;
    expect(hit!.refId).toBe('html');
    expect(hit!.titleHtml).toBe('Mẫu &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; &quot;trích dẫn&quot;');
    expect(hit!.snippetHtml).toContain('&lt;b&gt;in đậm&lt;/b&gt; &amp; ký tự &#39;đặc biệt&#39; về <mark>chuyển đổi số</mark>.');
    expect(hit!.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
  });

  it('never shows another agency its documents', async () => {
    expect(await refs('quan')).toEqual([]); // only agency B has "cơ quan"
    expect(await refs('thu tuc')).not.toContain('b-secret');
    expect(await refs('thu tuc', {}, agencyB)).toEqual(['b-secret']);
    expect(await refs('de an 06', {}, agencyB)).toEqual([]);
    expect((await search.search(newId(), 'thu tuc')).total).toBe(0);
  });

  it('filters by kind', async () => {
    expect(await refs('chuyen doi so', { kinds: ['document'] })).toEqual(['de-an']);
    expect(await refs('chuyen doi so', { kinds: ['article'] })).toEqual(['html']);
    expect((await refs('chuyen doi so', { kinds: ['article', 'document'] })).sort()).toEqual(['de-an', 'html']);
    expect(await refs('chuyen doi so', { kinds: ['procedure'] })).toEqual([]);
  });

  it('pages with limit and offset and reports the total', async () => {
    for (let i = 0; i < 15; i++) await put({ refId: `page-${i}`, title: `Tin tuyên truyền số ${i}`, body: 'Tuyên truyền cải cách hành chính.', publishedAt: `2023-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z` });
    const first = await search.search(agencyA, 'tuyen truyen cai cach', { limit: 10 });
    expect(first.total).toBe(15);
    expect(first.hits).toHaveLength(10);
    // Equal scores: the most recent first.
    expect(first.hits.slice(0, 3).map((h) => h.refId)).toEqual(['page-14', 'page-13', 'page-12']);
    const second = await search.search(agencyA, 'tuyen truyen cai cach', { limit: 10, offset: 10 });
    expect(second.total).toBe(15);
    expect(second.hits.map((h) => h.refId)).toEqual(['page-4', 'page-3', 'page-2', 'page-1', 'page-0']);
    expect((await search.search(agencyA, 'tuyen truyen', { limit: 500 })).hits).toHaveLength(15);
    expect((await search.search(agencyA, 'tuyen truyen', { limit: 5, offset: 100 })).total).toBe(15);
    for (let i = 0; i < 15; i++) await database.transaction((trx) => search.remove(trx, agencyA, 'article', `page-${i}`));
  });

  it('counts up to 100 matches; ranks a title match of 2010 above 1030 newer body matches', async () => {
    await database.transaction(async (trx) => {
      // More documents at one millisecond than SQLite's 1024 recency keys per millisecond.
      for (let i = 0; i < 1030; i++) {
        const body = `Phổ biến giáo dục pháp luật${i % 12 === 0 ? ' đặc biệt' : ''}.`;
        await search.upsert(trx, { agencyId: agencyB, kind: 'article', refId: `many-${i}`, title: `Bản tin số ${i}`, body, url: `/m/${i}`, publishedAt: '2021-01-01' });
      }
      await search.upsert(trx, { agencyId: agencyB, kind: 'document', refId: 'old', title: 'Luật Phổ biến, giáo dục pháp luật', body: 'Văn bản cũ.', url: '/old', publishedAt: '2010-06-01' });
    });
    const found = await search.search(agencyB, 'pho bien giao duc', { limit: 4 });
    expect(found).toMatchObject({ total: 100, totalExact: false });
    expect(found.hits.map((h) => [h.refId, h.score])).toEqual([['old', 4], ['many-1023', 2], ['many-1022', 2], ['many-1021', 2]]);
    expect(found.hits[1]!.publishedAt).toBe('2021-01-01T00:00:00.000Z');
    const deep = await search.search(agencyB, 'pho bien giao duc', { offset: 10_000, limit: 50 });
    expect(deep.hits).toHaveLength(50); // offset is capped at 100
    // 86 of the 1030 (every 12th): counted exactly, most of them beyond PostgreSQL's window.
    expect(await search.search(agencyB, 'dac biet', { limit: 2 })).toMatchObject({ total: 86, totalExact: true, hits: [{ refId: 'many-1020' }, { refId: 'many-1008' }] });
    expect(await search.search(agencyB, 'ban tin so 1029', { limit: 1 })).toMatchObject({ total: 1, totalExact: true, hits: [{ refId: 'many-1029' }] });
    expect(await search.search(agencyB, 'van ban cu')).toMatchObject({ total: 1, totalExact: true, hits: [{ refId: 'old' }] });
    expect(await search.search(agencyB, 'luat', { kinds: ['document'] })).toMatchObject({ total: 1, hits: [{ refId: 'old' }] });
    const rare = await search.search(agencyB, 'ban tin so', { limit: 5 });
    expect(rare).toMatchObject({ total: 100, totalExact: false });
    expect(rare.hits.every((h) => h.score === 4)).toBe(true);
    await database.db.deleteFrom('search_documents').where('agency_id', '=', agencyB).where('ref_id', '!=', 'b-secret').execute();
    expect((await search.search(agencyB, 'pho bien giao duc')).total).toBe(0);
  });

  it('rejects a publishedAt that is not a date', async () => {
    await expect(put({ refId: 'bad-date', title: 'x', body: 'x', publishedAt: 'hôm qua' })).rejects.toThrow(/publishedAt/);
  });

  it('remove() removes, upsert twice keeps one row with the new text', async () => {
    await put({ refId: 'tmp', title: 'Một cửa liên thông', body: 'Bộ phận một cửa.' });
    await put({ refId: 'tmp', title: 'Một cửa điện tử', body: 'Bộ phận tiếp nhận và trả kết quả.' });
    const rows = await database.db.selectFrom('search_documents').selectAll().where('agency_id', '=', agencyA).where('ref_id', '=', 'tmp').execute();
    expect(rows).toHaveLength(1);
    expect(await refs('lien thong')).toEqual([]);
    expect(await refs('mot cua dien tu')).toEqual(['tmp']);
    expect(await refs('tiep nhan tra ket qua')).toEqual(['tmp']);
    await database.transaction((trx) => search.remove(trx, agencyA, 'article', 'tmp'));
    expect(await refs('mot cua')).toEqual([]);
    await database.transaction((trx) => search.remove(trx, agencyA, 'article', 'tmp')); // twice: no error
  });

  it('upsert and remove follow the caller\'s transaction', async () => {
    await expect(
      database.transaction(async (trx) => {
        await search.upsert(trx, { agencyId: agencyA, kind: 'article', refId: 'rolled-back', title: 'Phổ biến pháp luật', body: 'x', url: '/x', publishedAt: nowIso() });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await refs('pho bien phap luat')).toEqual([]);
  });

  it('answers hostile and empty queries without error', async () => {
    const hostile = ['"', '*', 'NEAR(', 'a OR', '-x', "'; drop table search_documents; --", 'x'.repeat(10_000), 'thủ '.repeat(3000),
      'title:thu', '{title}: tuc', '^thu', 'thu*', '"thu tuc', '(thu OR', 'AND', 'NOT thu', '!!&|<->', "'\\'", '\u0000', '\ud800', '🙂 thủ tục 🙂'];
    for (const q of hostile) {
      const r = await search.search(agencyA, q);
      expect(r.total).toBeGreaterThanOrEqual(0);
    }
    expect((await search.search(agencyA, 'thu*')).hits[0]?.refId).toBe('tthc');
    expect((await search.search(agencyA, '🙂 thủ tục 🙂')).hits[0]?.refId).toBe('tthc');
    for (const q of ['', '   ', '\n\t', '"*-:^()', '...', '<>']) expect(await search.search(agencyA, q)).toEqual({ total: 0, totalExact: true, hits: [] });
    expect(await database.db.selectFrom('search_documents').select('ref_id').limit(1).execute()).toHaveLength(1);
  });

  it('stores text as NFC, rebuilds its index, and drops an agency\'s documents with the agency', async () => {
    await put({ refId: 'nfd', title: 'Cải cách hành chính'.normalize('NFD'), body: 'Chỉ số PAR Index' });
    const row = await database.db.selectFrom('search_documents').select('title').where('ref_id', '=', 'nfd').executeTakeFirstOrThrow();
    expect(row.title).toBe('Cải cách hành chính'.normalize('NFC'));
    expect(await search.reindexAll()).toBeGreaterThan(5);
    expect(await refs('thu tuc')).toEqual(['tthc']);
    expect(await refs('par index')).toEqual(['nfd']);
    const c = await addAgency(database, 'search-c');
    await database.transaction((trx) => search.upsert(trx, { agencyId: c, kind: 'article', refId: 'c1', title: 'Dân tộc thiểu số', body: 'x', url: '/c', publishedAt: nowIso() }));
    expect((await search.search(c, 'dan toc thieu so')).total).toBe(1);
    await database.db.deleteFrom('agencies').where('id', '=', c).execute();
    expect((await search.search(c, 'dan toc thieu so')).total).toBe(0);
    if (engine === 'sqlite') {
      const fts = await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match 'dan AND toc AND thieu'`.execute(database.db);
      expect(fts.rows[0]!.n).toBe(0);
    }
  });

  it('facets: a search naming facets finds only documents stored with all of them, beyond the best 50 of the words; reindexing keeps them', async () => {
    const f = await addAgency(database, 'search-facets');
    // 60 recent documents of field "a" and 3 older of field "b", all with the same words.
    await database.transaction(async (trx) => {
      for (let i = 0; i < 63; i++) {
        const field = i < 60 ? 'a' : 'b';
        await search.upsert(trx, { agencyId: f, kind: 'procedure', refId: `p${i}`, title: `Đăng ký hộ kinh doanh ${i}`, body: 'Hồ sơ', url: `/p${i}`,
          publishedAt: `202${i < 60 ? 5 : 3}-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`, facets: [`field:${field}`, i % 2 ? 'level:Cấp tỉnh' : 'level:Cấp xã'] });
      }
    });
    const ids = async (facets: string[]) => (await search.search(f, 'dang ky', { kinds: ['procedure'], facets, limit: 50 })).hits.map((h) => h.refId).sort();
    expect((await search.search(f, 'dang ky', { kinds: ['procedure'], limit: 50 })).hits.some((h) => ['p60', 'p61', 'p62'].includes(h.refId))).toBe(false);
    expect(await ids(['field:b'])).toEqual(['p60', 'p61', 'p62']);
    expect(await ids(['field:b', 'level:Cấp tỉnh'])).toEqual(['p61']);
    expect(await ids(['level:Cấp tỉnh'.normalize('NFD'), 'field:b'])).toEqual(['p61']);
    expect(await ids(['field:c'])).toEqual([]);
    expect((await search.search(f, 'dang ky', { facets: ['field:b'] })).total).toBe(3);
    // A facet is never matched by typed words.
    expect((await search.search(f, 'field b')).total).toBe(0);
    expect(await search.reindexAll('procedure')).toBeGreaterThanOrEqual(63);
    expect(await ids(['field:b', 'level:Cấp tỉnh'])).toEqual(['p61']);
    expect(await search.reindexAll()).toBeGreaterThanOrEqual(63);
    expect(await ids(['field:b'])).toEqual(['p60', 'p61', 'p62']);
    expect(await refs('thu tuc')).toEqual(['tthc']);
    // Upsert without facets drops them.
    await database.transaction((trx) => search.upsert(trx, { agencyId: f, kind: 'procedure', refId: 'p61', title: 'Đăng ký hộ kinh doanh 61', body: 'Hồ sơ', url: '/p61', publishedAt: '2023-01-02T00:00:00.000Z' }));
    expect(await ids(['field:b'])).toEqual(['p60', 'p62']);
  });

  it('everyWord: no any-word fallback', async () => {
    expect((await search.search(agencyA, 'dang ky zzzqqq')).hits.length).toBeGreaterThan(0);
    expect((await search.search(agencyA, 'dang ky zzzqqq', { everyWord: true })).hits).toEqual([]);
  });

  it('searchRefs answers the same references, in the same order, as search (also past a first page of 2)', async () => {
    for (const [q, limit] of [['dang ky', 50], ['dang ky', 1], ['thu tuc hanh chinh', 50], ['chuyen doi so', 2], ['dang ky zzzqqq', 50], ['', 50]] as const) {
      const full = await search.search(agencyA, q, { limit });
      const refs = await search.searchRefs(agencyA, q, { limit });
      expect(refs.refs, q).toEqual(full.hits.map((h) => ({ kind: h.kind, refId: h.refId, score: h.score })));
    }
    expect((await search.searchRefs(agencyB, 'thu tuc')).refs.map((r) => r.refId)).toEqual(['b-secret']);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillProcedureFacets } from '../../src/db/migrations/0014-search-facets.ts';
import { backfillNameSort } from '../../src/db/migrations/0015-procedure-name-sort.ts';
import { catalogToCsv } from '../../src/documents/procedures/catalog-export.ts';
import { procedurePaths } from '../../src/modules/procedures/paths.ts';
import type { ProcedureDataValue } from '../../src/modules/procedures/procedure-data.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

const procedure = (code: string, name: string, field: string, level: ProcedureDataValue['level']): ProcedureDataValue => ({
  code, name, field, level, implementingAgency: 'Sở Kế hoạch và Đầu tư', steps: ['Nộp hồ sơ'], channels: [{ channel: 'in_person', processingTime: '3 ngày', fee: 'Không', description: 'Trực tiếp' }],
  processingDays: 3, onlineLevel: 'full', dossier: [{ name: 'Giấy đề nghị', originals: 1, copies: 0 }], applicants: 'Cá nhân', result: 'Giấy chứng nhận', forms: [], conditions: '', legalBasis: [],
});

// 70 procedures with "đăng ký" in the field "Thành lập và hoạt động doanh nghiệp", 3 in "Hộ tịch":
// a filtered search must find the 3 even though the unfiltered best 50 are all of the other field.
// The 3 come first, so they are the oldest entries of the index (same day, lower sequence).
const CATALOG = [
  procedure('2.000101', 'Đăng ký khai sinh', 'Hộ tịch', 'Cấp xã'),
  procedure('2.000102', 'Đăng ký kết hôn', 'Hộ tịch', 'Cấp xã'),
  procedure('2.000103', 'Đăng ký lại khai tử', 'Hộ tịch', 'Cấp huyện'),
  procedure('2.000104', 'Cấp bản sao trích lục hộ tịch', 'Hộ tịch', 'Cấp xã'),
  procedure('2.000105', 'Xác nhận tình trạng hôn nhân', 'Hộ tịch', 'Cấp xã'),
  procedure('2.000106', 'Duyệt danh sách hộ tịch', 'Hộ tịch', 'Cấp xã'),
  ...Array.from({ length: 70 }, (_, i) => procedure(`2.00${String(1000 + i)}`, `Đăng ký thay đổi nội dung doanh nghiệp loại ${i + 1}`, 'Thành lập và hoạt động doanh nghiệp', 'Cấp tỉnh')),
];

describe.each(ENGINES)('procedure search with filters on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  const codes = async (query: string) => [...(await t.app.inject({ method: 'GET', url: `${procedurePaths.catalog}?${query}` })).body.matchAll(/<p class="item-meta">Mã ([^ ]+) /g)].map((m) => m[1]).sort();
  const adminCodes = async (query: string) => {
    const res = await t.as(coordinator, 'GET', `/api/procedures?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return { total: res.json().total as number, codes: (res.json().items as { code: string }[]).map((i) => i.code).sort() };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    coordinator = await t.login(DEMO.coordinator);
    const imported = await t.as(coordinator, 'POST', '/api/procedures/import', { name: 'danh-muc.csv', base64: Buffer.from(catalogToCsv(CATALOG)).toString('base64'), effectiveFrom: '2024-01-01' });
    expect(imported.json(), imported.body).toMatchObject({ written: true, created: CATALOG.length });
  });
  afterAll(() => t?.close());

  it('the portal applies field and level filters inside the search, not to its best 50', async () => {
    expect(await codes('q=dang+ky&linh-vuc=ho-tich')).toEqual(['2.000101', '2.000102', '2.000103']);
    expect(await codes('q=dang+ky&linh-vuc=ho-tich&cap=cap-xa')).toEqual(['2.000101', '2.000102']);
    expect(await codes('q=dang+ky&cap=cap-huyen')).toEqual(['2.000103']);
    expect(await codes('q=khai+sinh&linh-vuc=thanh-lap-va-hoat-dong-doanh-nghiep')).toEqual([]);
  });

  it('the catalog is in Vietnamese dictionary order (Đ after D, before X), on the portal and in the admin list', async () => {
    const inOrder = async (query: string) => [...(await t.app.inject({ method: 'GET', url: `${procedurePaths.catalog}?${query}` })).body.matchAll(/<p class="item-meta">Mã ([^ ]+) /g)].map((m) => m[1]);
    const expected = ['2.000104', '2.000106', '2.000102', '2.000101', '2.000103', '2.000105'];
    expect(await inOrder('linh-vuc=ho-tich')).toEqual(expected);
    const res = await t.as(coordinator, 'GET', '/api/procedures?field=ho-tich');
    expect((res.json().items as { code: string }[]).map((i) => i.code)).toEqual(expected);
    // Keys lost (a database from before 0015): the migration's backfill restores the order.
    await sql`update procedure_versions set name_sort = ''`.execute(t.db.database.db);
    t.services.htmlCache.clear();
    expect(await inOrder('linh-vuc=ho-tich')).not.toEqual(expected);
    expect(await t.db.database.transaction((trx) => backfillNameSort(trx))).toBeGreaterThanOrEqual(CATALOG.length);
    t.services.htmlCache.clear();
    expect(await inOrder('linh-vuc=ho-tich')).toEqual(expected);
  });

  it('the admin list does the same', async () => {
    expect(await adminCodes('q=dang%20ky&field=ho-tich')).toEqual({ total: 3, codes: ['2.000101', '2.000102', '2.000103'] });
    expect(await adminCodes(`q=dang%20ky&level=${encodeURIComponent('Cấp huyện')}`)).toEqual({ total: 1, codes: ['2.000103'] });
  });

  it('an amended procedure moves to its new facets', async () => {
    const saved = await t.as(coordinator, 'POST', '/api/procedures', { data: { ...CATALOG[2]!, level: 'Cấp xã' }, effectiveFrom: '2024-02-01' });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    expect(await codes('q=dang+ky&cap=cap-huyen')).toEqual([]);
    expect(await codes('q=dang+ky&linh-vuc=ho-tich&cap=cap-xa')).toEqual(['2.000101', '2.000102', '2.000103']);
  });

  it('migration 0014 backfills the facets of entries indexed before it', async () => {
    const db = t.db.database.db;
    await sql`update search_documents set facets = '' where kind = 'procedure'`.execute(db);
    await t.services.search.reindexAll('procedure');
    expect(await codes('q=dang+ky&linh-vuc=ho-tich')).toEqual([]);
    const n = await t.db.database.transaction((trx) => backfillProcedureFacets(trx, engine));
    expect(n).toBe(CATALOG.length);
    expect(await codes('q=dang+ky&linh-vuc=ho-tich')).toEqual(['2.000101', '2.000102', '2.000103']);
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/documents/procedures/catalog-csv.ts';
import { catalogToCsv } from '../../src/documents/procedures/catalog-export.ts';
import { procedurePath, procedurePaths } from '../../src/modules/procedures/paths.ts';
import { nationalPortalUrl, type ProcedureDataValue } from '../../src/modules/procedures/procedure-data.ts';
import { PAGE_CACHE_CONTROL } from '../../src/portal/page.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

const procedure = (code: string, name: string, extra: Partial<ProcedureDataValue> = {}): ProcedureDataValue => ({
  code, name, field: 'Công tác dân tộc', level: 'Cấp tỉnh', implementingAgency: 'Sở Dân tộc và Tôn giáo',
  steps: ['Bước 1: Nộp hồ sơ tại Bộ phận Một cửa', 'Bước 2: Thẩm định', 'Bước 3: Trả kết quả'],
  channels: [{ channel: 'in_person', processingTime: '10 ngày làm việc', fee: 'Không', description: 'Nộp trực tiếp' }, { channel: 'online', processingTime: '10 ngày làm việc', fee: 'Không', description: 'Trên Cổng Dịch vụ công' }],
  processingDays: 10, onlineLevel: 'partial', dossier: [{ name: 'Văn bản đề nghị', originals: 1, copies: 0 }], applicants: 'Cá nhân', result: 'Quyết định công nhận',
  forms: ['Mẫu số 01'], conditions: '', legalBasis: ['Quyết định số 12/2018/QĐ-TTg', 'Quyết định số 28/2023/QĐ-TTg'], ...extra,
});

const CATALOG = [
  procedure('1.000001', 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số'),
  procedure('1.000002', 'Đưa ra khỏi danh sách người có uy tín', { level: 'Cấp huyện', onlineLevel: 'full' }),
  // A code with letters after the dots, and cells a spreadsheet would take for formulas.
  procedure('1.012223.H38', 'Cấp giấy phép tổ chức lễ hội tín ngưỡng', {
    field: 'Tín ngưỡng, tôn giáo', onlineLevel: null, applicants: '@SUM(1+1)',
    channels: [{ channel: 'in_person', processingTime: '15 ngày', fee: '=HYPERLINK("http://x.example")', description: 'Nộp trực tiếp' }, { channel: 'postal', processingTime: '15 ngày', fee: '-', description: 'Qua bưu điện' }],
  }),
  procedure('1.000004', 'Thủ tục sẽ bãi bỏ'),
];

const isPdf = (res: LightMyRequestResponse) => res.rawPayload.subarray(0, 5).toString('latin1') === '%PDF-';

describe.each(ENGINES)('public procedure pages on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    coordinator = await t.login(DEMO.coordinator);
    const imported = await t.as(coordinator, 'POST', '/api/procedures/import', { name: 'danh-muc.csv', base64: Buffer.from(catalogToCsv(CATALOG)).toString('base64'), effectiveFrom: '2024-01-01' });
    expect(imported.json(), imported.body).toMatchObject({ written: true, created: 4 });
    const decision = await t.as(coordinator, 'POST', '/api/procedure-decisions', {
      numberSymbol: '125/QĐ-UBND', issuer: 'UBND tỉnh', signedOn: '2024-06-03', effectiveOn: '2024-06-10',
      items: [{ changeKind: 'amended', code: '1.000001', data: procedure('1.000001', 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số (sửa đổi)', { processingDays: 7 }) }, { changeKind: 'abolished', code: '1.000004' }],
    });
    expect(decision.statusCode, decision.body).toBe(201);
    expect((await t.as(coordinator, 'POST', `/api/procedure-decisions/${decision.json().id}/apply`)).statusCode).toBe(200);
    const process = await t.as(coordinator, 'PUT', '/api/procedures/1.000001/process', { steps: [{ name: 'Tiếp nhận', responsible: 'Bộ phận Một cửa', hours: 4 }, { name: 'Thẩm định', responsible: 'Phòng Dân tộc', hours: 60 }] });
    expect(process.statusCode, process.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('the catalog lists what is in force, is cached with revalidation, and links fields, changes and open data', async () => {
    const res = await get(procedurePaths.catalog);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(PAGE_CACHE_CONTROL);
    expect(res.body).toContain('Có 3 thủ tục hành chính đang có hiệu lực.');
    expect(res.body).toContain('(sửa đổi)');
    expect(res.body).not.toContain('Thủ tục sẽ bãi bỏ');
    expect(res.body).toContain(`href="${procedurePath('1.012223.H38')}"`);
    for (const href of [procedurePaths.changes, procedurePaths.openDataCsv, procedurePaths.openDataJson, procedurePaths.fieldPostingSheet('cong-tac-dan-toc'), procedurePaths.fieldPostingSheet('tin-nguong-ton-giao')]) expect(res.body).toContain(`href="${href}"`);
    expect(res.body).toMatch(/<a href="\/thu-tuc-hanh-chinh" aria-current="page">Thủ tục hành chính<\/a>/);
    const again = await get(procedurePaths.catalog, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('search folds tones and đ, is never cached; filters narrow; bad values are 404', async () => {
    const res = await get(`${procedurePaths.catalog}?q=nguoi+co+uy+tin`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-robots-tag']).toBe('noindex');
    expect(res.body).toContain('Tìm thấy 2 thủ tục cho “nguoi co uy tin”');
    expect(res.body).toContain('Đưa ra khỏi danh sách người có uy tín');
    expect(res.body).toContain('Công nhận người có uy tín trong đồng bào dân tộc thiểu số (sửa đổi)');
    expect(res.body).not.toContain('Cấp giấy phép tổ chức lễ hội');

    const codes = async (query: string) => [...(await get(`${procedurePaths.catalog}?${query}`)).body.matchAll(/<p class="item-meta">Mã ([^ ]+) /g)].map((m) => m[1]).sort();
    expect(await codes('linh-vuc=cong-tac-dan-toc')).toEqual(['1.000001', '1.000002']);
    expect(await codes('cap=cap-huyen')).toEqual(['1.000002']);
    expect(await codes('truc-tuyen=toan-trinh')).toEqual(['1.000002']);
    expect(await codes('truc-tuyen=khong')).toEqual(['1.012223.H38']);
    expect(await codes('q=&linh-vuc=cong-tac-dan-toc&cap=cap-tinh&truc-tuyen=')).toEqual(['1.000001']);
    expect(await codes('q=uy+tin&cap=cap-huyen')).toEqual(['1.000002']);
    const filtered = await get(`${procedurePaths.catalog}?linh-vuc=cong-tac-dan-toc`);
    expect(filtered.headers['cache-control']).toBe(PAGE_CACHE_CONTROL);
    expect(filtered.body).toContain('Có 2 thủ tục phù hợp trong lĩnh vực Công tác dân tộc.');

    for (const bad of ['cap=cap-vu-tru', 'truc-tuyen=mot-nua', 'linh-vuc=khong-co', 'linh-vuc=%3Cscript%3E', 'trang=0', 'trang=abc', 'trang=9']) {
      expect((await get(`${procedurePaths.catalog}?${bad}`)).statusCode, bad).toBe(404);
    }
    const first = await get(`${procedurePaths.catalog}?linh-vuc=cong-tac-dan-toc&trang=1`);
    expect(first.statusCode).toBe(301);
    expect(first.headers.location).toBe('/thu-tuc-hanh-chinh?linh-vuc=cong-tac-dan-toc');
  });

  it('a procedure page shows every field, the channels table, the internal process and its history; a code with dots works', async () => {
    const res = await get(procedurePath('1.012223.H38'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(PAGE_CACHE_CONTROL);
    const body = res.body;
    expect(body).toContain('<h1>Cấp giấy phép tổ chức lễ hội tín ngưỡng</h1>');
    expect(body).toMatch(/<thead><tr><th scope="col">Hình thức nộp<\/th><th scope="col">Thời hạn giải quyết<\/th><th scope="col">Phí, lệ phí<\/th><th scope="col">Mô tả<\/th><\/tr><\/thead>/);
    expect(body).toContain('<th scope="row">Trực tiếp</th>');
    expect(body).toContain('<th scope="row">Dịch vụ bưu chính công ích</th>');
    // Text is shown exactly (escaped), formulas and all.
    expect(body).toContain('=HYPERLINK(&quot;http://x.example&quot;)');
    expect(body).toContain(`href="${nationalPortalUrl('1.012223.H38')}"`);
    expect(body).toContain('Xem trên Cổng Dịch vụ công quốc gia');
    expect(body).toContain(`href="${procedurePaths.postingSheet('1.012223.H38')}"`);
    expect(body).toContain('Mẫu số 01');
    expect(body).toContain('Quyết định số 28/2023/QĐ-TTg');
    expect(body).toContain('Cập nhật danh mục');

    const amended = (await get(procedurePath('1.000001'))).body;
    expect(amended).toContain('Sửa đổi, bổ sung');
    expect(amended).toContain('125/QĐ-UBND ngày 03/06/2024');
    expect(amended).toContain('Tổng thời gian các bước vượt thời hạn giải quyết theo quy định (7 ngày làm việc).');
    expect(amended).toContain('64 giờ (8 ngày làm việc)');
  });

  it('?ngay= shows the procedure as of that day and is not cached; a bad day or an unknown code is a 404', async () => {
    const res = await get(`${procedurePath('1.000001')}?ngay=2024-03-01`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<h1>Công nhận người có uy tín trong đồng bào dân tộc thiểu số</h1>');
    expect(res.body).toContain('Nội dung thủ tục có hiệu lực vào ngày 01/03/2024.');
    expect(res.body).toContain('Từ ngày 10/06/2024: sửa đổi, bổ sung');
    for (const url of [`${procedurePath('1.000001')}?ngay=2024-02-30`, `${procedurePath('1.000001')}?ngay=01/03/2024`, procedurePath('9.999999'), procedurePath('x'.repeat(61))]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.body).toContain('Không tìm thấy trang');
    }
  });

  it('an abolished procedure still answers, shows it is abolished with its last text and history; it has no desk sheet', async () => {
    const res = await get(procedurePath('1.000004'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Đã bãi bỏ từ 10/06/2024');
    expect(res.body).toContain('125/QĐ-UBND');
    expect(res.body).toContain('Bước 2: Thẩm định');
    expect(res.body).not.toContain(procedurePaths.postingSheet('1.000004'));
    expect((await get(procedurePaths.postingSheet('1.000004'))).statusCode).toBe(404);
    expect((await get(procedurePaths.postingSheetPdf('1.000004'))).statusCode).toBe(404);
    // Before the abolition it was in force.
    expect((await get(`${procedurePath('1.000004')}?ngay=2024-06-09`)).body).not.toContain('Đã bãi bỏ');
  });

  it('the changes page lists each change with its kind, code link, name and decision', async () => {
    const res = await get(procedurePaths.changes);
    expect(res.statusCode).toBe(200);
    expect(res.headers['last-modified']).toBeTruthy();
    expect(res.body).toMatch(/<td>10\/06\/2024<\/td><td>Bãi bỏ<\/td><td><a href="\/thu-tuc-hanh-chinh\/1\.000004">1\.000004<\/a><\/td><td>Thủ tục sẽ bãi bỏ<\/td><td>125\/QĐ-UBND ngày 03\/06\/2024<\/td>/);
    expect(res.body).toContain('<td>Sửa đổi, bổ sung</td>');
    expect(res.body).toContain(`href="${procedurePaths.changesSheet}"`);
  });

  it('open data: CSV (formulas neutralised) and JSON parse back to the catalog in force, cached and invalidated with the pages', async () => {
    const csv = await get(procedurePaths.openDataCsv);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="thu-tuc-hanh-chinh-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.headers.etag).toBeTruthy();
    const records = parseCsv(csv.body.replace(/^\uFEFF/, ''), ',').records.map((r) => r.cells);
    const [header, ...rows] = records;
    const codeAt = header!.indexOf('Mã thủ tục');
    expect(codeAt).toBeGreaterThanOrEqual(0);
    expect(rows.map((r) => r[codeAt]).sort()).toEqual(['1.000001', '1.000002', '1.012223.H38']);
    const festival = rows.find((r) => r[codeAt] === '1.012223.H38')!;
    expect(festival).toContain(`'=HYPERLINK("http://x.example")`);
    expect(festival).toContain("'@SUM(1+1)");
    expect(festival).toContain("'-");
    expect(festival.every((c) => !/^[=+\-@]/.test(c))).toBe(true);

    const json = await get(procedurePaths.openDataJson);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const data = json.json() as { procedures: ProcedureDataValue[] };
    expect(data.procedures.map((p) => p.code).sort()).toEqual(['1.000001', '1.000002', '1.012223.H38']);
    expect(data.procedures.find((p) => p.code === '1.012223.H38')!.channels[0]!.fee).toBe('=HYPERLINK("http://x.example")');

    // A change to the catalog drops the cached file at once.
    const saved = await t.as(coordinator, 'POST', '/api/procedures', { data: procedure('1.000009', 'Thủ tục bổ sung vào danh mục') });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await get(procedurePaths.openDataJson)).json().procedures).toHaveLength(4);
    expect((await get(procedurePaths.catalog)).body).toContain('Thủ tục bổ sung vào danh mục');
  });

  it('desk sheets: HTML with an inline SVG QR code and the feedback address, and their PDF twins', async () => {
    const sheet = await get(procedurePaths.postingSheet('1.012223.H38'));
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain('<h1 class="sheet-title">NIÊM YẾT THỦ TỤC HÀNH CHÍNH</h1>');
    expect(sheet.body).toMatch(/<svg class="qr"[^>]*role="img" aria-label="Mã QR dẫn tới http:\/\/localhost:3000\/thu-tuc-hanh-chinh\/1\.012223\.H38"/);
    expect(sheet.body).toContain('http://localhost:3000/phan-anh-kien-nghi');
    expect(sheet.body).toContain('aria-label="Mã QR dẫn tới http://localhost:3000/khao-sat?tthc=1.012223.H38"');
    expect(sheet.body).toContain(`href="${procedurePaths.postingSheetPdf('1.012223.H38')}"`);
    expect(sheet.body).not.toContain('<script');

    const pdf = await get(procedurePaths.postingSheetPdf('1.012223.H38'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^inline; filename="niem-yet-1\.012223\.H38\.pdf"/);
    expect(isPdf(pdf)).toBe(true);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    expect(text).toContain('Cấp giấy phép tổ chức lễ hội tín ngưỡng');
    expect(text).toContain('1.012223.H38');
    // Wrapped lines joined: the survey's QR box names its address.
    expect(text.replace(/\s+/g, '')).toContain('Quétmã QRđểđánhgiámứcđộhàilòngvềthủtụcnày:http://localhost:3000/khao-sat?tthc=1.012223.H38'.replace(/\s+/g, ''));
    expect((await get(procedurePaths.postingSheetPdf('1.012223.H38'), { 'if-none-match': String(pdf.headers.etag) })).statusCode).toBe(304);

    const field = await get(procedurePaths.fieldPostingSheet('cong-tac-dan-toc'));
    expect(field.statusCode).toBe(200);
    expect(field.body).toContain('Lĩnh vực: Công tác dân tộc');
    // The contents' QR code, then each procedure's page and its satisfaction survey.
    const surveys = field.body.match(/<svg class="qr"[^>]*aria-label="Mã QR dẫn tới http:\/\/localhost:3000\/khao-sat\?tthc=/g) ?? [];
    expect(surveys.length).toBeGreaterThan(0);
    expect(field.body.match(/<svg class="qr"/g)).toHaveLength(1 + 2 * surveys.length);
    const fieldPdf = await get(procedurePaths.fieldPostingSheetPdf('cong-tac-dan-toc'));
    expect(isPdf(fieldPdf)).toBe(true);
    expect((await getDocumentProxy(new Uint8Array(fieldPdf.rawPayload))).numPages).toBeGreaterThanOrEqual(4);
    expect((await get(procedurePaths.fieldPostingSheet('khong-co'))).statusCode).toBe(404);

    const changes = await get(procedurePaths.changesSheet);
    expect(changes.statusCode).toBe(200);
    expect(changes.body).toContain('Thủ tục sẽ bãi bỏ');
    expect(changes.body).toContain('chưa ghi nhận lần niêm yết nào');
    const changesPdf = await get(procedurePaths.changesSheetPdf);
    expect(changesPdf.headers['content-type']).toBe('application/pdf');
    expect(isPdf(changesPdf)).toBe(true);
  });
});

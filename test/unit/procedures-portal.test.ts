import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { postingSheetPdf, qrPath, type PostingSheet } from '../../src/documents/procedures/posting-pdf.ts';
import { procedurePath, procedurePaths } from '../../src/modules/procedures/paths.ts';
import type { ProcedureDataValue } from '../../src/modules/procedures/procedure-data.ts';
import { catalogPage, changesPage } from '../../src/modules/procedures/portal-catalog.ts';
import { procedurePage } from '../../src/modules/procedures/portal-procedure.ts';
import { catalogFilters, dayOf, neutraliseFormulas } from '../../src/modules/procedures/portal-routes.ts';
import { postingSheetPage, qrSvg } from '../../src/modules/procedures/portal-sheets.ts';
import type { PublicChange, PublicProcedure } from '../../src/modules/procedures/public-read.ts';
import { layout } from '../../src/portal/components/layout.ts';
import { escapeHtml, type SafeHtml } from '../../src/portal/html.ts';

const XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'] as const;
/** Every text field carries a payload, alternating the two. */
let n = 0;
const x = (text: string) => `${text} ${XSS[n++ % 2]}`;
/** The text without its payload. */
const withoutPayload = (text: string) => XSS.reduce((s, p) => s.replaceAll(` ${p}`, ''), text);

const data = (code: string, name: string, extra: Partial<ProcedureDataValue> = {}): ProcedureDataValue => ({
  code, name, field: x('Công tác dân tộc'), level: x('Cấp tỉnh'), implementingAgency: x('Sở Dân tộc và Tôn giáo'),
  steps: [x('Bước 1: Nộp hồ sơ tại Bộ phận Một cửa'), x('Bước 2: Thẩm định hồ sơ'), x('Bước 3: Trả kết quả')],
  channels: [
    { channel: 'postal', processingTime: x('12 ngày làm việc'), fee: x('Không'), description: x('Gửi qua bưu điện') },
    { channel: 'in_person', processingTime: x('10 ngày làm việc'), fee: x('50.000 đồng/hồ sơ'), description: x('Nộp trực tiếp tại Bộ phận Một cửa') },
    { channel: 'online', processingTime: x('10 ngày làm việc'), fee: x('Miễn phí'), description: x('Trên Cổng Dịch vụ công quốc gia') },
  ],
  processingDays: 10, onlineLevel: 'partial',
  dossier: [{ name: x('Văn bản đề nghị công nhận'), originals: 1, copies: 0 }, { name: x('Biên bản họp thôn'), originals: 1, copies: 2 }],
  applicants: x('Cá nhân là người dân tộc thiểu số'), result: x('Quyết định công nhận'), forms: [x('Mẫu số 01: Văn bản đề nghị')],
  conditions: x('Có uy tín trong cộng đồng\nĐược cộng đồng tín nhiệm'), legalBasis: [x('Quyết định số 12/2018/QĐ-TTg'), x('Quyết định số 28/2023/QĐ-TTg')],
  ...extra,
});

/** The same data without the payloads (for the PDF, whose page count depends on the length of the text). */
const plain = (d: ProcedureDataValue): ProcedureDataValue => JSON.parse(JSON.stringify(d), (_k, v: unknown) => (typeof v === 'string' ? withoutPayload(v) : v)) as ProcedureDataValue;

const CODE = `1.012223.H38${XSS[0]}`;
const NAME = x('Công nhận người có uy tín trong đồng bào dân tộc thiểu số');
const DECISION = { id: 'd1', numberSymbol: x('125/QĐ-UBND'), signedOn: '2024-06-03' };

const exampleProcedure = (over: Partial<PublicProcedure> = {}): PublicProcedure => {
  const d = data(CODE, NAME);
  return {
    id: 'p1', code: CODE, name: NAME, field: d.field, fieldSlug: 'cong-tac-dan-toc', level: d.level, onlineLevel: 'partial', effectiveFrom: '2024-06-10', versionNo: 2, current: true, isDemo: true, data: d,
    versions: [
      { versionNo: 2, effectiveFrom: '2024-06-10', effectiveTo: null, origin: 'amended', decision: DECISION, name: NAME },
      { versionNo: 1, effectiveFrom: '2024-01-01', effectiveTo: '2024-06-10', origin: 'catalog', decision: null, name: x('Tên cũ') },
    ],
    process: [{ name: x('Tiếp nhận hồ sơ'), responsible: x('Bộ phận Một cửa'), unitId: null, hours: 4 }, { name: x('Thẩm định'), responsible: x('Phòng Dân tộc'), unitId: null, hours: 60.5 }],
    processCheck: { totalHours: 64.5, totalDays: 8.0625, legalDays: 10, withinLegalTime: true },
    path: procedurePath(CODE), nationalPortalUrl: `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${encodeURIComponent(CODE)}`,
    ...over,
  };
};

const AGENCY = { name: x('Sở Dân tộc và Tôn giáo tỉnh Ví Dụ'), shortName: 'SDTTG', parentName: x('UBND tỉnh Ví Dụ'), address: x('Số 1 đường Lý Thái Tổ'), phone: '0222 3822 000', email: 'sdttg@example.vn', website: null, formerNames: [], isDemo: false };

function framed(main: SafeHtml): string {
  return layout({ title: 'Thủ tục', agency: AGENCY, path: procedurePaths.catalog, main }).value;
}

/** No payload came through as markup, and every given text is shown, escaped. */
function expectEscaped(out: string, texts: string[]) {
  expect(out).not.toContain(XSS[0]);
  expect(out).not.toContain(XSS[1]);
  expect(out.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  expect(out).not.toMatch(/<script/i);
  for (const t of texts) expect(out, t).toContain(escapeHtml(t));
}

/** Every text field of a procedure's data, as stored. */
const texts = (d: ProcedureDataValue) => [d.code, d.name, d.field, d.level, d.implementingAgency, ...d.steps, ...d.channels.flatMap((c) => [c.processingTime, c.fee, c.description]), ...d.dossier.map((i) => i.name), d.applicants, d.result, ...d.forms, d.conditions, ...d.legalBasis];

/** A sheet of the example agency: with the payloads for the web sheet, without them for the PDF (whose length they change). */
const sheetOf = (sections: PostingSheet['sections'], subtitle = 'Lĩnh vực: Công tác dân tộc', payloads = false): PostingSheet => ({
  agency: { name: payloads ? AGENCY.name : withoutPayload(AGENCY.name), parentName: payloads ? AGENCY.parentName : withoutPayload(AGENCY.parentName), address: payloads ? AGENCY.address : withoutPayload(AGENCY.address), phone: AGENCY.phone, email: AGENCY.email },
  printedOn: '2024-07-01', subtitle, feedbackUrl: 'https://cchc.vidu.gov.vn/phan-anh-kien-nghi', sections,
});

describe('procedure page', () => {
  const p = exampleProcedure();
  const out = framed(procedurePage({ procedure: p, asOf: '2024-07-01', dated: false }));

  it('escapes every text field, the internal process and the history', () => {
    expectEscaped(out, [...texts(p.data), ...p.process.flatMap((s) => [s.name, s.responsible]), DECISION.numberSymbol]);
  });

  it('the channels table has a caption, column headers and a row header per channel, in the national order', () => {
    const table = /<table class="channels">[\s\S]*?<\/table>/.exec(out)![0];
    expect(table).toMatch(/<caption id="tthc-cach-thuc">Cách thức thực hiện/);
    expect(table).toContain('<thead><tr><th scope="col">Hình thức nộp</th><th scope="col">Thời hạn giải quyết</th><th scope="col">Phí, lệ phí</th><th scope="col">Mô tả</th></tr></thead>');
    expect([...table.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1])).toEqual(['Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính công ích']);
    expect(out).toContain('aria-labelledby="tthc-cach-thuc"');
  });

  it('shows steps in order, the dossier counts, the process total against the legal time, the history and the links', () => {
    expect(out).toMatch(/<ol class="steps numbered"><li>Bước 1/);
    expect(out).toMatch(/<td>Văn bản đề nghị công nhận [^<]*<\/td><td class="num">1<\/td><td class="num">0<\/td>/);
    expect(out).toContain('64,5 giờ (8,06 ngày làm việc)');
    expect(out).toContain('Tổng thời gian các bước không vượt thời hạn giải quyết theo quy định (10 ngày làm việc).');
    expect(out).toContain('<td>Sửa đổi, bổ sung</td>');
    expect(out).toContain('<td>Cập nhật danh mục</td>');
    expect(out).toContain(`href="${escapeHtml(procedurePaths.procedureOn(CODE, '2024-01-01'))}"`);
    expect(out).toContain('>Xem trên Cổng Dịch vụ công quốc gia</a>');
    expect(out).toContain(`href="${escapeHtml(p.nationalPortalUrl)}"`);
    expect(out).toContain(`href="${escapeHtml(procedurePaths.postingSheet(CODE))}"`);
    expect(out).toContain('<a href="/thu-tuc-hanh-chinh" aria-current="page">Thủ tục hành chính</a>');
    // The as-of form works without script: a GET form to the page itself.
    expect(out).toMatch(/<form class="filters as-of" action="[^"]+" method="get"[^>]*>[\s\S]*name="ngay" value="2024-07-01"/);
  });

  it('an abolished procedure says so, keeps its last text and history, and offers no desk sheet', () => {
    const abolished = exampleProcedure({
      current: false, versionNo: 3, effectiveFrom: '2025-01-01',
      versions: [{ versionNo: 3, effectiveFrom: '2025-01-01', effectiveTo: null, origin: 'abolished', decision: DECISION, name: NAME }, ...exampleProcedure().versions],
    });
    const page = procedurePage({ procedure: abolished, asOf: '2025-03-01', dated: false }).value;
    expect(page).toContain('<strong>Đã bãi bỏ từ 01/01/2025</strong>');
    expect(page).toContain('<td>Bãi bỏ</td>');
    expect(page).toContain('Bước 2: Thẩm định hồ sơ');
    expect(page).not.toContain(procedurePaths.postingSheet(CODE));
    expect(procedurePage({ procedure: exampleProcedure(), asOf: '2024-07-01', dated: false }).value).not.toContain('Đã bãi bỏ');
  });

  it('a dated view says which day it shows; a coming change is announced', () => {
    const soon = exampleProcedure({ versions: [{ versionNo: 3, effectiveFrom: '2024-09-01', effectiveTo: null, origin: 'abolished', decision: DECISION, name: NAME }, ...exampleProcedure().versions] });
    const page = procedurePage({ procedure: soon, asOf: '2024-07-01', dated: true }).value;
    expect(page).toContain('Nội dung thủ tục có hiệu lực vào ngày 01/07/2024.');
    expect(page).toContain('Từ ngày 01/09/2024: bãi bỏ theo Quyết định');
  });
});

describe('catalog and changes pages', () => {
  const card = (code: string, name: string) => ({ id: code, code, name, field: x('Công tác dân tộc'), fieldSlug: 'cong-tac-dan-toc', level: x('Cấp tỉnh'), onlineLevel: 'full', effectiveFrom: '2024-01-01', versionNo: 1, current: true, isDemo: false, path: procedurePath(code) });
  const items = [card('1.000001', x('Công nhận người có uy tín')), card(CODE, NAME)];
  const fields = [{ name: x('Công tác dân tộc'), slug: 'cong-tac-dan-toc', count: 2 }];

  it('escapes the words searched, names and fields; the form is a GET form with labels; each field links its desk sheet', () => {
    const q = x('nguoi co uy tin');
    const out = framed(catalogPage({ filters: { q, field: 'cong-tac-dan-toc', level: 'cap-tinh', online: 'toan-trinh' }, fields, total: 2, page: 1, pageCount: 1, items }));
    expectEscaped(out, [q, ...items.flatMap((i) => [i.name, i.field, i.level]), fields[0]!.name]);
    expect(out).toMatch(/<form class="filters" action="\/thu-tuc-hanh-chinh" method="get" role="search"/);
    for (const id of ['tthc-q', 'tthc-linh-vuc', 'tthc-cap', 'tthc-truc-tuyen']) expect(out).toContain(`<label for="${id}">`);
    expect(out).toContain('<option value="cap-tinh" selected>Cấp tỉnh</option>');
    expect(out).toContain('<option value="toan-trinh" selected>Toàn trình</option>');
    expect(out).toContain(`href="${procedurePaths.fieldPostingSheet('cong-tac-dan-toc')}"`);
    expect(out).toContain(`Tìm thấy 2 thủ tục cho “${escapeHtml(q)}”`);
    expect(out).toContain('ô nào bắt đầu bằng dấu =, +, - hoặc @ được thêm một dấu nháy đơn');
  });

  it('pages keep the filters in their links', () => {
    const out = catalogPage({ filters: { field: 'cong-tac-dan-toc' }, fields, total: 45, page: 2, pageCount: 3, items }).value;
    expect(out).toContain('href="/thu-tuc-hanh-chinh?linh-vuc=cong-tac-dan-toc&amp;trang=3"');
    expect(out).toContain('href="/thu-tuc-hanh-chinh?linh-vuc=cong-tac-dan-toc" rel="prev"');
  });

  it('the changes table escapes names and decisions and links each code', () => {
    const changes: PublicChange[] = [{ code: CODE, name: NAME, origin: 'abolished', versionNo: 3, effectiveFrom: '2025-01-01', recordedAt: '2024-12-20T03:00:00.000Z', decision: DECISION, path: procedurePath(CODE) }];
    const out = framed(changesPage(changes));
    expectEscaped(out, [NAME, CODE, DECISION.numberSymbol]);
    expect(out).toContain(`<td><a href="${escapeHtml(procedurePath(CODE))}">${escapeHtml(CODE)}</a></td>`);
    expect(out).toContain('<td>Bãi bỏ</td>');
    expect(out).toMatch(/<thead><tr><th scope="col">Ngày hiệu lực<\/th>/);
  });
});

describe('desk posting sheets', () => {
  it('the web sheet escapes everything, shows the QR code as inline SVG and the feedback address', () => {
    const d = data(CODE, NAME);
    const sheet = sheetOf([{ kind: 'procedure', procedure: d, effectiveFrom: '2024-06-10', url: `https://cchc.vidu.gov.vn${procedurePath(CODE)}` }], 'Lĩnh vực: Công tác dân tộc', true);
    const out = framed(postingSheetPage({ sheet, pdfPath: procedurePaths.postingSheetPdf(CODE), back: { href: procedurePath(CODE), label: NAME } }));
    expectEscaped(out, [...texts(d), AGENCY.name, AGENCY.address]);
    expect(out).toContain('<h1 class="sheet-title">NIÊM YẾT THỦ TỤC HÀNH CHÍNH</h1>');
    expect(out).toMatch(/<svg class="qr" [^>]*viewBox="0 0 \d+ \d+"[^>]*role="img" aria-label="Mã QR dẫn tới https:\/\/cchc\.vidu\.gov\.vn\/thu-tuc-hanh-chinh\/1\.012223\.H38%3Cscript%3E/);
    expect(out).toContain('Trực tuyến: <a href="https://cchc.vidu.gov.vn/phan-anh-kien-nghi">');
    expect(out).toContain('Ngày niêm yết: 01/07/2024');
  });

  it('the QR code is one path of dark runs inside the quiet zone', () => {
    const { size, d } = qrPath('https://cchc.vidu.gov.vn/thu-tuc-hanh-chinh/1.004947');
    expect(size).toBeGreaterThanOrEqual(21);
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    // The three finder patterns: the top-left corner is dark.
    expect(d.startsWith('M0 0h7v1h-7z')).toBe(true);
    expect(qrSvg('https://x.example/a?b=1&c=2').value).toContain('aria-label="Mã QR dẫn tới https://x.example/a?b=1&amp;c=2"');
  });

  it('the PDF is valid A4 with Vietnamese text intact, one section per page for a long field sheet', async () => {
    const procedures = Array.from({ length: 12 }, (_, i) => plain(data(`1.0049${String(i).padStart(2, '0')}`, `Công nhận người có uy tín trong đồng bào dân tộc thiểu số, số ${i + 1}`)));
    const sheet = sheetOf([
      { kind: 'contents', heading: 'Danh mục gồm 12 thủ tục hành chính', items: procedures.map((p) => ({ code: p.code, name: p.name })), url: 'https://cchc.vidu.gov.vn/thu-tuc-hanh-chinh?linh-vuc=cong-tac-dan-toc' },
      ...procedures.map((p) => ({ kind: 'procedure' as const, procedure: p, effectiveFrom: '2024-06-10', url: `https://cchc.vidu.gov.vn${procedurePath(p.code)}` })),
    ]);
    const bytes = await postingSheetPdf(sheet);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect(pdf.numPages).toBe(13);
    const first = await pdf.getPage(1);
    const [, , width, height] = first.view;
    expect([Math.round(width!), Math.round(height!)]).toEqual([595, 842]);
    const { text } = await extractText(pdf, { mergePages: false });
    expect(text[0]).toContain('NIÊM YẾT THỦ TỤC HÀNH CHÍNH');
    expect(text[0]).toContain('Trang 1/13');
    expect(text[1]).toContain('Công nhận người có uy tín trong đồng bào dân tộc thiểu số, số 1');
    expect(text[1]).toContain('Mã thủ tục: 1.004900');
    expect(text[12]).toContain('1.004911');
    expect(text[12]).toContain('Phản ánh, kiến nghị về quy định hành chính');
    expect(text[12]).toContain('https://cchc.vidu.gov.vn/phan-anh-kien-nghi');
    expect(text[12]).toContain('Niêm yết ngày 01/07/2024');
    expect(bytes.length).toBeLessThan(300_000);
  });

  it('a procedure longer than a page breaks across pages, table rows and all, keeping every line', async () => {
    const steps = Array.from({ length: 70 }, (_, i) => `Bước ${i + 1}: Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ và hướng dẫn bổ sung nếu thiếu.`);
    const dossier = Array.from({ length: 25 }, (_, i) => ({ name: `Giấy tờ số ${i + 1} ${'kèm theo bản kê khai chi tiết '.repeat(i % 5)}`, originals: 1, copies: i }));
    const p = plain(data('2.000100', 'Thủ tục rất dài: đăng ký hoạt động tín ngưỡng', { steps, dossier, conditions: `Điều kiện ${'rất dài và có từ siêu-dài-không-có-khoảng-trắng-'.repeat(12)}` }));
    const bytes = await postingSheetPdf(sheetOf([{ kind: 'procedure', procedure: p, effectiveFrom: '2024-01-01', url: 'https://cchc.vidu.gov.vn/thu-tuc-hanh-chinh/2.000100' }]));
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect(pdf.numPages).toBeGreaterThanOrEqual(3);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('Bước 70: Cán bộ tiếp nhận');
    expect(text).toContain('Giấy tờ số 25');
    expect(text).toContain('Thủ tục rất dài: đăng ký hoạt động tín ngưỡng');
    expect(text.match(/Hình thức nộp/g)?.length).toBeGreaterThanOrEqual(1);
  });

  it('the changes sheet lists each change', async () => {
    const bytes = await postingSheetPdf(sheetOf([{ kind: 'changes', heading: '2 thay đổi', url: 'https://cchc.vidu.gov.vn/thu-tuc-hanh-chinh/thay-doi', rows: [
      { effectiveFrom: '2024-06-10', change: 'Bãi bỏ', code: '1.000004', name: 'Thủ tục đã bãi bỏ', decision: '125/QĐ-UBND ngày 03/06/2024' },
      { effectiveFrom: '2024-06-10', change: 'Sửa đổi, bổ sung', code: '1.000001', name: 'Công nhận người có uy tín', decision: '125/QĐ-UBND ngày 03/06/2024' },
    ] }], 'Các thay đổi từ lần niêm yết ngày 01/03/2024'));
    const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(totalPages).toBe(1);
    expect(text).toContain('Các thay đổi từ lần niêm yết ngày 01/03/2024');
    expect(text).toContain('Thủ tục đã bãi bỏ');
    expect(text).toMatch(/1\.000004 Thủ tục đã bãi bỏ 125\/QĐ-UBND ngày\s+03\/06\/2024/);
  });
});

describe('query parsing and open data', () => {
  it('takes only the filter values the form offers', () => {
    expect(catalogFilters({ q: '  người  có uy tín ', 'linh-vuc': 'cong-tac-dan-toc', cap: 'cap-xa', 'truc-tuyen': 'mot-phan' })).toEqual({ q: 'người có uy tín', field: 'cong-tac-dan-toc', level: 'cap-xa', online: 'mot-phan' });
    expect(catalogFilters({ q: '', 'linh-vuc': '', cap: '', 'truc-tuyen': '' })).toEqual({ q: undefined, field: undefined, level: undefined, online: undefined });
    expect(catalogFilters({ cap: 'Cấp tỉnh' })).toBeUndefined();
    expect(catalogFilters({ 'truc-tuyen': 'full' })).toBeUndefined();
    expect(catalogFilters({ 'linh-vuc': '../x' })).toBeUndefined();
  });

  it('reads ?ngay= as a real date only', () => {
    expect(dayOf({})).toBeNull();
    expect(dayOf({ ngay: '2024-02-29' })).toBe('2024-02-29');
    expect(dayOf({ ngay: '2023-02-29' })).toBeUndefined();
    expect(dayOf({ ngay: '2024-13-01' })).toBeUndefined();
    expect(dayOf({ ngay: '29/02/2024' })).toBeUndefined();
  });

  it('neutralises spreadsheet formulas in CSV cells, quoting kept', () => {
    const out = neutraliseFormulas('\uFEFFa,b,c\r\n=1+2,"+x, y","-"\r\n@SUM(A1),ok,"\tz"\r\n');
    expect(out).toBe('\uFEFFa,b,c\r\n\'=1+2,"\'+x, y",\'-\r\n\'@SUM(A1),ok,\'\tz\r\n');
  });
});

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { catalogToCsv, catalogToJson, catalogToXlsx } from '../../src/documents/procedures/catalog-export.ts';
import { listItem } from '../../src/documents/procedures/catalog-cells.ts';
import { CATALOG_COLUMNS, catalogTemplateDoc } from '../../src/documents/procedures/catalog-format.ts';
import { readCatalog, type CatalogReadResult } from '../../src/documents/procedures/catalog-import.ts';
import { PROCEDURE_LEVELS, type ChannelKind, type ProcedureDataValue } from '../../src/modules/procedures/procedure-data.ts';

// ---------------------------------------------------------------------------------------------
// Arbitrary procedures in normal form (NFC, trimmed, single spaces), as the reader returns them.

const WORDS = [
  'Thủ', 'tục', 'công', 'nhận', 'người', 'có', 'uy', 'tín', 'Đăng', 'ký', 'hồ', 'sơ', 'Ủy', 'ban', 'nhân', 'dân', 'tỉnh',
  'Bắc', 'Giang', 'đồng', 'bào', 'dân', 'tộc', 'thiểu', 'số', '"trích', 'lục"', 'a,b', 'x;y', 'phí:', '50.000', 'đồng/hồ',
  '(nếu', 'có)', '05', '0,5', '1.000', '=1+2', 'Bước', '1:', '-', '“ngoặc”', "d'Arc", 'tab', '100%', '#', '–', '"', '""', ',', ';', '_x0041_',
];
const BULLET_START = /^[-+•–*·]\s/;

/** One line: mostly Vietnamese words and punctuation, sometimes any Unicode text put in normal form. */
const line = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(listItem) },
).filter((s) => s !== '' && !BULLET_START.test(s));
/** Free text: lines, with at most one blank line between paragraphs. */
const text = fc.oneof(
  fc.constant(''),
  fc.array(fc.tuple(line, fc.boolean()), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.map(([l, blankAfter], i) => (blankAfter && i < parts.length - 1 ? `${l}\n` : l)).join('\n')),
);
const list = fc.array(line, { maxLength: 5 });
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const code = fc.oneof(
  fc.constantFrom('1.000123', '1.012223.H38', '2.002154', '0001234', 'BDT-01'),
  fc.tuple(fc.integer({ min: 1, max: 3 }), digits(6)).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.integer({ min: 1, max: 3 }), digits(6), digits(2)).map(([a, b, c]) => `${a}.${b}.H${c}`),
);
const channel = (kind: ChannelKind) => fc.record({ processingTime: text, fee: text, description: text })
  .filter((c) => c.processingTime !== '' || c.fee !== '' || c.description !== '')
  .map((c) => ({ channel: kind, ...c }));

const procedure: fc.Arbitrary<ProcedureDataValue> = fc.record({
  code,
  name: line,
  field: line,
  level: fc.oneof(fc.constant(''), fc.constantFrom(...PROCEDURE_LEVELS), line),
  implementingAgency: text,
  steps: list,
  channels: fc.tuple(fc.option(channel('in_person')), fc.option(channel('online')), fc.option(channel('postal')))
    .map((cs) => cs.filter((c) => c !== null)),
  processingDays: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 36500 }).map((n) => n / 10)),
  onlineLevel: fc.constantFrom(null, 'full' as const, 'partial' as const),
  dossier: fc.array(fc.record({ name: line, originals: fc.integer({ min: 0, max: 100 }), copies: fc.integer({ min: 0, max: 100 }) }), { maxLength: 4 }),
  applicants: text,
  result: text,
  forms: list,
  conditions: text,
  legalBasis: list,
});
const catalog = fc.uniqueArray(procedure, { selector: (p) => p.code, maxLength: 5 });

const file = (name: string, content: string | Uint8Array | Buffer) => ({
  name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content),
});

function dataOf(result: CatalogReadResult): ProcedureDataValue[] {
  expect(result.fileProblems).toEqual([]);
  for (const row of result.rows) expect(row.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.rows.map((r) => r.data!);
}

// ---------------------------------------------------------------------------------------------

describe('catalog round trip', () => {
  // The file name says nothing: the format is found from the content.
  const writers = [
    { format: 'csv', write: async (list: ProcedureDataValue[]) => catalogToCsv(list), runs: 150 },
    { format: 'json', write: async (list: ProcedureDataValue[]) => catalogToJson(list), runs: 150 },
    { format: 'xlsx', write: catalogToXlsx, runs: 40 },
  ] as const;
  it.each(writers)('$format: export then import gives the same procedures', async ({ format, write, runs }) => {
    await fc.assert(fc.asyncProperty(catalog, async (list) => {
      const result = await readCatalog(file('danh-muc.dat', await write(list)));
      expect(result.format).toBe(format);
      expect(dataOf(result)).toEqual(list);
    }), { numRuns: runs });
  });

  it('rows are numbered as in the file: header on row 1, a CSV record by the line it starts on', async () => {
    const base: ProcedureDataValue = {
      code: '', name: 'Tên', field: 'Lĩnh vực', level: '', implementingAgency: '', steps: [], channels: [], processingDays: null,
      onlineLevel: null, dossier: [], applicants: '', result: '', forms: [], conditions: '', legalBasis: [],
    };
    const list = [{ ...base, code: 'A', steps: ['Bước 1', 'Bước 2', 'Bước 3'] }, { ...base, code: 'B' }, { ...base, code: 'C' }];
    expect((await readCatalog(file('a.csv', catalogToCsv(list)))).rows.map((r) => r.row)).toEqual([2, 5, 6]);
    expect((await readCatalog(file('a.xlsx', await catalogToXlsx(list)))).rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect((await readCatalog(file('a.json', catalogToJson(list)))).rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });
});

describe('catalog export formats', () => {
  const sample: ProcedureDataValue = {
    code: '1.004947', name: 'Thủ tục công nhận người có uy tín', field: 'Công tác dân tộc', level: 'Cấp tỉnh',
    implementingAgency: 'Ban Dân tộc', steps: ['Bước 1: Nộp hồ sơ', 'Bước 2: Thẩm định'],
    channels: [{ channel: 'online', processingTime: '15 ngày', fee: 'Không', description: 'Nộp "trực tuyến", có chữ ký số' }],
    processingDays: 15.5, onlineLevel: 'full', dossier: [{ name: 'Đơn đề nghị', originals: 1, copies: 0 }],
    applicants: 'Cá nhân', result: 'Quyết định', forms: [], conditions: '', legalBasis: ['Quyết định số 12/2018/QĐ-TTg'],
  };

  it('CSV: UTF-8 BOM, comma separated, CRLF, RFC 4180 quotes, Vietnamese decimal comma', () => {
    const csv = catalogToCsv([sample]);
    expect(csv.startsWith('\uFEFFMã thủ tục,Tên thủ tục,Lĩnh vực,')).toBe(true);
    expect(csv).toContain('"Mẫu đơn, tờ khai"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Nộp ""trực tuyến"", có chữ ký số"');
    expect(csv).toContain('"15,5"');
    expect(csv).toContain('"Bước 1: Nộp hồ sơ\nBước 2: Thẩm định"');
    expect(csv).toContain('Đơn đề nghị (bản chính: 1, bản sao: 0)');
  });

  it('JSON: pretty, keys in the schema order whatever the input order', () => {
    const shuffled = Object.fromEntries(Object.entries(sample).reverse()) as ProcedureDataValue;
    expect(catalogToJson([shuffled])).toBe(catalogToJson([sample]));
    const json = catalogToJson([sample]);
    expect(json.indexOf('"code"')).toBeLessThan(json.indexOf('"name"'));
    expect(json).toContain('\n  "procedures": [\n');
  });

  it('XLSX: bold frozen header with widths and wrapping, a "Hướng dẫn" sheet, the code as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await catalogToXlsx([sample]) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã thủ tục');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    expect(sheet.getRow(2).getCell(6).alignment?.wrapText).toBe(true);
    expect(sheet.getRow(2).getCell(1).value).toBe('1.004947');
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    expect(guide.getRow(1).getCell(1).value).toBe('# Mẫu danh mục thủ tục hành chính');
  });
});

describe('documented template', () => {
  it('describes every column by its header, and says which are required', () => {
    const doc = catalogTemplateDoc();
    for (const column of CATALOG_COLUMNS) expect(doc).toContain(column.header);
    expect(doc).toContain('bản chính: 1, bản sao: 0');
    expect(CATALOG_COLUMNS.filter((c) => c.required).map((c) => c.key)).toEqual(['code', 'name', 'field']);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input

const HEAD = 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết (ngày làm việc),Mức độ DVC trực tuyến,Thành phần hồ sơ';
const csvOf = (...lines: string[]) => file('a.csv', [HEAD, ...lines].join('\r\n'));
const errorsOf = (result: CatalogReadResult, row: number) =>
  result.rows.find((r) => r.row === row)!.problems.filter((p) => p.severity === 'error');

describe('catalog import: bad input', () => {
  it('missing required columns: a file problem naming them, no rows', async () => {
    const result = await readCatalog(file('a.csv', 'Tên thủ tục,Cấp thực hiện,Trình tự thực hiện\r\nA,Cấp tỉnh,B'));
    expect(result.fileProblems).toEqual(['Thiếu cột bắt buộc: Mã thủ tục, Lĩnh vực.']);
    expect(result.rows).toEqual([]);
  });

  it('no header row at all: a file problem', async () => {
    const result = await readCatalog(file('a.csv', 'x,y\r\n1,2'));
    expect(result.fileProblems[0]).toMatch(/Không tìm thấy dòng tên cột/);
  });

  it('duplicate codes: every duplicate row is flagged and has no data', async () => {
    const result = await readCatalog(csvOf('1.004947,A,F,,,', '2.000001,B,F,,,', '1.004947,C,F,,,', '1.004947,D,F,,,'));
    expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(result.rows[1]!.data?.code).toBe('2.000001');
    for (const row of [2, 4, 5]) {
      expect(result.rows.find((r) => r.row === row)!.data).toBeUndefined();
      expect(errorsOf(result, row)).toEqual([expect.objectContaining({ column: 'Mã thủ tục', message: expect.stringContaining('trùng') })]);
    }
    expect(errorsOf(result, 2)[0]!.message).toContain('dòng 4, dòng 5');
  });

  it('processing days: Vietnamese number forms are read, anything else is an error on that column', async () => {
    const result = await readCatalog(csvOf('1,A,F,15,,', '2,A,F,"15,5",,', '3,A,F,15 ngày làm việc,,', '4,A,F,mười lăm,,', '5,A,F,15-20 ngày,,', '6,A,F,-1,,', '7,A,F,1.000,,', '8,A,F,4000,,'));
    expect(result.rows.map((r) => r.data?.processingDays)).toEqual([15, 15.5, 15, undefined, undefined, undefined, 1000, undefined]);
    expect(errorsOf(result, 5)).toEqual([{ column: 'Thời hạn giải quyết (ngày làm việc)', message: expect.stringContaining('mười lăm'), severity: 'error' }]);
    expect(errorsOf(result, 9)).toEqual([{ column: 'Thời hạn giải quyết (ngày làm việc)', message: 'Không được lớn hơn 3650', severity: 'error' }]);
  });

  it('online level: variants are read, an unknown one is an error', async () => {
    const result = await readCatalog(csvOf('1,A,F,,toan trinh,', '2,A,F,,MỘT PHẦN,', '3,A,F,,Mức độ 4,', '4,A,F,,,', '5,A,F,,Mức độ 2,'));
    expect(result.rows.map((r) => r.data?.onlineLevel)).toEqual(['full', 'partial', 'full', null, undefined]);
    expect(errorsOf(result, 6)).toEqual([{ column: 'Mức độ DVC trực tuyến (Toàn trình/Một phần/trống)', message: expect.stringContaining('Mức độ 2'), severity: 'error' }]);
  });

  it('required cells: an empty code, name or field is an error on its column', async () => {
    const result = await readCatalog(csvOf(',A,F,,,', '1,,,,,'));
    expect(errorsOf(result, 2)).toEqual([{ column: 'Mã thủ tục', message: 'Không được để trống', severity: 'error' }]);
    expect(errorsOf(result, 3).map((p) => p.column)).toEqual(['Tên thủ tục', 'Lĩnh vực']);
  });

  it('empty rows are skipped and the others keep their line numbers', async () => {
    const result = await readCatalog(file('a.csv', `${HEAD}\r\n\r\n1,A,F,,,\r\n,,,,,\r\n  , ,\r\n2,"B\r\ntiếp",F,,,\r\n3,C,F,,,\r\n\r\n`));
    expect(result.rows.map((r) => [r.row, r.data?.code, r.data?.name])).toEqual([[3, '1', 'A'], [6, '2', 'B tiếp'], [8, '3', 'C']]);
  });

  it('header variants: no diacritics, other case, extra spaces, other order, title row above, STT column', async () => {
    const result = await readCatalog(file('a.csv', [
      'DANH MỤC THỦ TỤC HÀNH CHÍNH,,,,,',
      'STT,  linh vuc ,TEN THU TUC,ma thu tuc,Muc do DVC truc tuyen,Thanh phan ho so,truc tiep - phi le phi,Cột lạ',
      '1,Công tác dân tộc,Công nhận người có uy tín,1.004947,Toàn trình,Đơn (01 bản chính),Không,x',
    ].join('\n')));
    expect(result.fileProblems).toEqual([]);
    expect(result.fileWarnings).toEqual(['Bỏ qua các cột không nhận ra: Cột lạ.']);
    expect(result.rows[0]).toMatchObject({
      row: 3,
      data: {
        code: '1.004947', name: 'Công nhận người có uy tín', field: 'Công tác dân tộc', onlineLevel: 'full',
        dossier: [{ name: 'Đơn', originals: 1, copies: 0 }], channels: [{ channel: 'in_person', processingTime: '', fee: 'Không', description: '' }],
      },
    });
  });

  it('semicolon-separated CSV (a header holding a comma, cells holding commas)', async () => {
    const csv = 'Mã thủ tục;Tên thủ tục;Lĩnh vực;Mẫu đơn, tờ khai;Thời hạn giải quyết (ngày làm việc)\r\n1.000123;Cấp giấy phép, gia hạn;Dân tộc;"Mẫu 01; tờ khai\nMẫu 02";7,5\r\n';
    const result = await readCatalog(file('a.csv', csv));
    expect(result.rows[0]!.data).toMatchObject({ code: '1.000123', name: 'Cấp giấy phép, gia hạn', forms: ['Mẫu 01; tờ khai', 'Mẫu 02'], processingDays: 7.5 });
  });

  it('UTF-16LE with BOM, tab-separated as Excel "Unicode Text", and comma-separated', async () => {
    const tsv = 'Mã thủ tục\tTên thủ tục\tLĩnh vực\r\n1.012223.H38\tĐăng ký "nhập" hộ\tHộ tịch\r\n';
    const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    const result = await readCatalog(file('a.txt', utf16(tsv)));
    expect(result.format).toBe('csv');
    expect(result.rows[0]!.data).toMatchObject({ code: '1.012223.H38', name: 'Đăng ký "nhập" hộ', field: 'Hộ tịch' });
    const viaComma = await readCatalog(file('a.csv', utf16('Mã thủ tục,Tên thủ tục,Lĩnh vực\r\n1,A,B\r\n')));
    expect(viaComma.rows[0]!.data).toMatchObject({ code: '1', name: 'A', field: 'B' });
  });

  it('CSV with a UTF-8 BOM, NFD text and extra spaces: stored NFC, single-spaced, trimmed', async () => {
    const result = await readCatalog(file('a.csv', `\uFEFF${HEAD}\n ${'1.000001'} ,${'Thủ  tục   hành chính'.normalize('NFD')} ,\tLĩnh vực ,,,`));
    expect(result.rows[0]!.data).toMatchObject({ code: '1.000001', name: 'Thủ tục hành chính', field: 'Lĩnh vực' });
    expect(result.rows[0]!.data!.name).toBe(result.rows[0]!.data!.name.normalize('NFC'));
  });

  it('an unclosed quote is a file problem; a file that is not UTF-8 cannot be read', async () => {
    expect((await readCatalog(csvOf('1,"A,F,,,'))).fileProblems).toEqual(['Dấu ngoặc kép mở ở dòng 2 không được đóng.']);
    const latin = await readCatalog(file('a.csv', new Uint8Array([0x4d, 0xe3, 0x20, 0x74, 0x68, 0xf9])));
    expect(latin.fileProblems[0]).toMatch(/UTF-8/);
    expect((await readCatalog(file('a.csv', ''))).fileProblems).toEqual(['Tệp rỗng.']);
  });

  it('dossier lines: the documented form and the common variants', async () => {
    const cell = [
      'Đơn đề nghị (bản chính: 1, bản sao: 0)',
      '- Giấy xác nhận (nếu có) (01 bản chính, 01 bản sao)',
      'Tờ khai: 02 bản chính',
      'Sơ yếu lý lịch. Bản chính: 1; Bản sao: 2',
      'Bản sao giấy khai sinh',
      'Ảnh 3x4',
    ].join('\n');
    const result = await readCatalog(csvOf(`1,A,F,,,"${cell}"`));
    expect(result.rows[0]!.data!.dossier).toEqual([
      { name: 'Đơn đề nghị', originals: 1, copies: 0 },
      { name: 'Giấy xác nhận (nếu có)', originals: 1, copies: 1 },
      { name: 'Tờ khai', originals: 2, copies: 0 },
      { name: 'Sơ yếu lý lịch', originals: 1, copies: 2 },
      { name: 'Bản sao giấy khai sinh', originals: 0, copies: 1 },
      { name: 'Ảnh 3x4', originals: 1, copies: 0 },
    ]);
    expect(result.rows[0]!.problems.filter((p) => p.severity === 'warning')).toHaveLength(2);
    const tooMany = await readCatalog(csvOf('1,A,F,,,"Đơn (bản chính: 101, bản sao: 0)"'));
    expect(errorsOf(tooMany, 2)).toEqual([{ column: 'Thành phần hồ sơ', message: 'Mục 1: Không được lớn hơn 100', severity: 'error' }]);
  });

  it('schema limits become Vietnamese messages on the column', async () => {
    const result = await readCatalog(csvOf(`1,${'x'.repeat(1001)},F,,,`));
    expect(errorsOf(result, 2)).toEqual([{ column: 'Tên thủ tục', message: 'Dài quá 1000 ký tự', severity: 'error' }]);
  });
});

describe('catalog import: XLSX cells', () => {
  async function workbookWith(rows: (string | number | null)[][], format?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ghi chú').addRow(['Trang khác']);
    const sheet = workbook.addWorksheet('Danh mục');
    for (const row of rows) sheet.addRow(row);
    format?.(sheet);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('a code stored as a number is read as its text; a mangled one is kept with a warning', async () => {
    const bytes = await workbookWith([
      ['Danh mục thủ tục'],
      ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Thời hạn giải quyết (ngày làm việc)'],
      [1.004947, 'A', 'F', 15],
      [1.00495, 'B', 'F', 2.5],
      [1.00494, 'C', 'F', null],
    ], (sheet) => { sheet.getCell('A5').numFmt = '0.000000'; });
    const result = await readCatalog(file('danh-muc.bin', bytes));
    expect(result.format).toBe('xlsx');
    expect(result.fileWarnings).toEqual(['Chỉ đọc trang "Danh mục"; bỏ qua: Ghi chú.']);
    expect(result.rows.map((r) => [r.row, r.data?.code, r.data?.processingDays])).toEqual([[3, '1.004947', 15], [4, '1.00495', 2.5], [5, '1.004940', null]]);
    expect(result.rows[0]!.problems).toEqual([]);
    expect(result.rows[1]!.problems).toEqual([{ column: 'Mã thủ tục', message: expect.stringContaining('"1.00495"'), severity: 'warning' }]);
    expect(result.rows[2]!.problems).toEqual([]);
  });

  it('a zip that is not a workbook, an old .xls and a broken file are file problems', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const docx = await zip.generateAsync({ type: 'uint8array' });
    expect((await readCatalog(file('a.xlsx', docx))).fileProblems).toEqual(['Tệp nén không phải bảng tính XLSX.']);
    expect((await readCatalog(file('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).fileProblems[0]).toMatch(/\.xls/);
    expect((await readCatalog(file('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).fileProblems[0]).toMatch(/Không đọc được tệp XLSX/);
  });
});

describe('catalog import: JSON', () => {
  it('accepts an array or { procedures }, fills missing optional fields and reads lenient values', async () => {
    const result = await readCatalog(file('a.json', JSON.stringify([
      { code: '1.000001', name: ' Thủ  tục ', field: 'F', processingDays: '15,5', onlineLevel: 'Một phần', steps: 'Bước 1\nBước 2', dossier: ['Đơn (01 bản chính)'] },
      null,
      { code: 1.004947, name: 'B', field: 'F', channels: [{ channel: 'Trực tiếp', fee: 'Không' }] },
    ])));
    expect(result.rows.map((r) => r.row)).toEqual([1, 3]);
    expect(result.rows[0]!.data).toEqual({
      code: '1.000001', name: 'Thủ tục', field: 'F', level: '', implementingAgency: '', steps: ['Bước 1', 'Bước 2'], channels: [],
      processingDays: 15.5, onlineLevel: 'partial', dossier: [{ name: 'Đơn', originals: 1, copies: 0 }], applicants: '', result: '',
      forms: [], conditions: '', legalBasis: [],
    });
    expect(result.rows[1]!.data).toMatchObject({ code: '1.004947', channels: [{ channel: 'in_person', processingTime: '', fee: 'Không', description: '' }] });
    expect(result.rows[1]!.problems).toEqual([{ column: 'Mã thủ tục', message: expect.stringContaining('dạng số'), severity: 'warning' }]);
    const wrapped = await readCatalog(file('a.json', JSON.stringify({ procedures: [{ code: 'X', name: 'N', field: 'F' }] })));
    expect(wrapped.rows[0]!.data?.code).toBe('X');
  });

  it('wrong shapes are row problems; a file that is not a catalog is a file problem', async () => {
    const result = await readCatalog(file('a.json', JSON.stringify([
      'text', { code: 'A', name: 'N', field: 'F', steps: 5, onlineLevel: 'abc', channels: [{ channel: 'fax' }], dossier: [{ name: 'Đơn', originals: -1, copies: 0 }] },
    ])));
    expect(errorsOf(result, 1)).toEqual([{ message: 'Mỗi thủ tục phải là một đối tượng JSON', severity: 'error' }]);
    expect(errorsOf(result, 2).map((p) => p.column)).toEqual(['Trình tự thực hiện', 'Hình thức nộp', 'Mức độ DVC trực tuyến (Toàn trình/Một phần/trống)', 'Thành phần hồ sơ']);
    expect((await readCatalog(file('a.json', '{"items": []}'))).fileProblems[0]).toMatch(/mảng thủ tục/);
    expect((await readCatalog(file('a.json', '[{"code": '))).fileProblems).toEqual(['Tệp JSON không đúng cú pháp.']);
  });
});

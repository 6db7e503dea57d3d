/**
 * Files as users upload them: DOCX and XLSX with real tables, PDF with and without a text layer,
 * text in UTF-8 and UTF-16, and broken or foreign files, which must always end in an ImportError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/documents/import/errors.ts';
import { extractPlanText, importPlanFile, MAX_IMPORT_BYTES } from '../../../src/documents/import/extract.ts';
import { buildPlanDocx } from './build-docx.ts';
import { buildPdf, layout } from './build-pdf.ts';
import { buildAppendixXlsx } from './build-xlsx.ts';
import { fixtureText } from './fixtures.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('DOCX', () => {
  it('reads the header table, the body, the signature table and the real appendix table', async () => {
    const bytes = new Uint8Array(await buildPlanDocx());
    const extracted = await extractPlanText({ name: 'ke-hoach.docx', bytes });
    expect('tables' in extracted && extracted.tables).toHaveLength(1);
    const plan = await importPlanFile({ name: 'ke-hoach.docx', bytes });
    expect(plan).toMatchObject({
      title: 'Tuyên truyền cải cách hành chính nhà nước năm 2024',
      issuer: 'Ban Dân tộc',
      parentAgency: 'UBND TỈNH BẮC GIANG',
      province: 'Bắc Giang',
      numberText: '05/KH-BDT',
      place: 'Bắc Giang',
      signDate: '2024-02-05',
      signer: { authority: 'KT. TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'Nguyễn Văn An' },
      recipients: ['Sở Nội vụ', 'Lãnh đạo Ban', 'Lưu: VT, HCTH'],
      budgetText: 'Bố trí từ nguồn kinh phí được giao năm 2024.',
    });
    expect(plan.warnings).toEqual([]);
    expect(plan.appendix?.groups.map((g) => g.code)).toEqual(['B', 'B.1', 'B.2']);
    expect(plan.appendix?.tasks.map((t) => [t.group, t.code ?? '-', t.lead, t.coop, t.product, t.due?.end])).toEqual([
      [null, 'A', 'Phòng HC-TH', ['Các phòng chuyên môn'], 'Kế hoạch', '2024-02-29'],
      ['B.1', '-', 'Phòng HC-TH', ['Các phòng chuyên môn'], 'Văn bản/tin bài viết', '2024-12-31'],
      // The lead cell merged over two rows leads both tasks.
      ['B.1', '-', 'Phòng HC-TH', ['Phòng KH-TT', 'Phòng CS-DT'], 'Văn bản', '2024-06-30'],
      ['B.2', '-', 'Các phòng chuyên môn, đơn vị', [], 'Số Hội nghị', '2024-06-30'],
    ]);
  });

  it('turns a ZIP that is not a document into an ImportError', async () => {
    const zipHeader = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await importError(importPlanFile({ name: 'x.docx', bytes: zipHeader }))).reason).toBe('corrupt');
  });
});

describe('XLSX', () => {
  it('reads the appendix sheet: header by its titles, merged group rows, a merged lead, dates', async () => {
    const plan = await importPlanFile({ name: 'phu-luc.xlsx', bytes: await buildAppendixXlsx() });
    expect(plan.appendix?.title).toBe('DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024');
    expect(plan.appendix?.columns).toEqual(['TT', 'Nội dung, nhiệm vụ', 'Phòng chủ trì', 'Phòng phối hợp', 'Kết quả/sản phẩm', 'Thời gian hoàn thành']);
    expect(plan.appendix?.groups).toEqual([{ code: 'I', title: 'Công tác chỉ đạo, điều hành' }, { code: 'II', title: 'Công tác tuyên truyền' }]);
    expect(plan.appendix?.tasks.map((t) => [t.group, t.code, t.content, t.lead, t.coop, t.dueText, t.due?.kind])).toEqual([
      ['I', '1', 'Xây dựng Kế hoạch tuyên truyền', 'Phòng HC-TH', ['Các phòng chuyên môn'], 'T2/2024', 'month'],
      ['I', '2', 'Đăng tải văn bản chỉ đạo lên Cổng TTĐT', 'Phòng KH-TT', ['Phòng HC-TH', 'Phòng CS-DT'], '30/06/2024', 'date'],
      ['I', '3', 'Tổng hợp kết quả tuyên truyền', 'Phòng KH-TT', ['Thanh tra Ban'], 'Quý IV/2024', 'quarter'],
      ['II', '1', 'Tuyên truyền trên Zalo của Ban', 'Văn phòng', [], 'Hằng tháng', 'recurring'],
    ]);
    // The plan's facts come from the "Kèm theo" line above the table.
    expect(plan).toMatchObject({ year: 2024, issuer: 'Ban Dân tộc', province: 'Bắc Giang', numberText: '05/KH-BDT', signDate: '2024-02-05' });
    expect(plan.channels).toEqual(['Cổng Thông tin điện tử', 'Zalo']);
  });
});

describe('PDF', () => {
  const plan = fixtureText('decision-plan.txt').split('\n');
  const body = plan.slice(0, plan.indexOf('PHỤ LỤC'));

  it('reads the text layer with unpdf, keeping table cells apart', async () => {
    const table: Parameters<typeof layout>[0] = [
      'PHỤ LỤC',
      'DANH MỤC NHIỆM VỤ NĂM 2025',
      { cells: [[40, ['STT']], [70, ['Nội dung công việc']], [330, ['Cơ quan chủ trì']], [430, ['Cơ quan phối hợp']], [560, ['Sản phẩm']], [660, ['Thời gian', 'thực hiện']]] },
      { cells: [[40, ['1']], [70, ['Xây dựng, ban hành Kế hoạch tuyên truyền', 'cải cách hành chính năm 2025']], [330, ['Tổ Tổng hợp']], [430, ['Các tổ chuyên', 'môn']], [560, ['Kế hoạch']], [660, ['Tháng 01/2025']]] },
      { cells: [[40, ['2']], [70, ['Đăng tải tin, bài trên Trang thông tin', 'điện tử của huyện']], [330, ['Bộ phận Một cửa']], [430, ['Tổ Tổng hợp']], [560, ['Tin, bài']], [660, ['Quý II/2025']]] },
    ];
    const bytes = buildPdf([layout(body.slice(0, 42), 570, 12), layout(body.slice(42), 570, 12), layout(table)]);
    const extracted = await extractPlanText({ name: 'ke-hoach.pdf', bytes });
    expect(extracted.text).toContain('Căn cứ Nghị định số 30/2020/NĐ-CP');
    const doc = await importPlanFile({ name: 'ke-hoach.pdf', bytes, mime: 'application/pdf' });
    expect(doc).toMatchObject({ title: 'Tuyên truyền cải cách hành chính năm 2025', numberText: '12/QĐ-PNV', signDate: '2025-01-15', issuer: 'Phòng Nội vụ' });
    expect(doc.appendix?.tasks.map((t) => [t.code, t.content, t.lead, t.coop, t.product, t.dueText])).toEqual([
      ['1', 'Xây dựng, ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025', 'Tổ Tổng hợp', ['Các tổ chuyên môn'], 'Kế hoạch', 'Tháng 01/2025'],
      ['2', 'Đăng tải tin, bài trên Trang thông tin điện tử của huyện', 'Bộ phận Một cửa', ['Tổ Tổng hợp'], 'Tin, bài', 'Quý II/2025'],
    ]);
  });

  it('says a PDF without text looks scanned and invites pasting the text', async () => {
    const error = await importError(importPlanFile({ name: 'scan.pdf', bytes: buildPdf([[], []]) }));
    expect(error.reason).toBe('scanned_pdf');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/scan/);
    expect(error.message).toMatch(/dán/);
  });

  it('says an encrypted PDF is protected', async () => {
    const plain = Buffer.from(buildPdf([layout(['KẾ HOẠCH', 'Tuyên truyền cải cách hành chính năm 2024'])])).toString('latin1');
    const id = '<0123456789ABCDEF0123456789ABCDEF>';
    const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -4 >> /ID [${id} ${id}]`;
    const bytes = new Uint8Array(Buffer.from(plain.replace('/Root 1 0 R', `/Root 1 0 R ${encrypt}`), 'latin1'));
    const error = await importError(importPlanFile({ name: 'locked.pdf', bytes }));
    expect(error.reason).toBe('encrypted');
    expect(error.message).toMatch(/mật khẩu/);
  });

  it('turns a truncated PDF into an ImportError', async () => {
    const bytes = buildPdf([layout(['KẾ HOẠCH'])]).slice(0, 60);
    expect((await importError(importPlanFile({ name: 'cut.pdf', bytes }))).reason).toMatch(/corrupt|scanned_pdf/);
  });
});

describe('text files', () => {
  const text = fixtureText('bdt-bacgiang-2024.txt');

  it('reads UTF-8 with or without BOM, and UTF-16 LE/BE with BOM', async () => {
    const expected = await importPlanFile({ name: 'kh.txt', bytes: utf8(text) });
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const be = new Uint8Array(le.length);
    be.set([0xfe, 0xff]);
    for (let i = 2; i < le.length; i += 2) { be[i] = le[i + 1] ?? 0; be[i + 1] = le[i] ?? 0; }
    for (const bytes of [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), le, be]) {
      expect(await importPlanFile({ name: 'kh.txt', bytes })).toEqual(expected);
    }
    expect(expected.appendix?.tasks).toHaveLength(8);
  });

  it('rejects text that is not Unicode or not text', async () => {
    expect((await importError(importPlanFile({ name: 'kh.txt', bytes: new Uint8Array([0x4b, 0xea, 0x20, 0x68, 0x6f, 0xb9]) }))).reason).toBe('encoding');
    expect((await importError(importPlanFile({ name: 'kh.txt', bytes: new Uint8Array([0x41, 0, 0x42, 0]) }))).reason).toBe('corrupt');
    expect((await importError(importPlanFile({ name: 'kh.txt', bytes: utf8('   \n ') }))).reason).toBe('empty');
  });
});

describe('any file', () => {
  it('over 20 MB is refused with 413', async () => {
    const error = await importError(extractPlanText({ name: 'big.pdf', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }));
    expect(error.reason).toBe('too_large');
    expect(error.status).toBe(413);
    expect(error.tooLarge).toBe(true);
  });

  it('whose text is far too long for a plan is refused before it is read', async () => {
    const error = await importError(importPlanFile({ name: 'dai.txt', bytes: utf8('Tuyên truyền. '.repeat(150_000)) }));
    expect(error.reason).toBe('too_large');
  });

  it('of an unknown or old type is refused', async () => {
    expect((await importError(importPlanFile({ name: 'anh.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]) }))).reason).toBe('unsupported_type');
    expect((await importError(importPlanFile({ name: 'cu.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]) }))).reason).toBe('unsupported_type');
    expect((await importError(importPlanFile({ name: 'rong.pdf', bytes: new Uint8Array() }))).reason).toBe('empty');
  });

  it('of random bytes under any name ends in an ImportError, never another exception', async () => {
    await fc.assert(fc.asyncProperty(
      fc.uint8Array({ minLength: 1, maxLength: 300 }),
      fc.constantFrom('a.pdf', 'a.docx', 'a.xlsx', 'a.txt', 'a.bin'),
      fc.constantFrom<number[]>([], [0x25, 0x50, 0x44, 0x46, 0x2d], [0x50, 0x4b, 0x03, 0x04]),
      async (bytes, name, magic) => {
        const file = { name, bytes: new Uint8Array([...magic, ...bytes]) };
        try {
          await importPlanFile(file);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
        }
      },
    ), { numRuns: 60 });
  });
});

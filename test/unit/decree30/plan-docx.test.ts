import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePlanDocx } from '../../../src/documents/decree30/plan-docx.ts';
import type { PlanSection } from '../../../src/documents/plan-document.ts';
import { htmlTables } from './html-table.ts';
import { BAC_GIANG_HEADER, CLOSING, bacGiangPlan } from './plans.ts';

/** mammoth's text with runs of white space collapsed, so line breaks do not matter. */
async function readText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value.replace(/[ \t]*\n+[ \t]*/g, '\n');
}

const plan = bacGiangPlan();
let text = '';
let html = '';

beforeAll(async () => {
  const docx = await writePlanDocx(plan, BAC_GIANG_HEADER);
  text = await readText(docx);
  html = (await mammoth.convertToHtml({ buffer: docx })).value;
});

function headings(sections: PlanSection[]): string[] {
  return sections.flatMap((s) => [s.heading, ...headings(s.children)]);
}

describe('writePlanDocx: the printed text', () => {
  it('has the Decree 30 header', () => {
    const lines = text.split('\n');
    expect(lines).toContain('UBND TỈNH BẮC GIANG');
    expect(lines).toContain('BAN DÂN TỘC');
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(lines).toContain('Số: 05/KH-BDT');
    expect(lines).toContain('Bắc Giang, ngày 05 tháng 02 năm 2024');
  });

  it('has the document type and the subject, in that order', () => {
    const type = text.indexOf('\nKẾ HOẠCH\n');
    expect(type).toBeGreaterThan(text.indexOf('Bắc Giang, ngày'));
    expect(text.indexOf(`\n${plan.title}\n`)).toBeGreaterThan(type);
  });

  it('has the basis, then every section heading in order, then the closing', () => {
    expect(text).toContain('Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh');
    expect(text).toContain('Ban Dân tộc ban hành Kế hoạch thực hiện như sau:');
    let at = text.indexOf('Căn cứ');
    for (const heading of headings(plan.sections)) {
      const next = text.indexOf(heading, at);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    expect(text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(text).toContain('IV. TỔ CHỨC THỰC HIỆN');
    expect(text).toContain('1. Mục đích');
    expect(text).toContain('- Đa dạng hóa các hình thức tuyên truyền');
    expect(text.indexOf(CLOSING)).toBeGreaterThan(at);
  });

  it('does not print the budget twice when a section holds it', () => {
    expect(text.match(/Bố trí từ nguồn kinh phí/g)).toHaveLength(1);
    expect(text).not.toContain('KINH PHÍ THỰC HIỆN');
  });

  it('has "Nơi nhận:", every recipient and the signer', () => {
    const lines = text.split('\n');
    expect(lines).toContain('Nơi nhận:');
    expect(lines).toEqual(expect.arrayContaining([
      '- Sở Nội vụ;', '- Sở Thông tin và Truyền thông;', '- Lãnh đạo Ban;', '- Các phòng chuyên môn, đơn vị;', '- Lưu: VT, HCTH.',
    ]));
    expect(lines).toEqual(expect.arrayContaining(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'Nguyễn Văn Minh']));
  });

  it('has the appendix after the signature, with its title and reference', () => {
    const appendix = text.indexOf('\nPhụ lục\n');
    expect(appendix).toBeGreaterThan(text.indexOf('Nguyễn Văn Minh'));
    expect(text.indexOf(plan.appendix!.title)).toBeGreaterThan(appendix);
    expect(text).toContain('(Kèm theo Kế hoạch số 05/KH-BDT ngày 05/02/2024 của Ban Dân tộc tỉnh Bắc Giang)');
  });
});

describe('writePlanDocx: the appendix table', () => {
  it('has the plan columns as its header row', () => {
    const table = htmlTables(html).at(-1)!;
    expect(table[0]).toEqual(plan.appendix!.columns);
  });

  it('has the task rows equal to the plan tasks, in order', () => {
    const table = htmlTables(html).at(-1)!;
    const taskRows = table.slice(1).filter((cells) => cells.length === 6);
    expect(taskRows).toEqual(plan.appendix!.tasks.map((t) => [t.code ?? '-', t.content, t.lead, t.coop.join(', '), t.product, t.dueText]));
  });

  it('has a group row spanning the table for every group, before its tasks', () => {
    const table = htmlTables(html).at(-1)!;
    const groupRows = table.slice(1).filter((cells) => cells.length === 2);
    expect(groupRows).toEqual([
      ['B', 'Công tác tuyên truyền'],
      ['1', 'Tuyên truyền trên Cổng Thông tin điện tử, mạng xã hội'],
      ['2', 'Tuyên truyền thông qua các hình thức: Hội nghị, tập huấn và các hình thức khác'],
    ]);
    expect(html).toMatch(/<td colspan="5"><p><strong>Công tác tuyên truyền<\/strong><\/p><\/td>/);
  });
});

describe('writePlanDocx: blanks and other cases', () => {
  it('leaves blanks for a number and a date not yet given', async () => {
    const draft = await readText(await writePlanDocx(bacGiangPlan({ numberText: '/KH-BDT', signDate: null }), BAC_GIANG_HEADER));
    expect(draft).toContain('Số:      /KH-BDT');
    expect(draft).toContain('Bắc Giang, ngày      tháng      năm 2024');
    expect(draft).toContain('(Kèm theo Kế hoạch số      /KH-BDT ngày      /      /2024 của Ban Dân tộc tỉnh Bắc Giang)');
  });

  it('prints the names the caller gives: those in force on the plan\'s date', async () => {
    const renamed = await readText(await writePlanDocx(bacGiangPlan(), {
      parentAgency: 'UBND tỉnh Bắc Ninh', agency: 'Sở Dân tộc và Tôn giáo tỉnh Bắc Ninh', agencyHeader: 'Sở Dân tộc và Tôn giáo', place: 'Bắc Ninh',
    }));
    expect(renamed).toContain('UBND TỈNH BẮC NINH\nSỞ DÂN TỘC VÀ TÔN GIÁO\n');
    expect(renamed).toContain('Bắc Ninh, ngày 05 tháng 02 năm 2024');
    expect(renamed).toContain('của Sở Dân tộc và Tôn giáo tỉnh Bắc Ninh)');
  });

  it('adds the budget as a section before "Tổ chức thực hiện" when no section holds it', async () => {
    const sections = bacGiangPlan().sections.map((s) => (s.number === 'III' ? { ...s, children: s.children.slice(0, 3) } : s));
    const withBudget = await readText(await writePlanDocx(bacGiangPlan({
      sections, budgetLines: [{ item: 'Hội nghị tập huấn', amount: 15_000_000, source: 'ngân sách tỉnh' }],
    }), BAC_GIANG_HEADER));
    expect(withBudget).toContain('IV. KINH PHÍ THỰC HIỆN\nBố trí từ nguồn kinh phí');
    expect(withBudget).toContain('- Hội nghị tập huấn: 15.000.000 đồng (ngân sách tỉnh);');
    expect(withBudget).toContain('V. TỔ CHỨC THỰC HIỆN');
  });

  it('adds the archive line Decree 30 requires and works without a signer, parent or appendix', async () => {
    const bare = await readText(await writePlanDocx(
      bacGiangPlan({ recipients: ['Sở Nội vụ;'], signer: null, appendix: null, basis: [] }),
      { parentAgency: null, agency: 'Ban Dân tộc tỉnh Bắc Giang', agencyHeader: 'Ban Dân tộc', place: 'Bắc Giang' },
    ));
    expect(bare).toContain('Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.');
    expect(bare.startsWith('BAN DÂN TỘC\nCỘNG HÒA')).toBe(true);
    expect(bare).not.toContain('Phụ lục');
    expect(bare).not.toContain('Căn cứ');
  });
});

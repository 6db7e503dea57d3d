/** Smaller cases behind the agency plans (agency-plans.test.ts): each rule on the text that needed it. */
import { describe, expect, it } from 'vitest';
import { splitUnits } from '../../../src/documents/import/cell-kinds.ts';
import { parseHeader } from '../../../src/documents/import/header.ts';
import { classifyLabel } from '../../../src/documents/import/numbering.ts';
import { findPdfTable, type PdfItem } from '../../../src/documents/import/pdf-table.ts';
import { parsePlanText } from '../../../src/documents/import/text-plan.ts';

describe('unit names in a cell', () => {
  it('keeps a comma inside a name and names wrapped over lines', () => {
    expect(splitUnits('Trung tâm Văn hóa, Thể thao và Truyền thông')).toEqual(['Trung tâm Văn hóa, Thể thao và Truyền thông']);
    expect(splitUnits('Phòng Phổ biến,\ngiáo dục pháp luật')).toEqual(['Phòng Phổ biến, giáo dục pháp luật']);
    expect(splitUnits('Công chức\nVăn phòng - Thống kê')).toEqual(['Công chức Văn phòng - Thống kê']);
    expect(splitUnits('Phòng Hành chính\n- Tổng hợp\nHạt Kiểm lâm các huyện')).toEqual(['Phòng Hành chính - Tổng hợp', 'Hạt Kiểm lâm các huyện']);
    expect(splitUnits('Tỉnh đoàn Thái Nguyên\nCác trường trung học phổ thông')).toEqual(['Tỉnh đoàn Thái Nguyên', 'Các trường trung học phổ thông']);
    expect(splitUnits('- Sở Nội vụ\n- Sở Tư pháp')).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);
  });
});

describe('header', () => {
  it('joins an agency name wrapped over two lines', () => {
    expect(parseHeader(['ỦY BAN NHÂN DÂN', 'HUYỆN VĂN LÃNG', 'Số: 45/KH-UBND'])).toMatchObject({ parentAgency: null, agency: 'ỦY BAN NHÂN DÂN HUYỆN VĂN LÃNG' });
    expect(parseHeader(['SỞ NÔNG NGHIỆP VÀ PTNT', 'TỈNH BẮC KẠN', 'CHI CỤC KIỂM LÂM'])).toMatchObject({ parentAgency: 'SỞ NÔNG NGHIỆP VÀ PTNT TỈNH BẮC KẠN', agency: 'CHI CỤC KIỂM LÂM' });
  });
});

describe('task tables', () => {
  it('reads a lone letter in a TT cell as a task label', () => {
    expect(classifyLabel('a', { bare: true })).toMatchObject({ kind: 'letter', label: 'a', rest: '' });
    expect(classifyLabel('a')).toBeNull();
  });

  it('reads pasted Word rows whose cells hold several paragraphs', () => {
    const plan = parsePlanText([
      'PHỤ LỤC',
      'STT\tNội dung\tChủ trì\tPhối hợp\tThời gian',
      '(1)\t(2)\t(3)\t(4)\t(5)',
      'I\tCông tác tuyên truyền',
      '1\tĐăng tin\tVăn phòng\tPhòng A',
      'Phòng B\tQuý I/2025',
      '2\tHội nghị\tPhòng A\t\tThường xuyên',
    ].join('\n'));
    expect(plan.appendix?.groups).toEqual([{ code: 'I', title: 'Công tác tuyên truyền' }]);
    expect(plan.appendix?.tasks.map((t) => [t.code, t.lead, t.coop, t.dueText])).toEqual([
      ['1', 'Văn phòng', ['Phòng A', 'Phòng B'], 'Quý I/2025'],
      ['2', 'Phòng A', [], 'Thường xuyên'],
    ]);
  });

  it('rebuilds a PDF table from positions, with centred cells', () => {
    const item = (str: string, x: number, y: number): PdfItem => ({ str, x, y, w: str.length * 5, h: 10, page: 1 });
    const items = [
      item('TT', 40, 700), item('Nội dung', 80, 700), item('Chủ trì', 300, 700), item('Thời gian', 400, 700),
      // Row 1: content over three lines, the other cells centred on its middle line.
      item('Xây dựng kế hoạch', 80, 680), item('1', 40, 668), item('tuyên truyền', 80, 668), item('Văn phòng', 300, 668), item('Quý I/2025', 400, 668),
      item('năm 2025', 80, 656),
      // Row 2: one line each.
      item('2', 40, 640), item('Đăng tin', 80, 640), item('Phòng A', 300, 640), item('Thường xuyên', 400, 640),
    ];
    expect(findPdfTable(items)?.grid).toEqual([
      ['TT', 'Nội dung', 'Chủ trì', 'Thời gian'],
      ['1', 'Xây dựng kế hoạch\ntuyên truyền\nnăm 2025', 'Văn phòng', 'Quý I/2025'],
      ['2', 'Đăng tin', 'Phòng A', 'Thường xuyên'],
    ]);
  });
});

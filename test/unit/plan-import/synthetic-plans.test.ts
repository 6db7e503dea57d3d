/**
 * Plans written for these tests in layouts the Bắc Giang plan does not use: a plan issued inside
 * a decision, with "STT / Nội dung công việc / Cơ quan chủ trì / …" columns and I / 1 / 1.1 / a
 * numbering; a plan without an appendix; text pasted from Word (one paragraph per line, table
 * cells separated by tabs) with a repeated TT number.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../src/documents/import/text-plan.ts';
import type { PlanSection } from '../../../src/documents/plan-document.ts';
import { fixtureText } from './fixtures.ts';

const outline = (sections: PlanSection[]): unknown[] =>
  sections.map((s) => (s.children.length ? [s.number, outline(s.children)] : s.number));

describe('a plan issued by a decision', () => {
  const plan = parsePlanText(fixtureText('decision-plan.txt'));

  it('reads the decision header, number and signature', () => {
    expect(plan).toMatchObject({
      docType: 'KH',
      title: 'Tuyên truyền cải cách hành chính năm 2025',
      year: 2025,
      issuer: 'Phòng Nội vụ',
      parentAgency: 'UBND HUYỆN LỤC NGẠN',
      province: 'Bắc Giang',
      numberText: '12/QĐ-PNV',
      numberSuffix: 'QĐ-PNV',
      place: 'Lục Ngạn',
      signDate: '2025-01-15',
      signer: { authority: null, title: 'TRƯỞNG PHÒNG', name: 'Nguyễn Thị Minh Hằng' },
      theme: 'Tăng tốc, bứt phá, về đích',
    });
    expect(plan.recipients).toEqual(['Như Điều 3', 'UBND huyện (b/c)', 'Sở Nội vụ tỉnh Bắc Giang', 'Lưu: VT, TH']);
    expect(plan.warnings.map((w) => w.path)).toContain('plan.numberText');
  });

  it('reads every basis of the decision', () => {
    expect(plan.basis.map((b) => [b.type, b.number, b.date, b.issuer])).toEqual([
      ['Nghị định', '30/2020/NĐ-CP', '2020-03-05', 'Chính phủ'],
      ['Quyết định', '1234/QĐ-UBND', '2024-12-20', 'UBND huyện Lục Ngạn'],
      ['Kế hoạch', '25/KH-UBND', '2025-01-08', 'UBND tỉnh Bắc Giang'],
    ]);
    expect(plan.basis[1]?.text).toBe('Quyết định số 1234/QĐ-UBND ngày 20 tháng 12 năm 2024 của UBND huyện Lục Ngạn');
  });

  it('nests I / 1 / 1.1 / a / - and finds the budget', () => {
    expect(outline(plan.sections)).toEqual([
      ['I', [['1', ['1.1', '1.2']], ['2', ['a', 'b']]]],
      ['II', ['1', '2']],
      ['III', ['1', '2']],
      ['IV', ['-', '-']],
      ['V', ['1', '2']],
    ]);
    expect(plan.sections[3]?.paragraphs).toEqual(['Kinh phí thực hiện từ nguồn ngân sách huyện giao năm 2025, cụ thể:']);
    expect(plan.budgetLines).toEqual([
      { item: 'In ấn tài liệu tuyên truyền', amount: 10_000_000, source: null },
      { item: 'Tổ chức hội thi', amount: 5_000_000, source: null },
    ]);
    expect(plan.channels).toEqual(['Cổng Dịch vụ công', 'Trang thông tin điện tử', 'Zalo']);
    expect(plan.indices).toEqual(['PAR INDEX', 'SIPAS']);
  });

  it('maps other column names to the canonical ones', () => {
    expect(plan.appendix?.columns).toEqual(['TT', 'Nội dung, nhiệm vụ', 'Phòng chủ trì', 'Phòng phối hợp', 'Kết quả/sản phẩm', 'Thời gian hoàn thành']);
    expect(plan.appendix?.groups).toEqual([
      { code: 'I', title: 'Công tác chỉ đạo, điều hành' },
      { code: 'II', title: 'Công tác tuyên truyền' },
      { code: 'II.1', title: 'Tuyên truyền trên Trang thông tin điện tử huyện' },
      { code: 'II.2', title: 'Tuyên truyền qua hội nghị, hội thi' },
      { code: 'III', title: 'Kiểm tra, đánh giá' },
    ]);
  });

  it('cuts rows into cells, on one line or wrapped', () => {
    const rows = plan.appendix?.tasks.map((t) => [t.group, t.code, t.lead, t.coop, t.product, t.dueText, t.due?.kind ?? null, t.due?.end ?? null]);
    expect(rows).toEqual([
      ['I', '1', 'Tổ Tổng hợp', ['Các tổ chuyên môn'], 'Kế hoạch', 'Tháng 01/2025', 'month', '2025-01-31'],
      ['I', '2', 'Tổ Tổng hợp', ['Các tổ chuyên môn', 'Văn phòng HĐND và UBND huyện'], 'Tin, bài', 'Hằng tháng', 'recurring', '2025-12-31'],
      ['II.1', '1.1', 'Tổ Tổng hợp', ['Bộ phận Một cửa'], 'Tin, bài', 'Quý II/2025', 'quarter', '2025-06-30'],
      ['II.1', '1.2', 'Bộ phận Một cửa', ['Tổ Tổng hợp'], 'Danh mục TTHC', 'Trước ngày 30/6/2025', 'date', '2025-06-30'],
      ['II.2', '2.1', 'Tổ Tổng hợp', ['Các tổ chuyên môn'], 'Hội nghị', '6 tháng đầu năm 2025', 'half', '2025-06-30'],
      ['II.2', '2.2', 'Tổ Tổng hợp', ['Các tổ chuyên môn, đơn vị'], 'Cuộc thi', 'Theo kế hoạch của huyện', null, null],
      ['III', '1', 'Tổ Tổng hợp', [], 'Báo cáo', 'Quý IV', 'quarter', '2025-12-31'],
    ]);
    expect(plan.appendix?.tasks[1]?.content).toBe('Tổ chức tuyên truyền các văn bản chỉ đạo của Trung ương, của tỉnh và của huyện về cải cách hành chính');
  });

  it('keeps a deadline it cannot read and says so', () => {
    expect(plan.warnings).toContainEqual({ path: 'appendix.tasks[5].due', message: expect.stringContaining('Theo kế hoạch của huyện') });
  });
});

describe('a plan without an appendix', () => {
  const plan = parsePlanText(fixtureText('no-appendix-plan.txt'));

  it('is read without tasks and with a warning', () => {
    expect(plan.appendix).toBeNull();
    expect(plan.warnings).toContainEqual({ path: 'appendix', message: expect.stringMatching(/phụ lục/i) });
  });

  it('still reads the header in column order, the body and the signature', () => {
    expect(plan).toMatchObject({
      title: 'Tuyên truyền cải cách hành chính năm 2024',
      issuer: 'Trung tâm Trợ giúp pháp lý nhà nước',
      parentAgency: 'SỞ TƯ PHÁP TỈNH HÀ GIANG',
      province: 'Hà Giang',
      numberText: '03/KH-TTTGPL',
      place: 'Hà Giang',
      signDate: '2024-03-10',
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Văn Bình' },
      recipients: ['Sở Tư pháp (b/c)', 'Ban Giám đốc', 'Lưu: VT'],
      channels: ['Trang thông tin điện tử', 'Facebook'],
      indices: ['SIPAS'],
    });
    expect(plan.basis).toEqual([{ text: 'Kế hoạch số 45/KH-STP ngày 20/02/2024 của Sở Tư pháp tỉnh Hà Giang', type: 'Kế hoạch', number: '45/KH-STP', date: '2024-02-20', issuer: 'Sở Tư pháp tỉnh Hà Giang' }]);
    expect(outline(plan.sections)).toEqual([['I', ['-', '-']], ['II', ['1', '2', '3']], 'III']);
    // The closing sentence has no field of its own: it ends the last section, as the writer expects.
    expect(plan.sections[2]?.paragraphs).toEqual([
      'Các phòng, chi nhánh thuộc Trung tâm căn cứ Kế hoạch triển khai thực hiện.',
      'Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2024 của Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Giang./.',
    ]);
  });
});

describe('a plan pasted from Word with a repeated TT number', () => {
  const plan = parsePlanText(fixtureText('duplicate-tt-plan.txt'));

  it('reads the tab-separated table', () => {
    expect(plan.appendix?.columns).toEqual(['TT', 'Nội dung, nhiệm vụ', 'Phòng chủ trì', 'Phòng phối hợp', 'Thời gian hoàn thành']);
    expect(plan.appendix?.tasks.map((t) => [t.code, t.lead, t.coop, t.dueText])).toEqual([
      ['1', 'Văn phòng', ['Phòng Tổ chức cán bộ'], 'Tháng 1/2024'],
      ['2', 'Văn phòng', ['Phòng Hành chính', 'Phòng Pháp chế'], 'Hằng quý'],
      ['2', 'Văn phòng', [], 'Quý V/2024'],
      ['3', '', ['Các phòng thuộc Sở'], ''],
    ]);
  });

  it('warns about the duplicate, the bad deadline and the missing lead and deadline', () => {
    const byPath = Object.fromEntries(plan.warnings.map((w) => [w.path, w.message]));
    expect(byPath['appendix.tasks[2].code']).toMatch(/trùng/);
    expect(byPath['appendix.tasks[2].due']).toMatch(/Quý V\/2024/);
    expect(byPath['appendix.tasks[3].lead']).toMatch(/chủ trì/);
    expect(byPath['appendix.tasks[3].dueText']).toMatch(/thời gian/);
    expect(byPath['plan.numberText']).toBeDefined();
  });

  it('takes whole lines as paragraphs', () => {
    expect(plan.sections.map((s) => [s.number, s.paragraphs.length])).toEqual([['I', 1], ['II', 1]]);
    expect(plan.recipients).toEqual(['Giám đốc Sở', 'Lưu: VT']);
  });
});

describe('robustness', () => {
  it('returns a document with warnings for text that is not a plan', () => {
    const plan = parsePlanText('Xin chào.\nĐây không phải là kế hoạch.');
    expect(plan.appendix).toBeNull();
    expect(plan.sections).toEqual([]);
    expect(plan.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['appendix', 'plan.title', 'plan.sections']));
  });

  it('handles empty text and Windows line ends', () => {
    expect(parsePlanText('').warnings.length).toBeGreaterThan(0);
    const crlf = parsePlanText(fixtureText('decision-plan.txt').replace(/\n/g, '\r\n'));
    expect(crlf.appendix?.tasks).toHaveLength(7);
  });
});

/**
 * The same real plan as other extractors or a page layout would give it: spaces collapsed (as
 * unpdf's mergePages does), no blank lines, the Decree 30 header present, page numbers and the
 * table header repeated on a new page. The plan read must not change.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../src/documents/import/text-plan.ts';
import type { PlanSection } from '../../../src/documents/plan-document.ts';
import { fixtureText } from './fixtures.ts';

const text = fixtureText('bdt-bacgiang-2024.txt');
const base = parsePlanText(text);
const shape = (sections: PlanSection[]): unknown => sections.map((s) => [s.number, s.heading, shape(s.children)]);

const variants: Record<string, string> = {
  'single spaces': text.replace(/[^\S\n]+/g, ' '),
  'no blank lines': text.replace(/\n\s*\n/g, '\n'),
  'unpdf mergePages': text.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n'),
  'page numbers': text.replace('II. NỘI DUNG TUYÊN TRUYỀN', '2\nII. NỘI DUNG TUYÊN TRUYỀN').replace('B Công tác tuyên truyền', '5\nB Công tác tuyên truyền'),
  'header repeated on a new page': text.replace('2 Tuyên truyền thông qua', 'TT Nội dung, nhiệm vụ Phòng chủ trì Phòng phối hợp\nKết quả/sản\nphẩm\nThời gian\nhoàn thành\n2 Tuyên truyền thông qua'),
  'CRLF line ends': text.replace(/\n/g, '\r\n'),
  'heading and title on one line': text.replace(/ Phụ lục \n\n/, 'PHỤ LỤC: '),
};

describe('the Bắc Giang plan under other extractions', () => {
  it.each(Object.keys(variants))('%s', (name) => {
    expect(variants[name], 'the variant differs from the original').not.toBe(text);
    const plan = parsePlanText(variants[name] ?? '');
    expect(plan.appendix).toEqual(base.appendix);
    expect(shape(plan.sections)).toEqual(shape(base.sections));
    expect(plan.recipients).toEqual(base.recipients);
    expect({ title: plan.title, numberText: plan.numberText, issuer: plan.issuer, theme: plan.theme }).toEqual({
      title: base.title, numberText: base.numberText, issuer: base.issuer, theme: base.theme,
    });
  });

  it('with the Decree 30 header, reads it', () => {
    const header = 'UBND TỈNH BẮC GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN DÂN TỘC Độc lập - Tự do - Hạnh phúc\nSố: 05/KH-BDT Bắc Giang, ngày 05 tháng 02 năm 2024\n';
    const plan = parsePlanText(header + text);
    expect(plan).toMatchObject({ parentAgency: 'UBND TỈNH BẮC GIANG', issuer: 'Ban Dân tộc', numberText: '05/KH-BDT', place: 'Bắc Giang', signDate: '2024-02-05' });
    expect(plan.appendix).toEqual(base.appendix);
    expect(plan.warnings).toEqual([]);
  });
});

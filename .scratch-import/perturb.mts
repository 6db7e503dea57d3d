import { readFileSync } from 'node:fs';
import { parsePlanText } from '../src/documents/import/text-plan.ts';
const text = readFileSync('test/fixtures/plans/bdt-bacgiang-2024.txt', 'utf8');
const base = JSON.stringify(parsePlanText(text).appendix);
const baseSecs = JSON.stringify(parsePlanText(text).sections.map((s) => [s.number, s.children.length]));
const variants: Record<string, string> = {
  singleSpaces: text.replace(/[^\S\n]+/g, ' '),
  noBlankLines: text.replace(/\n\s*\n/g, '\n'),
  unpdfMerged: text.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n'),
  withHeader: 'UBND TỈNH BẮC GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN DÂN TỘC Độc lập - Tự do - Hạnh phúc\nSố: /KH-BDT Bắc Giang, ngày tháng 02 năm 2024\n' + text,
  pageNumbers: text.replace('II. NỘI DUNG TUYÊN TRUYỀN', '2\nII. NỘI DUNG TUYÊN TRUYỀN').replace('B Công tác tuyên truyền', '5\nB Công tác tuyên truyền'),
  repeatedHeader: text.replace('2 Tuyên truyền thông qua', 'TT Nội dung, nhiệm vụ Phòng chủ trì Phòng phối hợp\nKết quả/sản\nphẩm\nThời gian\nhoàn thành\n2 Tuyên truyền thông qua'),
};
for (const [name, v] of Object.entries(variants)) {
  const p = parsePlanText(v);
  const same = JSON.stringify(p.appendix) === base;
  const secs = JSON.stringify(p.sections.map((s) => [s.number, s.children.length])) === baseSecs;
  console.log(name, 'appendix same:', same, 'sections same:', secs, p.title, p.numberText, p.parentAgency, p.place, p.year, p.warnings.map((w) => w.path).join(','));
  if (!same) {
    const a = JSON.parse(base).tasks, b = p.appendix?.tasks ?? [];
    a.forEach((t: any, i: number) => { if (JSON.stringify(t) !== JSON.stringify(b[i])) console.log('  ', JSON.stringify(b[i])); });
    if (JSON.stringify(JSON.parse(base).groups) !== JSON.stringify(p.appendix?.groups)) console.log('  groups', JSON.stringify(p.appendix?.groups));
  }
}

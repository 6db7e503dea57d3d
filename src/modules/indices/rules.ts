/** What makes an index value acceptable, for entry and import alike (messages in Vietnamese). */
import { formatHundredths } from '../../platform/vi-number.ts';
import { componentName, DEFAULT_RANK_OF, indexDefinition, TOTAL } from './catalog.ts';

export interface IndexValueDraft {
  indexCode: string;
  component: string;
  year: number;
  valueX100: number;
  rank: number | null;
  rankOf: number | null;
  source: string;
  sourceUrl: string | null;
}

/** The earliest year an index may be entered for (PAR Index and SIPAS began in 2012, PCI in 2005). */
export const FIRST_YEAR = 2005;

/**
 * Every problem of a draft, or none. A year's value is published the year after, so the latest
 * year allowed is the current one.
 */
export function indexValueProblems(d: IndexValueDraft, currentYear: number): string[] {
  const out: string[] = [];
  const def = indexDefinition(d.indexCode);
  if (!def) return [`Chỉ số "${d.indexCode}" không có trong danh mục (PAR Index, PCI, PAPI, SIPAS, Chỉ số CCHC của cơ quan).`];
  const name = componentName(def, d.component);
  if (!name) out.push(`${def.name} không có thành phần "${d.component}".`);
  if (!Number.isInteger(d.year) || d.year < FIRST_YEAR || d.year > currentYear) out.push(`Năm phải từ ${FIRST_YEAR} đến ${currentYear}.`);
  const max = d.component === TOTAL ? def.maxTotal : def.maxComponent;
  if (!Number.isInteger(d.valueX100) || d.valueX100 < 0 || d.valueX100 > max) out.push(`Giá trị ${def.name}${d.component === TOTAL ? '' : ` (${name ?? d.component})`} phải từ 0 đến ${formatHundredths(max)}, tối đa hai chữ số thập phân.`);
  if (d.rankOf !== null && (!Number.isInteger(d.rankOf) || d.rankOf < 1 || d.rankOf > 1000)) out.push('Tổng số đơn vị được xếp hạng phải là số nguyên từ 1 đến 1000.');
  if (d.rank !== null) {
    const of = d.rankOf ?? DEFAULT_RANK_OF;
    if (!Number.isInteger(d.rank) || d.rank < 1 || d.rank > of) out.push(`Xếp hạng phải là số nguyên từ 1 đến ${of}.`);
  } else if (d.rankOf !== null) out.push('Có tổng số đơn vị được xếp hạng thì phải có thứ hạng (từ 1 trở lên).');
  if (!d.source.trim()) out.push('Hãy ghi nguồn của số liệu (văn bản công bố hoặc địa chỉ trang công bố).');
  if (d.source.length > 500) out.push('Nguồn dài quá 500 ký tự.');
  if (d.sourceUrl !== null && !/^https?:\/\/[^\s<>"]+$/.test(d.sourceUrl)) out.push('Đường dẫn nguồn phải là địa chỉ http:// hoặc https://.');
  return out;
}

/**
 * The indices import sheet: a header row (found among the first ten rows by its titles), then
 * one value per row. Pure: grids of cell texts in, drafts and per-row problems out.
 *
 * | Chỉ số | Thành phần | Năm | Giá trị | Xếp hạng | Trên tổng số | Nguồn | Đường dẫn nguồn |
 */
import { foldVi, normalizeText } from '../../platform/vi-text.ts';
import { parseHundredths } from '../../platform/vi-number.ts';
import { INDICES, TOTAL, type IndexDefinition } from './catalog.ts';
import { indexValueProblems, type IndexValueDraft } from './rules.ts';

export type ColumnKey = 'index' | 'component' | 'year' | 'value' | 'rank' | 'rankOf' | 'source' | 'sourceUrl';

export const IMPORT_COLUMNS: { key: ColumnKey; title: string; required: boolean }[] = [
  { key: 'index', title: 'Chỉ số', required: true },
  { key: 'component', title: 'Thành phần', required: false },
  { key: 'year', title: 'Năm', required: true },
  { key: 'value', title: 'Giá trị', required: true },
  { key: 'rank', title: 'Xếp hạng', required: false },
  { key: 'rankOf', title: 'Trên tổng số', required: false },
  { key: 'source', title: 'Nguồn', required: true },
  { key: 'sourceUrl', title: 'Đường dẫn nguồn', required: false },
];

const HEADER_WORDS: Record<string, ColumnKey> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [foldVi(c.title), c.key]));

export interface ImportRow extends IndexValueDraft {
  /** The sheet's row number (1-based). */
  row: number;
}

export interface ParsedImport {
  rows: ImportRow[];
  errors: { row: number | null; message: string }[];
  dataRows: number;
}

/** "PCI", "par index", "Chỉ số CCHC của cơ quan", "dept" → the index. */
export function indexOfCell(text: string): IndexDefinition | undefined {
  const f = foldVi(text);
  return INDICES.find((d) => f === d.code || f === foldVi(d.name) || f === foldVi(d.fullName) || (d.code === 'par' && f === 'par'));
}

/** '' / "Tổng" / "total" → total; a component by key ("cs3") or by name ("Tính minh bạch"). */
export function componentOfCell(def: IndexDefinition, text: string): string | undefined {
  const f = foldVi(text);
  if (f === '' || f === 'tong' || f === 'tong diem' || f === TOTAL || f === 'tong so' || f === 'chi so tong hop') return TOTAL;
  return def.components.find((c) => f === c.key || f === foldVi(c.name))?.key;
}

function integerOf(text: string): number | null | undefined {
  const t = text.trim();
  if (!t) return null;
  return /^\d{1,6}$/.test(t) ? Number(t) : undefined;
}

export function parseIndexImport(grids: string[][][], currentYear: number): ParsedImport {
  for (const grid of grids) {
    const headerAt = grid.slice(0, 10).findIndex((r) => r.some((c) => HEADER_WORDS[foldVi(c)] === 'index') && r.some((c) => HEADER_WORDS[foldVi(c)] === 'value'));
    if (headerAt < 0) continue;
    const columns = new Map<ColumnKey, number>();
    grid[headerAt]!.forEach((c, i) => {
      const key = HEADER_WORDS[foldVi(c)];
      if (key && !columns.has(key)) columns.set(key, i);
    });
    const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.has(c.key)).map((c) => `"${c.title}"`);
    if (missing.length) return { rows: [], dataRows: 0, errors: [{ row: headerAt + 1, message: `Dòng tiêu đề thiếu cột ${missing.join(', ')}.` }] };
    return parseRows(grid, headerAt, columns, currentYear);
  }
  return { rows: [], dataRows: 0, errors: [{ row: null, message: `Không tìm thấy dòng tiêu đề có các cột ${IMPORT_COLUMNS.filter((c) => c.required).map((c) => `"${c.title}"`).join(', ')}.` }] };
}

function parseRows(grid: string[][], headerAt: number, columns: Map<ColumnKey, number>, currentYear: number): ParsedImport {
  const rows: ImportRow[] = [];
  const errors: ParsedImport['errors'] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (let r = headerAt + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const cell = (k: ColumnKey) => normalizeText(columns.has(k) ? (cells[columns.get(k)!] ?? '') : '');
    if (cells.every((c) => !c.trim())) continue;
    dataRows += 1;
    const row = r + 1;
    const problems: string[] = [];
    const def = indexOfCell(cell('index'));
    if (!def) {
      errors.push({ row, message: `Dòng ${row}: chỉ số "${cell('index')}" không có trong danh mục (PAR Index, PCI, PAPI, SIPAS, Chỉ số CCHC của cơ quan).` });
      continue;
    }
    const component = componentOfCell(def, cell('component'));
    if (!component) problems.push(`${def.name} không có thành phần "${cell('component')}".`);
    const year = integerOf(cell('year'));
    if (year === null || year === undefined) problems.push(`Năm "${cell('year')}" không phải là số năm.`);
    const valueX100 = parseHundredths(cell('value'));
    if (valueX100 === null) problems.push(`Giá trị "${cell('value')}" không phải là số có tối đa hai chữ số thập phân (ví dụ 88,54).`);
    const rank = integerOf(cell('rank'));
    const rankOf = integerOf(cell('rankOf'));
    if (rank === undefined) problems.push(`Xếp hạng "${cell('rank')}" không phải là số nguyên.`);
    if (rankOf === undefined) problems.push(`Tổng số "${cell('rankOf')}" không phải là số nguyên.`);
    if (problems.length === 0) {
      const draft: IndexValueDraft = { indexCode: def.code, component: component!, year: year!, valueX100: valueX100!, rank: rank!, rankOf: rankOf!, source: cell('source'), sourceUrl: cell('sourceUrl') || null };
      problems.push(...indexValueProblems(draft, currentYear));
      const key = `${def.code}|${component}|${year}`;
      if (seen.has(key)) problems.push(`Trùng với dòng ${seen.get(key)} (cùng chỉ số, thành phần và năm).`);
      else seen.set(key, row);
      if (problems.length === 0) rows.push({ ...draft, row });
    }
    for (const p of problems) errors.push({ row, message: `Dòng ${row}: ${p}` });
  }
  if (dataRows === 0) errors.push({ row: null, message: 'Tệp không có dòng số liệu nào dưới dòng tiêu đề.' });
  return { rows, errors, dataRows };
}

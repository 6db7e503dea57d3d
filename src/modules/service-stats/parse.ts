/**
 * Reads the grids of a results file into checked rows, with a report of every problem by row
 * and column. Pure: what it checks against (catalog, fields, rows already stored, the current
 * month) comes in the context, so the service reads it before and writes after.
 */
import { foldVi, normalizeText } from '../../platform/vi-text.ts';
import { COLUMN_LABELS, columnKey, OPTIONAL_FIGURES, REQUIRED_FIGURES, type ColumnKey } from './columns.ts';
import { columnLetter, type Grid } from '../../documents/file-grid.ts';
import { balanceDifference, emptyFigures, FIGURE_KEYS, received, settled, pending, type Figures } from './rates.ts';

export interface ImportIssue {
  /** The row as the spreadsheet numbers it (CSV: the record number); null for the whole file. */
  row: number | null;
  /** The column as "D (Tồn kỳ trước)"; null for the whole row. */
  column: string | null;
  message: string;
}

export interface ParseContext {
  format: 'xlsx' | 'csv';
  /** The month for rows without one (no Tháng column, or an empty cell). */
  defaultMonth?: string;
  /** The current month (YYYY-MM): later months are refused. */
  latestMonth: string;
  /** The agency's procedure codes with their field. */
  catalog: Map<string, { fieldId: string | null }>;
  fields: { id: string; name: string }[];
  /** Rows already stored, to refuse double counting (per procedure and per field in one month). */
  existing: { month: string; procedureCode: string | null; fieldId: string | null }[];
}

export interface ParsedRow {
  row: number;
  month: string;
  procedureCode: string | null;
  fieldId: string | null;
  figures: Figures;
}

export interface ParsedColumn {
  column: string;
  header: string;
  /** What the column was read as; null when it is left out. */
  key: ColumnKey | null;
}

export interface ParseResult {
  /** 1-based sheet number of the table read, and its header's last row; null when none was found. */
  sheet: number | null;
  headerRow: number | null;
  columns: ParsedColumn[];
  /** Problems of the whole file (missing or doubled columns): nothing can be written. */
  fileErrors: ImportIssue[];
  rowErrors: ImportIssue[];
  warnings: ImportIssue[];
  /** Rows without errors (warnings allowed), in file order. */
  good: ParsedRow[];
  /** Data rows read (good + bad), and rows passed over (blank, column numbers, totals, headings). */
  dataRows: number;
  skipped: number;
}

const MAX_COUNT = 10_000_000;
const HEADER_SCAN_ROWS = 25;
const IDENTITY: ColumnKey[] = ['month', 'procedureCode', 'field'];

/** Months as people write them: 03/2024, 3-2024, 2024-03, Tháng 3/2024, T3/2024, 15/03/2024. Null when not a month. */
export function parseMonth(text: string): string | null {
  const t = foldVi(normalizeText(text)).replace(/\b(thang|nam|ky)\b/g, ' ').replace(/^t(?=\d)/, '').replace(/\s+/g, ' ').trim();
  let y: number;
  let m: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*\d{1,2})?$/.exec(t))) [y, m] = [Number(match[1]), Number(match[2])];
  else if ((match = /^(?:\d{1,2}\s*[/.-]\s*)?(\d{1,2})\s*[-/. ]\s*(\d{4})$/.exec(t))) [y, m] = [Number(match[2]), Number(match[1])];
  else return null;
  if (m < 1 || m > 12 || y < 2000 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** 2024-03 → 03/2024, as months are written in Vietnamese. */
export function monthLabel(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/**
 * A count of dossiers: a non-negative integer; blank or a dash is 0. In CSV, thousands may be
 * grouped (1.234 or 1,234: a count is never fractional). In XLSX the text is the cell's number,
 * so a point is a decimal point.
 */
export function parseCount(text: string, format: 'xlsx' | 'csv'): { value: number } | { error: string } {
  const t = text.trim().replace(/\s+/g, '');
  if (t === '' || /^[-–—]$/.test(t)) return { value: 0 };
  if (/^-\d/.test(t)) return { error: `Số hồ sơ không được âm (${t}).` };
  let digits = t;
  if (format === 'csv' && /^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(t)) digits = t.replace(/[.,]/g, '');
  if (/^\d+$/.test(digits)) {
    const value = Number(digits);
    return value > MAX_COUNT ? { error: `Số ${t} quá lớn.` } : { value };
  }
  if (/^\d+([.,]\d+)?$/.test(t)) return { error: `"${t}" không phải số nguyên (số hồ sơ phải là số nguyên).` };
  return { error: `"${text.trim()}" không phải số.` };
}

interface HeaderChoice {
  sheet: number;
  row: number;
  keys: (ColumnKey | 'ignore' | null)[];
  headers: string[];
  score: number;
}

/** A group row's labels carried right across the cells its merge (or layout) leaves blank. */
function fillRight(cells: string[]): string[] | null {
  if (cells.filter((c) => c.trim() !== '').length < 2) return null;
  let current = '';
  return cells.map((c) => (c.trim() !== '' ? (current = c) : current));
}

/** The header of the file: the row (with up to two group rows above it) naming the most columns. */
export function findHeader(sheets: string[][][]): HeaderChoice | null {
  let best: HeaderChoice | null = null;
  for (const [s, grid] of sheets.entries()) {
    const width = Math.max(0, ...grid.slice(0, HEADER_SCAN_ROWS + 1).map((r) => r.length));
    for (let r = 0; r < Math.min(grid.length, HEADER_SCAN_ROWS); r++) {
      for (let depth = 1; depth <= 3 && r - depth + 1 >= 0; depth++) {
        const groups: (string[] | null)[] = [];
        for (let g = r - depth + 1; g < r; g++) groups.push(fillRight(grid[g] ?? []));
        if (groups.some((g) => g === null)) continue;
        const headers: string[] = [];
        const keys: (ColumnKey | 'ignore' | null)[] = [];
        for (let c = 0; c < width; c++) {
          const parts = [...groups.map((g) => g![c] ?? ''), grid[r]?.[c] ?? ''];
          headers.push(parts.map((p) => normalizeText(p)).filter((p, i, all) => p !== '' && p !== all[i - 1]).join(' / '));
          keys.push(columnKey(parts));
        }
        const known = new Set(keys.filter((k): k is ColumnKey => k !== null && k !== 'ignore' && k !== 'procedureName'));
        const score = known.size;
        if (score >= 3 && (!best || score > best.score)) best = { sheet: s, row: r, keys, headers, score };
      }
    }
  }
  return best;
}

/** Field names match without case, diacritics or punctuation: "Thi đua khen thưởng" is "Thi đua, khen thưởng". */
const fieldKey = (name: string) => foldVi(name).replace(/[^a-z0-9]+/g, ' ').trim();
const colName = (c: number, header: string) => `${columnLetter(c)} (${header || 'không tên'})`;
const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Reads the grids against the context. */
export function parseResults(grids: Grid[], ctx: ParseContext): ParseResult {
  const header = findHeader(grids.map((g) => g.rows));
  const out: ParseResult = { sheet: null, headerRow: null, columns: [], fileErrors: [], rowErrors: [], warnings: [], good: [], dataRows: 0, skipped: 0 };
  if (!header) {
    out.fileErrors.push({ row: null, column: null, message: 'Không tìm thấy dòng tiêu đề: tệp cần các cột Tháng, Mã thủ tục hoặc Lĩnh vực và số hồ sơ (tồn kỳ trước, tiếp nhận, giải quyết…). Xem mẫu tệp.' });
    return out;
  }
  const table = grids[header.sheet]!;
  const lineOf = (r: number) => table.lines[r] ?? r + 1;
  out.sheet = ctx.format === 'xlsx' ? header.sheet + 1 : null;
  out.headerRow = lineOf(header.row);
  const where = out.headerRow;
  if (table.unclosedQuoteLine) out.fileErrors.push({ row: table.unclosedQuoteLine, column: null, message: `Dấu ngoặc kép mở ở dòng ${table.unclosedQuoteLine} không được đóng.` });
  const columnOf = new Map<ColumnKey, number>();
  for (const [c, key] of header.keys.entries()) {
    const text = header.headers[c] ?? '';
    if (text === '' && key === null) continue;
    out.columns.push({ column: columnLetter(c), header: text, key: key === 'ignore' ? null : key });
    if (key === null) out.warnings.push({ row: where, column: colName(c, text), message: 'Không nhận ra cột này: bỏ qua.' });
    if (key === null || key === 'ignore') continue;
    const first = columnOf.get(key);
    if (first !== undefined) {
      out.fileErrors.push({ row: where, column: colName(c, text), message: `Cột ${colName(first, header.headers[first] ?? '')} và cột này cùng được hiểu là "${COLUMN_LABELS[key]}"; hãy đổi tên một cột cho rõ.` });
    } else columnOf.set(key, c);
  }
  if (!columnOf.has('month') && !ctx.defaultMonth) out.fileErrors.push({ row: where, column: null, message: 'Thiếu cột "Tháng" (hoặc chọn tháng của số liệu khi nhập).' });
  if (!columnOf.has('procedureCode') && !columnOf.has('field')) out.fileErrors.push({ row: where, column: null, message: 'Thiếu cột "Mã thủ tục" hoặc "Lĩnh vực": mỗi dòng phải cho biết số liệu của thủ tục hay lĩnh vực nào.' });
  for (const key of REQUIRED_FIGURES) if (!columnOf.has(key)) out.fileErrors.push({ row: where, column: null, message: `Thiếu cột "${COLUMN_LABELS[key]}".` });
  for (const key of OPTIONAL_FIGURES) if (!columnOf.has(key)) out.warnings.push({ row: where, column: null, message: `Không có cột "${COLUMN_LABELS[key]}": tính là 0.` });
  if (out.fileErrors.length > 0) return out;

  const fieldsByFold = new Map<string, { id: string; name: string }>();
  for (const f of ctx.fields) if (!fieldsByFold.has(fieldKey(f.name))) fieldsByFold.set(fieldKey(f.name), f);
  const fieldName = new Map(ctx.fields.map((f) => [f.id, f.name]));
  const codeOf = resolveCode(ctx.catalog);
  const seen = new Map<string, number>();
  const grid = table.rows;
  const cell = (cells: string[], key: ColumnKey) => {
    const c = columnOf.get(key);
    return c === undefined ? '' : (cells[c] ?? '').trim();
  };

  for (let r = header.row + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const rowNo = lineOf(r);
    if (isBlank(cells) || isColumnNumbers(cells, columnOf) || isTotalOrHeading(cells, columnOf)) {
      out.skipped += 1;
      continue;
    }
    out.dataRows += 1;
    const errors: ImportIssue[] = [];
    const err = (key: ColumnKey | null, message: string) => errors.push({ row: rowNo, column: key === null ? null : colName(columnOf.get(key) ?? 0, header.headers[columnOf.get(key) ?? 0] ?? COLUMN_LABELS[key]), message });

    const monthText = cell(cells, 'month');
    let month: string | null = null;
    if (monthText === '') {
      if (ctx.defaultMonth) month = ctx.defaultMonth;
      else err('month', 'Thiếu tháng.');
    } else {
      month = parseMonth(monthText);
      if (!month) err('month', `"${monthText}" không phải tháng hợp lệ (viết 03/2024 hoặc 2024-03).`);
      else if (month > ctx.latestMonth) err('month', `Tháng ${monthLabel(month)} chưa tới.`);
    }

    const codeText = normalizeText(cell(cells, 'procedureCode'));
    const fieldText = normalizeText(cell(cells, 'field'));
    let procedureCode: string | null = null;
    let fieldId: string | null = null;
    if (codeText) {
      const found = codeOf(codeText);
      if (!found) err('procedureCode', `Mã thủ tục "${codeText}" không có trong danh mục thủ tục của cơ quan.${/^\d+\.\d+$/.test(codeText) ? ' (Nếu Excel đã bỏ số 0 ở cuối mã, hãy định dạng cột mã là Văn bản.)' : ''}`);
      else {
        procedureCode = found.code;
        fieldId = found.fieldId;
        const named = fieldText ? fieldsByFold.get(fieldKey(fieldText)) : undefined;
        if (fieldText && named?.id !== fieldId) {
          out.warnings.push({ row: rowNo, column: colName(columnOf.get('field')!, header.headers[columnOf.get('field')!] ?? ''), message: `Thủ tục ${found.code} thuộc lĩnh vực "${(fieldId && fieldName.get(fieldId)) ?? 'chưa xếp lĩnh vực'}" trong danh mục, không phải "${fieldText}": dùng lĩnh vực của danh mục.` });
        }
      }
    } else if (fieldText) {
      const named = fieldsByFold.get(fieldKey(fieldText));
      if (!named) err('field', `Lĩnh vực "${fieldText}" không có trong danh sách lĩnh vực của cơ quan.`);
      else fieldId = named.id;
    } else err(null, 'Dòng có số liệu nhưng thiếu mã thủ tục và lĩnh vực.');

    const figures = emptyFigures();
    for (const key of FIGURE_KEYS) {
      if (!columnOf.has(key)) continue;
      const parsed = parseCount(cell(cells, key), ctx.format);
      if ('error' in parsed) err(key, parsed.error);
      else figures[key] = parsed.value;
    }

    if (errors.length === 0 && month) {
      const key = procedureCode ? `${month}|p|${procedureCode}` : `${month}|f|${fieldId}`;
      const before = seen.get(key);
      if (before !== undefined) err(null, `Trùng với dòng ${before} (cùng tháng ${monthLabel(month)}, ${procedureCode ? `thủ tục ${procedureCode}` : `lĩnh vực "${fieldName.get(fieldId!)}"`}).`);
      else seen.set(key, rowNo);
    }
    if (errors.length > 0) {
      out.rowErrors.push(...errors);
      continue;
    }
    out.good.push({ row: rowNo, month: month!, procedureCode, fieldId, figures });
  }

  refuseDoubleCounting(out, ctx, fieldName);
  for (const g of out.good) {
    const diff = balanceDifference(g.figures);
    if (diff !== 0) out.warnings.push({ row: g.row, column: null, message: unbalancedMessage(g.figures) });
  }
  if (out.good.length === 0 && out.rowErrors.length === 0) out.fileErrors.push({ row: null, column: null, message: 'Tệp không có dòng số liệu nào dưới dòng tiêu đề.' });
  return out;
}

/** The warning for figures that do not add up: both sides, and by how much. */
export function unbalancedMessage(f: Figures): string {
  const out = settled(f) + pending(f) + f.returned + f.withdrawn;
  const into = f.carriedOver + received(f);
  return `Số liệu không cân đối: đã giải quyết + đang giải quyết + trả lại + rút = ${out}, tồn kỳ trước + tiếp nhận = ${into} (lệch ${out - into > 0 ? '+' : ''}${out - into}). Vẫn được ghi nhận và được đánh dấu để kiểm tra lại.`;
}

/**
 * A code as the catalog spells it: exact, then ignoring case, then (for codes Excel turned into
 * numbers, dropping trailing zeros: 1.004940 → 1.00494) by numeric value.
 */
function resolveCode(catalog: ParseContext['catalog']) {
  const byUpper = new Map([...catalog.keys()].map((c) => [c.toUpperCase(), c]));
  return (text: string): { code: string; fieldId: string | null } | undefined => {
    const code = catalog.has(text) ? text : byUpper.get(text.toUpperCase()) ?? (/^\d+\.\d+$/.test(text) ? [...catalog.keys()].find((c) => /^\d+\.\d+$/.test(c) && Number(c) === Number(text)) : undefined);
    return code === undefined ? undefined : { code, fieldId: catalog.get(code)!.fieldId };
  };
}

/** A row of column numbers under the header: (1), (2)… or 1, 2, 3… (with formulas like (4)=(5)+(6)). */
function isColumnNumbers(cells: string[], columnOf: Map<ColumnKey, number>): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length < 3 || !filled.every((c) => /^[()\d\s=+\-.]+$/.test(c))) return false;
  return IDENTITY.every((k) => {
    const c = columnOf.get(k);
    return c === undefined || /^\(?\d{1,2}\)?$|^$/.test((cells[c] ?? '').trim());
  });
}

/** A total row ("Tổng cộng") or a heading row (text and no figures, such as "I. Lĩnh vực …"). */
function isTotalOrHeading(cells: string[], columnOf: Map<ColumnKey, number>): boolean {
  const label = cells.map((c) => foldVi(normalizeText(c))).find((c) => c !== '' && !/^[\divxlc.()]+$/.test(c)) ?? '';
  // "Tổng cộng", "Tổng số", "Cộng": never the start of a field's name such as "Công tác dân tộc".
  if (/^tong (cong|so)\b|^(tong|cong)[\s:.]*$/.test(label)) return true;
  const code = columnOf.get('procedureCode');
  if (code !== undefined && (cells[code] ?? '').trim() !== '') return false;
  const figures = FIGURE_KEYS.map((k) => columnOf.get(k)).filter((c): c is number => c !== undefined);
  return figures.every((c) => (cells[c] ?? '').trim() === '');
}

/**
 * One month of one field is counted either per procedure or as the field's total, never both:
 * a field total beside the field's procedures (in the file or already stored) is an error on
 * the row that would add the second kind.
 */
function refuseDoubleCounting(out: ParseResult, ctx: ParseContext, fieldName: Map<string, string>) {
  const procedureFields = new Set<string>();
  const fieldTotals = new Set<string>();
  for (const e of ctx.existing) {
    if (e.procedureCode && e.fieldId) procedureFields.add(`${e.month}|${e.fieldId}`);
    else if (!e.procedureCode && e.fieldId) fieldTotals.add(`${e.month}|${e.fieldId}`);
  }
  for (const g of out.good) if (g.procedureCode && g.fieldId) procedureFields.add(`${g.month}|${g.fieldId}`);
  const storedTotals = new Set(fieldTotals);
  const kept: ParsedRow[] = [];
  for (const g of out.good) {
    const k = `${g.month}|${g.fieldId}`;
    const name = fieldName.get(g.fieldId ?? '') ?? '';
    if (!g.procedureCode && procedureFields.has(k)) {
      out.rowErrors.push({ row: g.row, column: null, message: `Tháng ${monthLabel(g.month)} đã có số liệu theo từng thủ tục của lĩnh vực "${name}": không nhập thêm số liệu tổng của lĩnh vực (sẽ bị tính hai lần).` });
    } else if (g.procedureCode && storedTotals.has(k)) {
      out.rowErrors.push({ row: g.row, column: null, message: `Tháng ${monthLabel(g.month)} đã có số liệu tổng của lĩnh vực "${name}": xoá số liệu đó trước khi nhập theo từng thủ tục (tránh tính hai lần).` });
    } else kept.push(g);
  }
  out.good = kept;
}

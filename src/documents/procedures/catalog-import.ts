/**
 * Reads a procedure catalog file (XLSX, CSV or JSON, chosen by content, not by name) into
 * procedures with a per-row report. Nothing is written anywhere; the caller decides whether to
 * import (a clean file, or only the rows with data when the user chooses to skip bad rows).
 * Bad content never throws: it becomes row problems, or file problems when the file cannot be read.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { assertZipWithinLimits } from '../../platform/media/zip-guard.ts';
import { decodeText, declaredDelimiter, parseCsv } from './catalog-csv.ts';
import { findHeaderRow, type CatalogColumnKey, type HeaderMatch } from './catalog-format.ts';
import { draftFromCells, draftFromJson, finishRows, type CatalogCell, type CatalogRow } from './catalog-rows.ts';

export type { CatalogCell, CatalogProblem, CatalogRow } from './catalog-rows.ts';

export type CatalogFormat = 'xlsx' | 'csv' | 'json';

export interface CatalogReadResult {
  format: CatalogFormat;
  rows: CatalogRow[];
  /** Why the file as a whole cannot be imported (unreadable, no header row, missing required columns). */
  fileProblems: string[];
  /** What was passed over without blocking the import (unknown columns, other sheets). */
  fileWarnings: string[];
}

export async function readCatalog(input: { name: string; bytes: Uint8Array }): Promise<CatalogReadResult> {
  const { bytes } = input;
  const byName = guessByName(input.name);
  if (bytes.length === 0) return failed(byName, 'Tệp rỗng.');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsxCatalog(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return failed('xlsx', 'Tệp Excel 97-2003 (.xls) không được hỗ trợ: hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8.');
  }
  const text = decodeText(bytes);
  if (text === null) return failed(byName, 'Tệp không ở mã UTF-8: hãy lưu lại dưới dạng "CSV UTF-8" hoặc "Unicode Text".');
  if (/^\s*[[{]/.test(text)) {
    const json = readJsonCatalog(text);
    if (json || byName === 'json') return json ?? failed('json', 'Tệp JSON không đúng cú pháp.');
  }
  return readCsvCatalog(text);
}

function guessByName(name: string): CatalogFormat {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'json' ? 'json' : ext === 'xlsx' || ext === 'xlsm' || ext === 'xls' ? 'xlsx' : 'csv';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function failed(format: CatalogFormat, problem: string): CatalogReadResult {
  return { format, rows: [], fileProblems: [problem], fileWarnings: [] };
}

// ---------------------------------------------------------------------------------------------
// Tables (XLSX sheets, CSV records)

interface TableRow {
  /** 1-based row or line in the file. */
  row: number;
  cells: CatalogCell[];
}

const texts = (row: TableRow) => row.cells.map((c) => c.text);

/** A table with its header found → rows, plus the file problems and warnings of its header. */
function readTable(format: CatalogFormat, table: TableRow[], header: HeaderMatch, warnings: string[]): CatalogReadResult {
  const fileProblems: string[] = [];
  if (header.missingRequired.length > 0) fileProblems.push(`Thiếu cột bắt buộc: ${header.missingRequired.join(', ')}.`);
  if (header.repeated.length > 0) fileProblems.push(`Cột ghi hai lần: ${header.repeated.join(', ')}.`);
  if (header.unknown.length > 0) warnings.push(`Bỏ qua các cột không nhận ra: ${header.unknown.join(', ')}.`);
  if (fileProblems.length > 0) return { format, rows: [], fileProblems, fileWarnings: warnings };

  const position = new Map<CatalogColumnKey, number>();
  header.keys.forEach((key, i) => { if (key) position.set(key, i); });
  const drafts = table.slice(header.index + 1)
    .filter((r) => r.cells.some((c) => c.text.trim() !== ''))
    .map((r) => draftFromCells(r.row, (key) => {
      const at = position.get(key);
      return at === undefined ? undefined : r.cells[at];
    }));
  return { format, rows: finishRows(drafts), fileProblems, fileWarnings: warnings };
}

const NO_HEADER = 'Không tìm thấy dòng tên cột (cần ít nhất các cột Mã thủ tục, Tên thủ tục, Lĩnh vực).';

function readCsvCatalog(text: string): CatalogReadResult {
  // The separator is the one that makes the most sense of the header row: "Mẫu đơn, tờ khai" holds a comma.
  const declared = declaredDelimiter(text);
  let best: { table: TableRow[]; header: HeaderMatch; unclosed: number | null } | null = null;
  for (const delimiter of declared ? [declared] : [',', ';', '\t']) {
    const parsed = parseCsv(text, delimiter);
    const table = parsed.records.map((r) => ({ row: r.line, cells: r.cells.map((t) => ({ text: t })) }));
    const header = findHeaderRow(table.map(texts));
    if (header && (!best || score(header) > score(best.header))) best = { table, header, unclosed: parsed.unclosedQuoteLine };
  }
  if (!best) return failed('csv', NO_HEADER);
  const result = readTable('csv', best.table, best.header, []);
  if (best.unclosed !== null) result.fileProblems.push(`Dấu ngoặc kép mở ở dòng ${best.unclosed} không được đóng.`);
  return result;
}

const score = (header: HeaderMatch) => header.keys.filter((k) => k !== null).length;

async function readXlsxCatalog(bytes: Uint8Array): Promise<CatalogReadResult> {
  assertZipWithinLimits(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    const zip = await JSZip.loadAsync(bytes);
    if (!zip.file('xl/workbook.xml')) return failed('xlsx', 'Tệp nén không phải bảng tính XLSX.');
    // exceljs declares its own Buffer type (an ArrayBuffer); hand it exactly the file's bytes.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return failed('xlsx', 'Không đọc được tệp XLSX (tệp hỏng hoặc không đúng định dạng).');
  }
  let best: { name: string; table: TableRow[]; header: HeaderMatch } | null = null;
  const sheetNames: string[] = [];
  workbook.eachSheet((sheet) => {
    sheetNames.push(sheet.name);
    const table = sheetTable(sheet);
    const header = findHeaderRow(table.map(texts));
    if (header && (!best || score(header) > score(best.header))) best = { name: sheet.name, table, header };
  });
  const found = best as { name: string; table: TableRow[]; header: HeaderMatch } | null;
  if (!found) return failed('xlsx', NO_HEADER);
  const others = sheetNames.filter((n) => n !== found.name && n !== 'Hướng dẫn');
  const warnings = others.length > 0 ? [`Chỉ đọc trang "${found.name}"; bỏ qua: ${others.join(', ')}.`] : [];
  return readTable('xlsx', found.table, found.header, warnings);
}

function sheetTable(sheet: ExcelJS.Worksheet): TableRow[] {
  const table: TableRow[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CatalogCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(readCell(row.getCell(c)));
    table.push({ row: r, cells });
  }
  return table;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What a person sees in a cell. A number keeps its value and is shown as the shortest text
 * that gives it back (1.004947 → "1.004947"), or with the decimals of a fixed "0.000000" format,
 * so a code Excel turned into a number is read as text.
 */
function readCell(cell: ExcelJS.Cell): CatalogCell {
  const value = cell.value;
  if (typeof value === 'number') return { text: numberText(value, cell.numFmt), number: value };
  return { text: valueText(value).replace(/\r\n?/g, '\n') };
}

function numberText(value: number, format: string | undefined): string {
  const fixed = format ? /^0(?:\.(0+))?$/.exec(format) : null;
  return fixed ? value.toFixed(fixed[1]?.length ?? 0) : String(value);
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return valueText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}

// ---------------------------------------------------------------------------------------------
// JSON

/** `null` when the text is not JSON at all (the caller may then try it as CSV). */
function readJsonCatalog(text: string): CatalogReadResult | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const list = Array.isArray(parsed) ? parsed
    : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { procedures?: unknown }).procedures)
      ? (parsed as { procedures: unknown[] }).procedures : null;
  if (list === null) return failed('json', 'Tệp JSON phải là một mảng thủ tục hoặc { "procedures": [ … ] }.');
  const drafts = list.flatMap((item, i) => (item === null ? [] : [draftFromJson(i + 1, item)]));
  return { format: 'json', rows: finishRows(drafts), fileProblems: [], fileWarnings: [] };
}

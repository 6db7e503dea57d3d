/**
 * An uploaded table file (results, areas, …) as grids of cell texts: XLSX through the plan importers' reader, CSV
 * through the catalog's CSV reader (UTF-8 or UTF-16 with a BOM). Chosen by content, not by
 * name: an .xlsx is a ZIP, an old .xls an OLE file (refused with a way out).
 */
import { decodeText, declaredDelimiter, parseCsv } from './procedures/catalog-csv.ts';
import { readXlsx } from './import/xlsx-reader.ts';
import { BadRequestError, DomainError } from '../platform/errors.ts';

export interface Grid {
  rows: string[][];
  /** The file's row (XLSX) or line (CSV) of each grid row, 1-based. */
  lines: number[];
  /** A quoted CSV cell opened on this line and never closed. */
  unclosedQuoteLine?: number | null;
}

export interface FileGrids {
  format: 'xlsx' | 'csv';
  /**
   * One grid per sheet. A CSV gives one grid per separator it may use (comma, semicolon, tab):
   * the header search keeps the one that makes sense of the header, as for sheets.
   */
  grids: Grid[];
}

export async function readGrids(name: string, bytes: Uint8Array): Promise<FileGrids> {
  if (bytes.length === 0) throw new BadRequestError('Tệp rỗng.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return { format: 'xlsx', grids: (await readXlsx(bytes)).map((rows) => ({ rows, lines: rows.map((_, i) => i + 1) })) };
    } catch (error) {
      if (error instanceof DomainError) throw error; // e.g. a ZIP bomb, with its own message
      throw new BadRequestError(`Không đọc được tệp "${name}" như một bảng tính XLSX.`);
    }
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new BadRequestError('Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: hãy lưu lại thành .xlsx hoặc .csv rồi nhập.');
  const text = decodeText(bytes);
  if (text === null) throw new BadRequestError('Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: "CSV UTF-8").');
  if (text.includes('\u0000')) throw new BadRequestError(`Tệp "${name}" không phải XLSX hay CSV.`);
  const declared = declaredDelimiter(text);
  const body = declared ? text.replace(/^sep=.\r?\n/, '') : text;
  return {
    format: 'csv',
    grids: (declared ? [declared] : [',', ';', '\t']).map((d) => {
      const parsed = parseCsv(body, d);
      return { rows: parsed.records.map((r) => r.cells), lines: parsed.records.map((r) => r.line + (declared ? 1 : 0)), unclosedQuoteLine: parsed.unclosedQuoteLine };
    }),
  };
}

/** The spreadsheet name of a column (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * An uploaded results file as grids of cell texts: XLSX through the plan importers' reader,
 * CSV (UTF-8; comma, semicolon or tab) through a small RFC 4180 reader. Chosen by content,
 * not by name: an .xlsx is a ZIP, an old .xls an OLE file (refused with a way out).
 */
import { readXlsx } from '../../documents/import/xlsx-reader.ts';
import { BadRequestError } from '../../platform/errors.ts';

export interface FileGrids {
  format: 'xlsx' | 'csv';
  /** One grid per sheet (a CSV has one); rows of cell texts, row 0 is the file's row 1. */
  sheets: string[][][];
}

export async function readGrids(name: string, bytes: Uint8Array): Promise<FileGrids> {
  if (bytes.length === 0) throw new BadRequestError('Tệp rỗng.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return { format: 'xlsx', sheets: await readXlsx(bytes) };
    } catch {
      throw new BadRequestError(`Không đọc được tệp "${name}" như một bảng tính XLSX.`);
    }
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new BadRequestError('Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: hãy lưu lại thành .xlsx hoặc .csv rồi nhập.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError('Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: "CSV UTF-8").');
  }
  if (text.includes('\u0000')) throw new BadRequestError(`Tệp "${name}" không phải XLSX hay CSV.`);
  return { format: 'csv', sheets: [parseCsv(text)] };
}

/**
 * Rows of a CSV text: quoted fields may hold separators, quotes ("") and line breaks. The
 * separator is the one of , ; tab that occurs most in the first line (outside quotes).
 * Example: `parseCsv('a;"b;c"\n1;2') → [['a', 'b;c'], ['1', '2']]`.
 */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const sep = detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function detectSeparator(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
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

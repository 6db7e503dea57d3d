/**
 * Delimited text as spreadsheets write it: RFC 4180 quoting, comma, semicolon or tab separated,
 * UTF-8 (with or without BOM) or UTF-16 with a BOM ("Unicode Text" in Excel).
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** The line where a quoted cell starts that is never closed, if any. */
  unclosedQuoteLine: number | null;
}

/** Text of a file by its BOM (UTF-8, UTF-16LE, UTF-16BE), UTF-8 without one; `null` when it is not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string | null {
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // The decoder drops a UTF-8 BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Reads all records. A quote opens a quoted cell only at the start of a cell; elsewhere it is text. */
export function parseCsv(text: string, delimiter: string): CsvParse {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let atCellStart = true;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: start, cells });
    cells = [];
    cell = '';
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"' && atCellStart) {
      quoted = true;
      quoteLine = line;
      atCellStart = false;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRecord();
  return { records, unclosedQuoteLine: quoted ? quoteLine : null };
}

/** The separator a file declares on an Excel `sep=;` first line, if it does. */
export function declaredDelimiter(text: string): string | null {
  const m = /^sep=(.)\r?\n/.exec(text);
  return m ? m[1]! : null;
}

/** One cell, quoted when it holds the separator, a quote or a line break. */
function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Comma-separated records with CRLF after each, UTF-8 BOM first so that Excel reads Vietnamese right. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(quoteCell).join(',') + '\r\n').join('');
}

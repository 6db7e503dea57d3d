/**
 * The appendix as text: "Phụ lục", its title, "(Kèm theo …)", the header of the task table and
 * its rows. Rows start at a TT label ("A", "1", "-") checked against the running numbering, so
 * "1 Hội nghị" inside a product cell does not open a row unless "1" could come next. Text pasted
 * from a Word table (cells separated by tabs) is read cell by cell.
 */
import type { RawRow } from './appendix-build.ts';
import { columnOf, isHeaderish, looksLikeHeader, segmentHeader, type Column, type ColumnKind } from './columns.ts';
import { clean } from './lines.ts';
import { classifyLabel, fromRoman, labelRank, type NumberLabel } from './numbering.ts';
import { cutRow } from './row-cells.ts';
import { foldVi } from '../../platform/vi-text.ts';

export interface AppendixSource {
  title: string;
  /** "(Kèm theo Kế hoạch số … của …)" joined on one line, if present. */
  attachment: string | null;
  columns: Column[];
  rows: RawRow[];
}

const HEADING = /^phu luc(?:\s+(?:so\s+)?[ivx\d]+)?\s*[:.]?$/;
/** "Phụ lục 01: DANH MỤC …": heading and title on one line; the title is in capitals. */
const HEADING_WITH_TITLE = /^(?:Phụ lục|PHỤ LỤC)(?:\s+(?:số\s+)?[IVX\d]+)?\s*[:.–-]\s*(?=\p{Lu}{2})/u;

function isHeading(line: string): boolean {
  return HEADING.test(foldVi(line)) || /^PHỤ LỤC\b/u.test(line) || HEADING_WITH_TITLE.test(line);
}

/** Index of the "Phụ lục" line, or of a task-table header when the heading is missing; -1 if none. */
export function findAppendixStart(lines: readonly string[]): number {
  const heading = lines.findIndex((l) => isHeading(clean(l)));
  if (heading >= 0) return heading;
  for (let i = 0; i < lines.length; i++) {
    if (headerAt(lines, i)) return i;
  }
  return -1;
}

/** "I CÔNG TÁC TUYÊN TRUYỀN" reads like titles but is the first row; a wrapped "T" of "TT" is not a row. */
export function startsWithRowLabel(line: string): boolean {
  const label = classifyLabel(line, { bare: true });
  return label !== null && (label.kind === 'roman' || label.kind === 'arabic' || /^["“(]*[\p{Lu}\d]/u.test(label.rest));
}

/** The header starting at line i: its columns and the index of its last line. */
function headerAt(lines: readonly string[], i: number): { columns: Column[]; end: number } | null {
  const first = lines[i] ?? '';
  if (first.includes('\t')) {
    const columns = first.split('\t').map((c) => columnOf(c));
    return looksLikeHeader(columns) ? { columns, end: i } : null;
  }
  if (!isHeaderish(first)) return null;
  const parts: string[] = [];
  let end = i;
  for (let k = i; k < lines.length && k < i + 12; k++) {
    const line = clean(lines[k] ?? '');
    if (!line) continue;
    if (!isHeaderish(line) || (k > i && startsWithRowLabel(line))) break;
    parts.push(line);
    end = k;
  }
  const columns = segmentHeader(parts.join(' '));
  return looksLikeHeader(columns) ? { columns, end } : null;
}

/** Title and attachment line out of the lines between "Phụ lục" and the table. */
export function readPreamble(lines: readonly string[]): { title: string; attachment: string | null } {
  const title: string[] = [];
  const attachment: string[] = [];
  for (const raw of lines) {
    let line = clean(raw);
    if (!line || HEADING.test(foldVi(line))) continue;
    line = line.replace(HEADING_WITH_TITLE, '').replace(/^PHỤ LỤC(?:\s+(?:SỐ\s+)?[IVX\d]+)?\s*[:.–-]?\s*/u, '');
    if (!line) continue;
    if (attachment.length && !attachment.join(' ').includes(')')) attachment.push(line);
    else if (/^\(?\s*Kèm theo\b/iu.test(line)) attachment.push(line);
    else if (!attachment.length) title.push(line);
  }
  return { title: title.join(' '), attachment: attachment.length ? attachment.join(' ') : null };
}

/** Running numbering, by rank: a label is a row start only if it can come next. */
class Numbering {
  private last = new Map<number, number>();

  accepts(label: NumberLabel): boolean {
    if (label.kind === 'dash' || label.kind === 'letter') return true;
    const value = this.value(label);
    if (value === null) return false;
    if (value === 1) return true;
    const prev = this.last.get(labelRank(label));
    // The first label may be B or 2 (a table cut by a page); after that only the next or a repeat.
    if (prev === undefined) return value <= 3;
    return value === prev || value === prev + 1;
  }

  take(label: NumberLabel): void {
    const value = this.value(label);
    const rank = labelRank(label);
    if (value === null || label.kind === 'dash') return;
    this.last.set(rank, value);
    for (const r of [...this.last.keys()]) if (r > rank) this.last.delete(r);
  }

  private value(label: NumberLabel): number | null {
    if (label.kind === 'group') return label.label.charCodeAt(0) - 64;
    if (label.kind === 'roman') return fromRoman(label.label);
    if (label.kind === 'arabic') return Number(label.label.split('.').pop());
    return null;
  }
}

function rowLabel(line: string, numbering: Numbering): NumberLabel | null {
  const label = classifyLabel(line, { bare: true });
  if (!label || label.kind === 'letter') return null;
  // A TT cell is followed by its row's content, which starts a sentence.
  if (label.kind !== 'dash' && label.rest && !/^["“(]*[\p{Lu}\d]/u.test(label.rest)) return null;
  return numbering.accepts(label) ? label : null;
}

function isColumnNumbers(line: string): boolean {
  return /^(?:\(?\d{1,2}\)?\s+){2,}\(?\d{1,2}\)?$/.test(line);
}

function streamRows(lines: readonly string[], columns: readonly Column[], year: number | null): RawRow[] {
  const kinds: ColumnKind[] = columns.map((c) => c.kind);
  const numbering = new Numbering();
  const rows: { label: NumberLabel | null; lines: string[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const flat = clean(line);
    if (!flat || isColumnNumbers(flat)) continue;
    // The header repeated at the top of each page, wrapped over several lines like the first.
    const repeated = isHeaderish(flat) ? headerAt(lines, i) : null;
    if (repeated) {
      i = repeated.end;
      continue;
    }
    const label = rowLabel(line, numbering);
    if (label) {
      numbering.take(label);
      rows.push({ label, lines: label.rest ? [label.rest] : [] });
      continue;
    }
    // A lone number that cannot be a TT is a page number.
    if (/^\d{1,3}$/.test(flat)) continue;
    const open = rows[rows.length - 1];
    if (open) open.lines.push(line);
    else rows.push({ label: null, lines: [line] });
  }
  return rows.map((r) => ({ label: r.label, cells: cutRow(r.lines, kinds, year) }));
}

/**
 * Rows pasted from a Word table: cells separated by tabs, a cell's paragraphs by new lines, so a
 * row runs over several lines until it has all its tabs. A line starting with a TT label and a
 * tab starts a new row even when the row before it had fewer cells (a title merged across).
 */
function tabRows(lines: readonly string[], columns: readonly Column[]): RawRow[] {
  const width = columns.length;
  const records: string[] = [];
  let open: string | null = null;
  for (const raw of lines) {
    if (!clean(raw)) continue;
    const startsRow = /^[^\t]{1,6}\t/.test(raw) && classifyLabel(raw.split('\t')[0] ?? '', { bare: true }) !== null;
    if (open !== null && (startsRow || (open.split('\t').length >= width && raw.includes('\t')))) {
      records.push(open);
      open = null;
    }
    open = open === null ? raw : `${open}\n${raw}`;
    if (open.split('\t').length >= width) {
      records.push(open);
      open = null;
    }
  }
  if (open !== null) records.push(open);
  const rows: RawRow[] = [];
  for (const record of records) {
    const cells = record.split('\t');
    if (cells.length >= 3 && cells.every((c) => !clean(c) || /^\(?\d{1,2}\)?$/.test(clean(c)))) continue;
    if (cells.length < 2) {
      // A paragraph pasted on its own line: it belongs to the row above.
      const last = rows[rows.length - 1];
      if (last) last.cells.content = `${last.cells.content ?? ''} ${clean(record)}`;
      continue;
    }
    const row: RawRow = { label: null, cells: {} };
    cells.forEach((cell, i) => {
      const kind = columns[i]?.kind ?? 'other';
      const text = cell.split('\n').map(clean).filter(Boolean).join('\n');
      if (!text) return;
      if (kind === 'tt') row.label = classifyLabel(text, { bare: true });
      else row.cells[kind] = row.cells[kind] ? `${row.cells[kind]}\n${text}` : text;
    });
    rows.push(row);
  }
  return rows;
}

/** Reads the appendix from its first line ("Phụ lục" or the table header) to the end. */
export function readTextAppendix(lines: readonly string[], year: number | null): AppendixSource {
  let header: { columns: Column[]; end: number } | null = null;
  let at = 0;
  for (; at < lines.length && at < 40; at++) {
    header = headerAt(lines, at);
    if (header) break;
  }
  const preamble = readPreamble(lines.slice(0, header ? at : Math.min(lines.length, 6)));
  if (!header) return { ...preamble, columns: [], rows: [] };
  const body = lines.slice(header.end + 1);
  const tabbed = body.filter((l) => l.includes('\t')).length >= Math.max(1, body.filter((l) => clean(l)).length / 2);
  const rows = tabbed ? tabRows(body, header.columns) : streamRows(body, header.columns, year);
  return { ...preamble, columns: header.columns, rows };
}

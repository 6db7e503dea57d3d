/**
 * The appendix from a real table (DOCX, XLSX): a grid of cell texts. The header row is the first
 * one whose cells name task columns; rows above it (title, "Kèm theo …") are the preamble. Group
 * rows either have their number in the TT cell and the title beside it, or the whole "I. CÔNG
 * TÁC …" in one merged cell.
 */
import type { RawRow } from './appendix-build.ts';
import { columnOf, isHeaderish, looksLikeHeader, type Column, type ColumnKind } from './columns.ts';
import { clean } from './lines.ts';
import { classifyLabel } from './numbering.ts';

export interface TableAppendix {
  preamble: string[];
  columns: Column[];
  rows: RawRow[];
}

function isColumnNumbers(cells: readonly string[]): boolean {
  const filled = cells.map(clean).filter(Boolean);
  return filled.length >= 3 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c));
}

function isRepeatedHeader(cells: readonly string[]): boolean {
  const filled = cells.map(clean).filter(Boolean);
  return filled.length >= 3 && filled.every(isHeaderish);
}

function readRow(cells: readonly string[], columns: readonly Column[]): RawRow {
  const row: RawRow = { label: null, cells: {} };
  const put = (kind: ColumnKind, text: string): void => {
    if (!text) return;
    row.cells[kind] = row.cells[kind] ? `${row.cells[kind]}\n${text}` : text;
  };
  cells.forEach((raw, i) => {
    const kind = columns[i]?.kind ?? 'other';
    const text = raw.split('\n').map(clean).filter(Boolean).join('\n');
    if (kind !== 'tt') return put(kind, text);
    const label = classifyLabel(text, { bare: true });
    if (label && !label.rest) row.label = label;
    else if (label && label.kind !== 'dash' && label.kind !== 'letter') {
      // "I. CÔNG TÁC CHỈ ĐẠO" merged across the row: the label and the title share the TT cell.
      row.label = label;
      put('content', label.rest);
    } else put('content', text);
  });
  if (!row.label && row.cells.content) {
    const label = classifyLabel(row.cells.content);
    const others = ['lead', 'coop', 'product', 'due'].some((k) => row.cells[k as ColumnKind]);
    if (label && !others && label.kind !== 'dash' && label.kind !== 'letter') {
      row.label = label;
      row.cells.content = label.rest;
    }
  }
  return row;
}

/** Finds the task table in a grid; null when no row names enough task columns. */
export function readTableAppendix(grid: readonly (readonly string[])[]): TableAppendix | null {
  const at = grid.findIndex((cells) => looksLikeHeader(cells.map(columnOf)));
  if (at < 0) return null;
  const columns = (grid[at] ?? []).map(columnOf);
  const preamble = grid.slice(0, at).map((cells) => [...new Set(cells.map(clean).filter(Boolean))].join(' ')).filter(Boolean);
  const rows: RawRow[] = [];
  for (const cells of grid.slice(at + 1)) {
    if (!cells.some((c) => clean(c)) || isColumnNumbers(cells) || isRepeatedHeader(cells)) continue;
    rows.push(readRow(cells, columns));
  }
  return { preamble, columns, rows };
}

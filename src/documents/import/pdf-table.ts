/**
 * The task table of a PDF rebuilt from where its words are printed. pdf.js gives every run of
 * text with its position; a table printed by Word or LibreOffice puts each cell's lines under
 * one another inside the cell's column, so:
 * - the header is the run of lines whose words are column titles, cut into columns where its
 *   words leave a vertical gap (a title wrapped over lines stays one column);
 * - column borders sit in the gaps between header titles, where no data word crosses;
 * - a row starts at each text of the TT column; the other cells' lines go to the row they
 *   belong to: below its TT text when cells are aligned to the top, or centred on it when
 *   cells are centred vertically (the Decree 30 writer's layout).
 * The result is a grid of cell texts, read like a DOCX table; the text around it stays text.
 */
import { columnOf, isHeaderish, looksLikeHeader, type Column } from './columns.ts';
import { startsWithRowLabel } from './appendix-text.ts';
import { clean } from './lines.ts';
import { classifyLabel } from './numbering.ts';

export interface PdfItem {
  str: string;
  x: number;
  /** Baseline, in PDF units from the page bottom. */
  y: number;
  w: number;
  h: number;
  page: number;
}

interface Line {
  page: number;
  y: number;
  items: PdfItem[];
  /** Vertical position counted down from the table's top across pages. */
  v: number;
}

export interface PdfTable {
  grid: string[][];
  /** Items of the table (header included), left out of the document's text. */
  used: Set<PdfItem>;
}

/** Items grouped into printed lines, top to bottom, page after page; items left to right. */
function toLines(items: readonly PdfItem[]): Line[] {
  const sorted = items.filter((it) => it.str.trim()).sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    const tol = Math.max(1.5, (it.h || 10) * 0.3);
    if (last && last.page === it.page && Math.abs(last.y - it.y) <= tol) last.items.push(it);
    else lines.push({ page: it.page, y: it.y, items: [it], v: 0 });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

const lineText = (line: Line): string => clean(line.items.map((i) => i.str).join(' '));

interface Cluster {
  left: number;
  right: number;
  items: PdfItem[];
}

/** Header words grouped into columns: words whose horizontal extents overlap are one title. */
function clusters(items: readonly PdfItem[]): Cluster[] {
  const out: Cluster[] = [];
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    const last = out[out.length - 1];
    if (last && it.x <= last.right + 0.5) {
      last.right = Math.max(last.right, it.x + it.w);
      last.items.push(it);
    } else {
      out.push({ left: it.x, right: it.x + it.w, items: [it] });
    }
  }
  return out;
}

/** The title of a header column; a title broken inside a word ("T" / "T") is joined back. */
function titleOf(cluster: Cluster): { title: string; column: Column } {
  const rows = toLines(cluster.items).map(lineText);
  const spaced = rows.join(' ');
  const column = columnOf(spaced);
  if (column.kind !== 'other') return { title: spaced, column };
  const tight = rows.join('');
  const joined = columnOf(tight);
  return joined.kind !== 'other' ? { title: tight, column: joined } : { title: spaced, column };
}

interface Header {
  start: number;
  end: number;
  clusters: Cluster[];
  titles: string[];
}

function headerAt(lines: readonly Line[], i: number): Header | null {
  const first = lines[i];
  if (!first || !isHeaderish(lineText(first))) return null;
  let end = i;
  const continues = (line: Line | undefined): boolean =>
    line !== undefined && line.page === first.page && isHeaderish(lineText(line)) && !startsWithRowLabel(lineText(line));
  while (end - i < 8 && continues(lines[end + 1])) end++;
  const found = clusters(lines.slice(i, end + 1).flatMap((l) => l.items));
  if (found.length < 3) return null;
  const titled = found.map(titleOf);
  const columns = titled.map((t) => t.column);
  if (!looksLikeHeader(columns) || columns[0]?.kind !== 'tt') return null;
  return { start: i, end, clusters: found, titles: titled.map((t) => t.title) };
}

/**
 * Where the border between two columns runs: in the gap between their titles, at the middle of
 * the widest stretch no data word crosses (a centred title leaves room on both sides).
 */
function border(left: Cluster, right: Cluster, data: readonly PdfItem[]): number {
  const a = left.right;
  const b = right.left;
  if (b <= a) return (a + b) / 2;
  const covered = data
    .map((it) => [it.x, it.x + it.w] as const)
    .filter(([s, e]) => e > a && s < b && !(s <= a && e >= b))
    .map(([s, e]) => [Math.max(s, a), Math.min(e, b)] as const)
    .sort((p, q) => p[0] - q[0]);
  let best: [number, number] = [a, a];
  let at = a;
  for (const [s, e] of covered) {
    if (s - at > best[1] - best[0]) best = [at, s];
    at = Math.max(at, e);
  }
  if (b - at > best[1] - best[0]) best = [at, b];
  return best[1] > best[0] ? (best[0] + best[1]) / 2 : (a + b) / 2;
}

const ENDS_TABLE = /^(?:Phụ lục|PHỤ LỤC|Nơi nhận|Ghi chú\s*:|Trên đây)/u;

/** Lines of the table body after the header: up to text printed left of the table or a new part. */
function bodyLines(lines: readonly Line[], header: Header, left: number): Line[] {
  const out: Line[] = [];
  for (let i = header.end + 1; i < lines.length; i++) {
    const line = lines[i] as Line;
    const first = line.items[0];
    if (!first) continue;
    if (first.x < left - 4 || ENDS_TABLE.test(lineText(line))) break;
    out.push(line);
  }
  return out;
}

interface Row {
  /** Lines of the TT cell: the anchor. */
  anchor: Line[];
}

/** Every row's lines of one column, by the rows' anchors; `centred` for vertically centred cells. */
function assign(colLines: readonly { v: number; text: string }[], rows: readonly Row[], centred: boolean): string[][] {
  const out: string[][] = rows.map(() => []);
  if (!rows.length || !colLines.length) return out;
  const tops = rows.map((r) => r.anchor[0]?.v ?? 0);
  if (!centred) {
    let k = 0;
    for (const line of colLines) {
      while (k + 1 < rows.length && line.v >= (tops[k + 1] ?? 0) - 2) k++;
      out[k]?.push(line.text);
    }
    return out;
  }
  // Centred: split the lines, in order, into blocks whose middles come closest to the rows' middles.
  const mids = rows.map((r) => ((r.anchor[0]?.v ?? 0) + (r.anchor[r.anchor.length - 1]?.v ?? 0)) / 2);
  const n = colLines.length;
  const m = rows.length;
  const firsts = rows.map((r) => r.anchor[0]?.v ?? 0);
  const lasts = rows.map((r) => r.anchor[r.anchor.length - 1]?.v ?? 0);
  // A row's lines lie between the TT texts of the rows above and below it.
  const cost = (i: number, j: number, k: number): number => {
    const top = colLines[i]?.v ?? 0;
    const bottom = colLines[j]?.v ?? 0;
    if ((k > 0 && top <= (lasts[k - 1] ?? 0) + 1) || (k + 1 < m && bottom >= (firsts[k + 1] ?? 0) - 1)) return Infinity;
    return Math.abs((top + bottom) / 2 - (mids[k] ?? 0));
  };
  // Leaving a row's cell empty costs a little, so that rows do not give their lines to a neighbour.
  const EMPTY_ROW = 3;
  // f[k][j]: best cost of lines 0..j-1 over rows 0..k-1.
  const f: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  (f[0] as number[])[0] = 0;
  for (let k = 1; k <= m; k++) {
    for (let j = 0; j <= n; j++) {
      let best = (f[k - 1]?.[j] ?? Infinity) + EMPTY_ROW;
      let arg = j;
      for (let i = 0; i < j; i++) {
        const c = (f[k - 1]?.[i] ?? Infinity) + cost(i, j - 1, k - 1);
        if (c < best) {
          best = c;
          arg = i;
        }
      }
      (f[k] as number[])[j] = best;
      (from[k] as number[])[j] = arg;
    }
  }
  let j = n;
  for (let k = m; k >= 1; k--) {
    const i = from[k]?.[j] ?? j;
    out[k - 1]?.push(...colLines.slice(i, j).map((l) => l.text));
    j = i;
  }
  return out;
}

/** A cell's printed lines; a number or date broken over two lines ("15/12/20" / "25") is joined back. */
function joinCellLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (!out) out = line;
    else if (/[\d/.-]$/.test(out) && /^\d/.test(line) && /\d[/.-]\d*$/.test(out)) out += line;
    else out += `\n${line}`;
  }
  return out;
}

/** The task table of a PDF's text items, or null when no task table header is found. */
export function findPdfTable(items: readonly PdfItem[]): PdfTable | null {
  const lines = toLines(items);
  let header: Header | null = null;
  for (let i = 0; i < lines.length && !header; i++) header = headerAt(lines, i);
  if (!header) return null;

  const cols = header.clusters;
  const left = Math.min(...(cols[0]?.items.map((i) => i.x) ?? [0]));
  const body = bodyLines(lines, header, left);
  // The header repeated at the top of a later page is not data.
  const headerPage = lines[header.start]?.page;
  const data: Line[] = [];
  let page = headerPage;
  let atTop = false;
  for (const line of body) {
    if (line.page !== page) {
      page = line.page;
      atTop = true;
    }
    const text = lineText(line);
    // At the top of a later page: its number, and the header printed again.
    if (atTop && (/^\d{1,3}$/.test(text) || (isHeaderish(text) && !startsWithRowLabel(text)))) continue;
    atTop = false;
    data.push(line);
  }
  const borders = cols.slice(1).map((c, k) => border(cols[k] as Cluster, c, data.flatMap((l) => l.items)));
  const columnOfItem = (it: PdfItem): number => borders.filter((b) => it.x + 0.5 >= b).length;

  // A vertical position running on over page breaks, so a row split by a page stays together.
  let pageStart = 0;
  for (let i = 0; i < data.length; i++) {
    const line = data[i] as Line;
    const prev = data[i - 1];
    if (!prev) pageStart = line.y;
    else if (prev.page !== line.page) {
      const base = prev.v + (prev.items[0]?.h || 12) * 1.5;
      pageStart = line.y + base;
    }
    line.v = pageStart - line.y;
  }

  // A page number stands apart at the top or bottom of a page, far from the table's lines.
  const pageEdge = (line: Line): boolean => {
    const same = data.filter((l) => l.page === line.page);
    const i = same.indexOf(line);
    const gap = (line.items[0]?.h || 12) * 2.5;
    const next = same[i + 1];
    const prev = same[i - 1];
    return (i === 0 && (!next || line.y - next.y > gap)) || (i === same.length - 1 && (!prev || prev.y - line.y > gap));
  };
  // Rows: one per text in the TT column; a title merged across the row may wrap onto more lines.
  const rows: Row[] = [];
  const cells: { v: number; col: number; text: string }[] = [];
  for (const line of data) {
    const byCol = new Map<number, PdfItem[]>();
    for (const it of line.items) {
      // A lone page number is no cell's text.
      if (/^\d{1,3}$/.test(it.str.trim()) && line.items.length === 1 && columnOfItem(it) !== 0 && pageEdge(line)) continue;
      const c = columnOfItem(it);
      byCol.set(c, [...(byCol.get(c) ?? []), it]);
    }
    for (const [col, its] of byCol) {
      const text = clean(its.map((i) => i.str).join(' '));
      if (col !== 0) {
        cells.push({ v: line.v, col, text });
        continue;
      }
      const last = rows[rows.length - 1];
      const lastLine = last?.anchor[last.anchor.length - 1];
      const spanning = lastLine?.items.some((i) => columnOfItem(i) === 0 && i.x + i.w > (borders[0] ?? Infinity) + 2);
      if (last && lastLine && spanning && !classifyLabel(text, { bare: true }) && line.v - lastLine.v < (lastLine.items[0]?.h || 12) * 2) {
        last.anchor.push({ ...line, items: its });
      } else {
        rows.push({ anchor: [{ ...line, items: its }] });
      }
    }
  }
  if (!rows.length) return null;

  const width = cols.length;
  const perColumn = Array.from({ length: width }, (_, c) => cells.filter((x) => x.col === c));
  const topAssigned = perColumn.map((cl) => assign(cl, rows, false));
  // Cells aligned to the top start on their row's TT line; centred cells mostly do not.
  let starts = 0;
  let filled = 0;
  rows.forEach((row, k) => {
    for (let c = 1; c < width; c++) {
      const first = perColumn[c]?.find((x) => topAssigned[c]?.[k]?.length && x.v >= (row.anchor[0]?.v ?? 0) - 2);
      if (!topAssigned[c]?.[k]?.length || !first) continue;
      filled++;
      if (Math.abs(first.v - (row.anchor[0]?.v ?? 0)) <= 2) starts++;
    }
  });
  const centred = filled > 0 && starts / filled < 0.8;
  const assigned = centred ? perColumn.map((cl) => assign(cl, rows, true)) : topAssigned;

  const grid: string[][] = [header.titles];
  rows.forEach((row, k) => {
    const tt = row.anchor.map((l) => clean(l.items.map((i) => i.str).join(' '))).join(' ');
    grid.push([tt, ...Array.from({ length: width - 1 }, (_, c) => joinCellLines(assigned[c + 1]?.[k] ?? []))]);
  });
  const used = new Set<PdfItem>([...lines.slice(header.start, header.end + 1), ...body].flatMap((l) => l.items));
  return { grid, used };
}

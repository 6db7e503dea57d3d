/**
 * A task-table row as PDF text gives it: its cells in column order but wrapped over lines, and
 * short cells sometimes sharing a line ("…năm 2024  Phòng HC-TH", "Kế hoạch T2/2024"). The row is
 * cut into pieces where a cell may begin, then the pieces are spread over the columns in order
 * (dynamic programming) so that each piece lands in the column it looks like: deadlines where
 * the due parser accepts them, unit names under lead/co-operation, products under product.
 */
import { endsOpen, isProductLike, isUnitLike, unitBoundary } from './cell-kinds.ts';
import type { ColumnKind } from './columns.ts';
import { parseDue } from './due-parser.ts';

type Cells = Partial<Record<ColumnKind, string>>;

/** Penalty for leaving a column empty: a task nearly always has content, a lead and a deadline. */
const EMPTY: Record<ColumnKind, number> = { tt: 0, content: 6, lead: 2.5, coop: 0.3, product: 1, due: 2.5, notes: 0, budget: 0, other: 0 };
const DUEISH = /\d{4}|tháng|quý|năm|thường xuyên|hằng|hàng|định kỳ|khi có|theo |trước|sau khi|kịp thời/iu;

const MAX_DUE_WORDS = 12;
const MAX_NAME_WORDS = 12;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Splits a line's last part into [text, deadline] when it ends with a deadline. */
function splitDueSuffix(text: string, year: number | null): string[] {
  const words = text.split(' ');
  // A deadline is a few words long: only the line's last words can be one.
  for (let k = Math.max(0, words.length - MAX_DUE_WORDS); k < words.length; k++) {
    const suffix = words.slice(k).join(' ');
    if (parseDue(suffix, year ? { year } : {})) return k === 0 ? [text] : [words.slice(0, k).join(' '), suffix];
  }
  return [text];
}

/** Where a unit's name runs straight into a product ("Các phòng chuyên môn Kế hoạch"). */
function splitUnitProduct(text: string): string[] {
  const words = text.split(' ');
  // Unit names are short: look for the product only within a name's length.
  for (let k = 1; k < Math.min(words.length, MAX_NAME_WORDS + 1); k++) {
    if (/^\p{Lu}/u.test(words[k] ?? '') && isProductLike(words.slice(k, k + 4).join(' ')) && isUnitLike(words.slice(0, k).join(' '))) {
      return [words.slice(0, k).join(' '), words.slice(k).join(' ')];
    }
  }
  return [text];
}

/** Cuts one line at double spaces, before unit names and before a final deadline. */
function lineParts(line: string, year: number | null): string[] {
  const out: string[] = [];
  for (const segment of line.split(/\s{2,}|\t/).map((s) => s.trim()).filter(Boolean)) {
    const words = segment.split(/\s+/);
    let from = 0;
    for (let k = 1; k <= words.length; k++) {
      if (k === words.length || unitBoundary(words, k)) {
        out.push(...splitUnitProduct(words.slice(from, k).join(' ')));
        from = k;
      }
    }
  }
  const last = out.pop();
  if (last !== undefined) out.push(...splitDueSuffix(last, year));
  return out;
}

function isDue(text: string, year: number | null): boolean {
  return parseDue(text, year ? { year } : {}) !== null;
}

/** A piece that cannot start a cell: lower-case or punctuation first, or a bare number. */
function continues(piece: string, previous: string, year: number | null): boolean {
  if (isDue(piece, year)) return false;
  if (endsOpen(previous)) return true;
  if (/^\p{Ll}/u.test(piece)) return true;
  if (/^\d/.test(piece)) return !isProductLike(piece);
  return !/^\p{Lu}/u.test(piece);
}

export function rowPieces(lines: readonly string[], year: number | null): string[] {
  const pieces: string[] = [];
  for (const line of lines) {
    for (const part of lineParts(line, year)) {
      if (pieces.length && continues(part, pieces[pieces.length - 1] ?? '', year)) pieces[pieces.length - 1] += ` ${part}`;
      else pieces.push(part);
    }
  }
  return pieces;
}

function fit(piece: string, kind: ColumnKind, year: number | null): number {
  const due = isDue(piece, year);
  const unit = isUnitLike(piece);
  const words = wordCount(piece);
  switch (kind) {
    case 'content': return due ? -2 : unit ? -1.5 : 0;
    case 'lead':
    case 'coop': return unit ? 2 : -4;
    case 'product': return due ? -3 : unit ? -2 : isProductLike(piece) ? 2 : words <= 10 ? 0 : -2;
    case 'due': return due ? 3 : DUEISH.test(piece) && words <= 10 ? 0.5 : -4;
    case 'budget': return /\d/.test(piece) && /đồng|triệu|nghìn|\d{1,3}(?:\.\d{3})+/u.test(piece) ? 1.5 : -1;
    case 'tt': return -10;
    default: return words <= 12 ? -0.5 : -2;
  }
}

/** Spreads pieces over columns in order (each column takes a run of consecutive pieces). */
export function assignPieces(pieces: readonly string[], kinds: readonly ColumnKind[], year: number | null): string[][] {
  const m = kinds.length;
  const out: string[][] = kinds.map(() => []);
  if (!pieces.length || !m) return out;
  const empty = kinds.map((k) => EMPTY[k]);
  // emptyBetween(a, b): penalty for columns a..b-1 all left empty.
  const prefix = [0];
  for (const e of empty) prefix.push((prefix[prefix.length - 1] ?? 0) + e);
  const emptyBetween = (a: number, b: number): number => (prefix[b] ?? 0) - (prefix[a] ?? 0);

  const n = pieces.length;
  const best: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < n; i++) {
    best.push(new Array<number>(m).fill(-Infinity));
    from.push(new Array<number>(m).fill(-1));
    for (let j = 0; j < m; j++) {
      const f = fit(pieces[i] ?? '', kinds[j] ?? 'other', year);
      if (i === 0) {
        (best[0] as number[])[j] = f - emptyBetween(0, j);
        continue;
      }
      let score = best[i - 1]?.[j] ?? -Infinity;
      let arg = j;
      for (let k = 0; k < j; k++) {
        const s = (best[i - 1]?.[k] ?? -Infinity) - emptyBetween(k + 1, j);
        if (s > score) {
          score = s;
          arg = k;
        }
      }
      (best[i] as number[])[j] = f + score;
      (from[i] as number[])[j] = arg;
    }
  }
  let j = 0;
  let top = -Infinity;
  for (let k = 0; k < m; k++) {
    const s = (best[n - 1]?.[k] ?? -Infinity) - emptyBetween(k + 1, m);
    if (s > top) {
      top = s;
      j = k;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[j]?.unshift(pieces[i] ?? '');
    if (i > 0) j = from[i]?.[j] ?? j;
  }
  return out;
}

/** The cells of a row read from text, by column meaning. */
export function cutRow(lines: readonly string[], kinds: readonly ColumnKind[], year: number | null): Cells {
  const used = kinds.filter((k) => k !== 'tt');
  const assigned = assignPieces(rowPieces(lines, year), used, year);
  const cells: Cells = {};
  used.forEach((kind, i) => {
    const parts = assigned[i] ?? [];
    if (!parts.length) return;
    const text = parts.join(kind === 'lead' || kind === 'coop' ? '\n' : ' ');
    cells[kind] = cells[kind] ? `${cells[kind]} ${text}` : text;
  });
  return cells;
}

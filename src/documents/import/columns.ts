/**
 * Columns of a task table. Agencies name them differently ("Phòng chủ trì", "Cơ quan/Đơn vị chủ
 * trì", "Chủ trì"); each known name maps to one meaning and is reported under the canonical
 * title of the Bắc Giang plan, so the rest of the product sees one vocabulary.
 */
import { foldVi } from '../../platform/vi-text.ts';

export type ColumnKind = 'tt' | 'content' | 'lead' | 'coop' | 'product' | 'due' | 'notes' | 'budget' | 'other';

export interface Column {
  kind: ColumnKind;
  /** Canonical title for known kinds, the header text as written otherwise. */
  title: string;
}

export const CANONICAL: Record<Exclude<ColumnKind, 'other'>, string> = {
  tt: 'TT',
  content: 'Nội dung, nhiệm vụ',
  lead: 'Phòng chủ trì',
  coop: 'Phòng phối hợp',
  product: 'Kết quả/sản phẩm',
  due: 'Thời gian hoàn thành',
  notes: 'Ghi chú',
  budget: 'Kinh phí',
};

const UNIT = '(?:phong|co quan|don vi|co quan don vi|don vi co quan|bo phan)';
/** Folded phrases per kind; the longest match wins ("nội dung nhiệm vụ" over "nội dung"). */
const PHRASES: [ColumnKind, string][] = [
  ['tt', 'stt'], ['tt', 'tt'], ['tt', 'so tt'], ['tt', 'so thu tu'],
  ['content', 'noi dung nhiem vu'], ['content', 'noi dung cong viec'], ['content', 'noi dung'], ['content', 'nhiem vu'],
  ['content', 'ten nhiem vu'], ['content', 'noi dung hoat dong'], ['content', 'hoat dong'], ['content', 'cong viec'],
  ['content', 'noi dung thuc hien'], ['content', 'nhiem vu giai phap'], ['content', 'noi dung tuyen truyen'],
  ['lead', `${UNIT} chu tri`], ['lead', `${UNIT} chu tri thuc hien`], ['lead', 'chu tri'], ['lead', 'chu tri thuc hien'],
  ['lead', `${UNIT} thuc hien`], ['lead', 'don vi thuc hien'], ['lead', 'trach nhiem thuc hien'],
  ['coop', `${UNIT} phoi hop`], ['coop', `${UNIT} phoi hop thuc hien`], ['coop', 'phoi hop'], ['coop', 'phoi hop thuc hien'],
  ['product', 'ket qua san pham'], ['product', 'san pham'], ['product', 'ket qua'], ['product', 'san pham dau ra'],
  ['product', 'ket qua du kien'], ['product', 'hinh thuc san pham'], ['product', 'san pham du kien'], ['product', 'ket qua dau ra'],
  ['product', 'hinh thuc'],
  ['due', 'thoi gian hoan thanh'], ['due', 'thoi gian thuc hien'], ['due', 'thoi han hoan thanh'], ['due', 'thoi gian'],
  ['due', 'thoi han'], ['due', 'tien do'], ['due', 'tien do thuc hien'], ['due', 'thoi gian trien khai'], ['due', 'thoi diem'],
  ['notes', 'ghi chu'],
  ['budget', 'kinh phi'], ['budget', 'kinh phi du kien'], ['budget', 'du toan kinh phi'], ['budget', 'kinh phi thuc hien'],
  ['budget', 'du kien kinh phi'], ['budget', 'nguon kinh phi'],
];

function expand(phrase: string): string[][] {
  // "(?:a|b) c" → [["a","c"],["b","c"]], enough for the one alternation used above.
  const m = /^\(\?:([^)]*)\)\s*(.*)$/.exec(phrase);
  if (!m) return [phrase.split(' ')];
  return (m[1] ?? '').split('|').map((alt) => `${alt} ${m[2] ?? ''}`.trim().split(' '));
}

const TABLE: { kind: ColumnKind; words: string[] }[] = PHRASES
  .flatMap(([kind, phrase]) => expand(phrase).map((words) => ({ kind, words })))
  .sort((a, b) => b.words.length - a.words.length);

const VOCAB = new Set(TABLE.flatMap((t) => t.words));
/** Words that qualify a title ("Kinh phí (triệu đồng)", "Thời gian (dự kiến)") without naming a column. */
const QUALIFIERS = new Set(['trieu', 'dong', 'nghin', 'vnd', 'du', 'kien', 'bat', 'dau', 'ket', 'thuc', 'cu', 'the', 'neu', 'co']);

/** Folded words of a header text; "/", ",", "(" and ")" separate words. */
function words(text: string): string[] {
  return foldVi(text).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
}

/** Original-text tokens in step with `words`, to keep unknown titles as written. */
function tokens(text: string): { word: string; original: string }[] {
  return text.split(/[\s/,()]+/).filter(Boolean).flatMap((original) =>
    words(original).map((word, i) => ({ word, original: i === 0 ? original : '' })));
}

/**
 * Whether a line reads as column titles (a header line, or its repeat on a new page): most of
 * its words belong to known titles, so one unknown column ("Đối tượng") does not hide the rest.
 */
export function isHeaderish(line: string): boolean {
  const w = words(line);
  const known = w.filter((x) => VOCAB.has(x) || QUALIFIERS.has(x)).length;
  return w.length > 0 && known >= w.length * 0.6 && w.some((x) => VOCAB.has(x));
}

/** Splits header text in which titles run together ("TT Nội dung, nhiệm vụ Phòng chủ trì …"). */
export function segmentHeader(text: string): Column[] {
  const toks = tokens(text);
  const out: Column[] = [];
  let unknown: string[] = [];
  const flush = (): void => {
    // "(triệu đồng)" after "Kinh phí" qualifies that column; other unknown words are a column.
    const qualifies = out.length > 0 && unknown.every((t) => QUALIFIERS.has(words(t)[0] ?? ''));
    if (unknown.length && !qualifies) out.push({ kind: 'other', title: unknown.join(' ') });
    unknown = [];
  };
  for (let i = 0; i < toks.length;) {
    const hit = TABLE.find((t) => t.words.every((w, k) => toks[i + k]?.word === w));
    if (hit) {
      flush();
      const kind = hit.kind;
      out.push({ kind, title: CANONICAL[kind as Exclude<ColumnKind, 'other'>] });
      i += hit.words.length;
    } else {
      const original = toks[i]?.original;
      if (original) unknown.push(original);
      i++;
    }
  }
  flush();
  return out;
}

/** The meaning of one header cell (a table's header row gives one title per cell). */
export function columnOf(cell: string): Column {
  const t = cell.replace(/\s+/g, ' ').trim();
  const parts = segmentHeader(t).filter((c) => c.kind !== 'other');
  const first = parts[0];
  if (first && parts.every((p) => p.kind === first.kind)) return first;
  // "Thời gian (bắt đầu - kết thúc)" or an unknown title: keep what it says.
  return first && words(t).length <= 6 ? first : { kind: 'other', title: t };
}

/** Enough known columns to be the header of a task table. */
export function looksLikeHeader(columns: readonly Column[]): boolean {
  const kinds = new Set(columns.map((c) => c.kind));
  return kinds.has('content') && [...kinds].filter((k) => k !== 'other' && k !== 'content').length >= 2;
}

/**
 * Text extracted from a PDF is one printed line per line, with a paragraph wrapped over many of
 * them (and often a blank line between every two). This file cuts the raw text into lines and
 * glues wrapped lines back into paragraphs using what the layout leaves behind: labels, final
 * punctuation, short last lines and the case of the next line's first letter.
 */
import { classifyLabel } from './numbering.ts';

export interface Paragraph {
  text: string;
  /** Index of its first and last raw line. */
  start: number;
  end: number;
}

/** NFC lines, ends trimmed, inner spacing kept (two spaces often separate table cells). */
export function splitLines(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v\u2028\u2029]/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B\u200C\u200D]/g, '')
    .split('\n')
    .map((line) => line.trimEnd().replace(/^[ ]+/, ''));
}

/** Collapses white space runs. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const TERMINAL = /(?:[.;!?…]|\.\/\.)["”’)]*$/;
const COLON_END = /:["”’)]*$/;
const UPPER_START = /^["“‘(]*\p{Lu}/u;
const LETTER_UPPER_START = /^\p{Lu}/u;
/** Paragraphs that always start afresh, whatever the line before looks like. */
const OPENERS = /^(?:Căn cứ|Thực hiện|Nơi nhận|Trên đây|Điều \d+|(?:KT|TM|TL|TUQ|Q)\.\s)/u;

function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** Page numbers are printed alone on a line at the top of pages 2, 3, … */
function isPageNumber(line: string): boolean {
  return /^\d{1,3}$/.test(line);
}

/**
 * The length under which a line is "short", i.e. the last line of its paragraph. Taken from the
 * lines themselves because the page width in characters depends on font and margins. Returns
 * null when the lines are already whole paragraphs (text pasted from Word, DOCX).
 */
export function shortLineLength(lines: readonly string[]): number | null {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n >= 8).sort((a, b) => a - b);
  if (lengths.length === 0) return null;
  const p80 = lengths[Math.floor(lengths.length * 0.8)] ?? 0;
  // A printed A4 line holds at most ~100 characters; longer lines are unwrapped paragraphs.
  if (p80 > 130) return null;
  return p80 * 0.7;
}

function startsNew(prev: string, line: string, short: number | null): boolean {
  if (short === null) return true;
  const label = classifyLabel(line);
  const prevShort = prev.length < short;
  const terminal = TERMINAL.test(prev);
  if (label) {
    // "- xã hội" wrapped from "kinh tế - xã hội" is not a bullet: real bullets start a sentence.
    if (!label.rest || UPPER_START.test(label.rest) || terminal || COLON_END.test(prev)) return true;
    return label.kind !== 'dash' && prevShort;
  }
  if (OPENERS.test(line)) return true;
  if (terminal && UPPER_START.test(line)) return true;
  // After "…như sau:" a new paragraph starts; after "…Chính phủ:" a quotation continues it.
  if (COLON_END.test(prev) && LETTER_UPPER_START.test(line)) return true;
  if (prevShort && UPPER_START.test(line)) return true;
  return isCaps(prev) !== isCaps(line) && UPPER_START.test(line);
}

/**
 * Glues wrapped lines into paragraphs. With `paragraphs` (or when the lines are too long to be
 * printed lines) every non-empty line is its own paragraph.
 */
export function joinWrapped(lines: readonly string[], options: { paragraphs?: boolean; from?: number; to?: number } = {}): Paragraph[] {
  const from = options.from ?? 0;
  const to = options.to ?? lines.length;
  const slice = lines.slice(from, to);
  const short = options.paragraphs ? null : shortLineLength(slice);
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let prev = '';
  for (let i = from; i < to; i++) {
    const line = clean(lines[i] ?? '');
    if (!line || (short !== null && isPageNumber(line))) continue;
    // A label alone on its line ("-" above a table cell's text) takes the next line as its text.
    const labelOnly = current !== null && classifyLabel(current.text)?.rest === '' && !classifyLabel(line);
    if (current && (labelOnly || !startsNew(prev, line, short))) {
      current.text += ` ${line}`;
      current.end = i;
    } else {
      current = { text: line, start: i, end: i };
      out.push(current);
    }
    prev = line;
  }
  return out;
}

/**
 * The leading label of a line in a Vietnamese administrative document: "I." (section), "1." /
 * "1.1." (item), "a)" (point), "-" / "+" (bullet), and in task tables the bare group codes
 * "A", "B", "I", "1" that sit alone in the TT column.
 */

export type LabelKind = 'group' | 'roman' | 'arabic' | 'letter' | 'dash';

export interface NumberLabel {
  kind: LabelKind;
  /** The label without punctuation: "IV", "1.2", "a", "A"; bullets are normalised to "-", "+" or "•". */
  label: string;
  /** The text after the label, its inner spacing kept. */
  rest: string;
  /** Number of parts of an arabic label ("1.2.3" → 3); 1 otherwise. */
  depth: number;
}

export interface LabelOptions {
  /**
   * Accept labels without punctuation ("A Xây dựng…", "1 Tuyên truyền…"): what a TT cell holds.
   * Off for running text, where "1 tin bài" is not a label.
   */
  bare?: boolean;
}

const ROMAN_PAIRS: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
const ROMAN_STRICT = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** 1..3999 in Roman numerals. Example: `toRoman(14) === 'XIV'`. */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999) throw new RangeError(`Cannot write ${value} in Roman numerals`);
  let rest = value;
  let out = '';
  for (const [n, glyph] of ROMAN_PAIRS) {
    while (rest >= n) {
      out += glyph;
      rest -= n;
    }
  }
  return out;
}

/** A canonical Roman numeral's value (case-insensitive), or null. Example: `fromRoman('iv') === 4`. */
export function fromRoman(text: string): number | null {
  const s = text.trim().toUpperCase();
  if (!s || !ROMAN_STRICT.test(s)) return null;
  let total = 0;
  let i = 0;
  for (const [n, glyph] of ROMAN_PAIRS) {
    while (s.startsWith(glyph, i)) {
      total += n;
      i += glyph.length;
    }
  }
  return total;
}

const BULLETS: Record<string, string> = { '-': '-', '–': '-', '—': '-', '−': '-', '+': '+', '•': '•', '·': '•', '▪': '•', '●': '•', '*': '•' };

const RE = {
  separator: /^[-–—_=.*\s]{3,}$/,
  bullet: /^([-–—−+•·▪●*])(\s*)(.*)$/su,
  // Section labels use I, V and X only: documents never reach L (50), and single C, D, L, M
  // are far likelier to be appendix group letters.
  roman: /^([IVX]{1,7})\s*[.)](?:\s+(.*)|$)/su,
  romanBare: /^([IVX]{1,7})(?:\s+(.*)|$)/su,
  arabic: /^(\d{1,3}(?:\.\d{1,3})*)([.)]?)(?:\s+(.*)|$)/su,
  arabicTight: /^(\d{1,3}(?:\.\d{1,3})*)[.)](\p{Lu}.*)$/su,
  letter: /^([a-zđ])\s*[.)](?:\s+(.*)|$)/su,
  letterBare: /^([a-zđ])$/u,
  group: /^([A-Z])\s*[.)](?:\s+(.*)|$)/su,
  groupBare: /^([A-Z])(?:\s+(.*)|$)/su,
};

function make(kind: LabelKind, label: string, rest: string | undefined, depth = 1): NumberLabel {
  return { kind, label, rest: (rest ?? '').trim(), depth };
}

/**
 * The label at the start of a line, or null. Examples: `classifyLabel('IV. TỔ CHỨC')` →
 * roman "IV"; `classifyLabel('1.2. Yêu cầu')` → arabic "1.2" depth 2; `classifyLabel('a) Nội dung')`
 * → letter "a"; `classifyLabel('A Xây dựng', { bare: true })` → group "A".
 */
export function classifyLabel(line: string, options: LabelOptions = {}): NumberLabel | null {
  const text = line.trim();
  if (!text || RE.separator.test(text)) return null;
  let m: RegExpExecArray | null;

  if ((m = RE.bullet.exec(text))) {
    const rest = m[3] ?? '';
    // "-Tiếp tục" without a space is still a bullet; "-5%" or "--" is not.
    if (m[2] || !rest || /^\p{Lu}/u.test(rest)) return make('dash', BULLETS[m[1] ?? '-'] ?? '-', rest);
    return null;
  }
  if ((m = RE.roman.exec(text)) && fromRoman(m[1] ?? '') !== null) return make('roman', m[1] ?? '', m[2]);
  if (options.bare && (m = RE.romanBare.exec(text)) && fromRoman(m[1] ?? '') !== null) return make('roman', m[1] ?? '', m[2]);
  if ((m = RE.arabic.exec(text))) {
    const label = m[1] ?? '';
    const dotted = label.includes('.');
    if (m[2] || dotted || options.bare) return make('arabic', label, m[3], label.split('.').length);
  }
  if ((m = RE.arabicTight.exec(text))) {
    const label = m[1] ?? '';
    return make('arabic', label, m[2], label.split('.').length);
  }
  if ((m = RE.letter.exec(text))) return make('letter', m[1] ?? '', m[2]);
  // A TT cell holding only "a", "b": a task lettered under its group.
  if (options.bare && (m = RE.letterBare.exec(text))) return make('letter', m[1] ?? '', '');
  if ((m = RE.group.exec(text))) return make('group', m[1] ?? '', m[2]);
  if (options.bare && (m = RE.groupBare.exec(text))) return make('group', m[1] ?? '', m[2]);
  return null;
}

/**
 * Nesting rank of a label: a label nests under the nearest earlier label of a lower rank.
 * Decree 30 order: A > I > 1 > 1.1 > a > - > +.
 */
export function labelRank(label: NumberLabel): number {
  switch (label.kind) {
    case 'group': return 0;
    case 'roman': return 1;
    case 'arabic': return 1 + label.depth;
    case 'letter': return 10;
    case 'dash': return label.label === '-' ? 11 : 12;
  }
}

/** Vietnamese text helpers shared by every module. */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings in Vietnamese order. Example: `names.sort(compareVi)`. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

// ---- Vietnamese sort keys: SQL `order by` in dictionary order on both engines.
const VI_LETTERS = [...'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz'];
const LETTER_CODE = new Map(VI_LETTERS.map((l, i) => [l, String.fromCharCode(98 + Math.floor(i / 26), 97 + (i % 26))]));
/** Letter-forming marks (ă â ê ô ơ ư) stay with the letter; tone marks sort after the letters. */
const LETTER_MARKS = /[\u0302\u0306\u031b]/g;
const TONE_MARKS = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323']; // huyền, hỏi, ngã, sắc, nặng

/**
 * A key whose byte order is Vietnamese dictionary order (a ă â b … d đ e ê …; tones only break
 * ties: a à ả ã á ạ), made of [0-9a-z] only so any collation sorts it the same. Example: names
 * ordered by `viSortKey(name)` put "Đăng ký" after "Duyệt" and before "Tặng". Spaces and
 * punctuation sort before numbers and letters, numbers by value, letters outside the Vietnamese
 * alphabet after the others.
 */
export function viSortKey(text: string): string {
  let primary = '';
  let tones = '';
  // Numbers compare by value: a run of digits is its length, then its digits ("2" before "10").
  const chars = normalizeText(text).toLowerCase().replace(/\d+/g, (run) => `\u0000${run.replace(/^0+(?=\d)/, '').slice(0, 35)}\u0000`);
  for (const part of chars.split('\u0000')) {
    if (/^\d+$/.test(part)) {
      primary += `a${part.length.toString(36)}${part}`;
      continue;
    }
    for (const ch of part) {
      const parts = ch.normalize('NFD');
      const letter = (parts[0]! + (parts.slice(1).match(LETTER_MARKS)?.join('') ?? '')).normalize('NFC');
      const code = LETTER_CODE.get(letter);
      if (code) {
        primary += code;
        tones += String(TONE_MARKS.findIndex((t) => parts.includes(t)) + 1);
      } else if (/[\p{L}\p{N}]/u.test(ch)) primary += `zz${ch.codePointAt(0)!.toString(36).padStart(4, '0')}`;
      else primary += '02';
    }
  }
  // '00' ends the letters: a shorter name sorts first whatever its tones; then tones break ties.
  return `${primary}00${tones}`;
}

/** Stores text as NFC with trimmed, single-spaced runs. Example: `normalizeText(' Ban  Dân tộc ')`. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Folds case and diacritics, đ→d included, for search keys. Example: `foldVi('Đăng ký') === 'dang ky'`. */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** dd/mm/yyyy in Vietnam's time zone. Example: `formatDateVi('2024-02-05') === '05/02/2024'`. */
export function formatDateVi(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return dateFormat.format(typeof value === 'string' ? new Date(value) : value);
}

/** dd/mm/yyyy HH:mm in Vietnam's time zone. */
export function formatDateTimeVi(value: string | Date): string {
  return dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value).replace(',', '');
}

// Built once: constructing an Intl formatter costs more than formatting with it.
const isoDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in Vietnam's time zone. */
export function todayVi(now: Date = new Date()): string {
  return isoDateFormat.format(now);
}

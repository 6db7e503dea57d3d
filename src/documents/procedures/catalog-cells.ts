/**
 * The syntax of one cell of the procedure catalog template, both ways: how text is normalised,
 * how a multi-valued cell splits into items, how a dossier line carries its counts, how the
 * processing days and the online-service level are written. The reader (catalog-rows.ts) and the
 * writer (catalog-export.ts) both use these functions, so what one writes the other reads back.
 */
import { foldVi } from '../../platform/vi-text.ts';
import { ONLINE_LEVELS, type OnlineLevel } from '../../modules/procedures/procedure-data.ts';

type DossierItemValue = { name: string; originals: number; copies: number };

// Control characters (except tab and line breaks) are not valid in XLSX/XML and never meant.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
/** List bullets people type before items ("- Luật …", "+ Bước 1", "• …"): not part of the item. */
const BULLETS = /^(?:[-+•–*·]\s+)+/u;

/** A single-line field: NFC, control characters dropped, every whitespace run (line breaks too) one space, trimmed. */
export function singleLine(text: string): string {
  return text.normalize('NFC').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/**
 * A multi-line text field: NFC, each line single-spaced and trimmed, no blank lines at either
 * end and at most one blank line between paragraphs. Example: `multiLine(' a \r\n\r\n\r\n b')` is `'a\n\nb'`.
 */
export function multiLine(text: string): string {
  const lines = text.normalize('NFC').replace(CONTROL, '').split(LINE_BREAK).map((line) => line.replace(/\s+/g, ' ').trim());
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

/** One item of a multi-valued cell: single-line, without a leading bullet. */
export function listItem(text: string): string {
  return singleLine(text).replace(BULLETS, '');
}

/** A multi-valued cell (steps, forms, legal basis): one item per line, empty lines dropped. */
export function splitList(text: string): string[] {
  return text.split(LINE_BREAK).map(listItem).filter((item) => item !== '');
}

export function joinList(items: readonly string[]): string {
  return items.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Dossier components: `Tên giấy tờ (bản chính: 1, bản sao: 0)`, one per line.

const CANONICAL_COUNTS = /^(.*)\(\s*bản\s+chính\s*:\s*(\d+)\s*[,;]\s*bản\s+sao\s*:\s*(\d+)\s*\)$/iu;
/** "01 bản chính", "Bản chính: 1", "bản chính 01" (and the same for "bản sao"), anywhere in the line. */
const COUNT_PHRASE = /(\d+)\s*bản\s+(chính|sao)|bản\s+(chính|sao)\s*[:：]?\s*(\d+)/giu;
const NAME_TAIL = /[\s:;,.\-–(]+$/u;

export type DossierParse = { item: DossierItemValue; warning?: string } | { error: string };

/** The documented form of a dossier line: `Tên giấy tờ (bản chính: 1, bản sao: 0)`. */
export function formatDossierLine(item: DossierItemValue): string {
  return `${item.name} (bản chính: ${item.originals}, bản sao: ${item.copies})`;
}

/**
 * Reads one dossier line. Besides the documented form it accepts the counts as people write them:
 * "Tờ khai (01 bản chính, 01 bản sao)", "Tờ khai: 01 bản chính", "Tờ khai. Bản chính: 1; Bản sao: 1".
 * A line without any count is one original, or one copy when it starts with "Bản sao", with a warning.
 */
export function parseDossierLine(line: string): DossierParse {
  // The documented form first, before any bullet is dropped: the name may be "-" itself.
  const canonical = CANONICAL_COUNTS.exec(singleLine(line));
  const text = listItem(line);
  if (canonical) {
    const name = listItem(canonical[1]!);
    if (name === '') return { error: `Thiếu tên giấy tờ trong "${text}"` };
    return { item: { name, originals: Number(canonical[2]), copies: Number(canonical[3]) } };
  }
  const phrases = [...text.matchAll(COUNT_PHRASE)];
  if (phrases.length === 0) {
    const copy = /^bản\s+sao\b/iu.test(text);
    return {
      item: { name: text, originals: copy ? 0 : 1, copies: copy ? 1 : 0 },
      warning: `Giấy tờ "${text}" không ghi số bản; coi là 1 ${copy ? 'bản sao' : 'bản chính'}`,
    };
  }
  let originals = 0;
  let copies = 0;
  for (const m of phrases) {
    const kind = foldVi(m[2] ?? m[3] ?? '');
    const count = Number(m[1] ?? m[4]);
    if (kind === 'chinh') originals = count;
    else copies = count;
  }
  const name = text.slice(0, phrases[0]!.index).replace(NAME_TAIL, '');
  if (name === '') return { error: `Thiếu tên giấy tờ trong "${text}"` };
  return { item: { name, originals, copies } };
}

// ---------------------------------------------------------------------------------------------
// Processing days: "15", "15,5", "15 ngày", "15 ngày làm việc".

export type NumberParse = { value: number | null } | { error: string };

/** Written the Vietnamese way, with a decimal comma: `formatDays(15.5) === '15,5'`. */
export function formatDays(days: number | null): string {
  return days === null ? '' : String(days).replace('.', ',');
}

/**
 * Reads processing days. A comma is the decimal mark; a dot followed by exactly three digits
 * groups thousands (Vietnamese style), any other dot is a decimal mark. A trailing "ngày …" is
 * allowed. Empty is `null`.
 */
export function parseDays(text: string): NumberParse {
  const folded = foldVi(singleLine(text));
  if (folded === '') return { value: null };
  const m = /^(\d+(?:[.,]\d+)*)\s*(?:ngay\b.*)?$/.exec(folded);
  const value = m ? parseNumber(m[1]!) : null;
  if (value === null) return { error: `"${singleLine(text)}" không phải số ngày hợp lệ (ví dụ: 15, 15,5 hoặc 15 ngày)` };
  return { value };
}

function parseNumber(digits: string): number | null {
  let plain: string;
  if (digits.includes(',')) {
    const [whole, ...fraction] = digits.split(',');
    if (fraction.length !== 1 || !/^\d{1,3}(\.\d{3})*$|^\d+$/.test(whole!)) return null;
    plain = `${whole!.replace(/\./g, '')}.${fraction[0]}`;
  } else if (/^\d{1,3}(\.\d{3})+$/.test(digits)) {
    plain = digits.replace(/\./g, '');
  } else if ((digits.match(/\./g) ?? []).length <= 1) {
    plain = digits;
  } else {
    return null;
  }
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

// ---------------------------------------------------------------------------------------------
// Online-service level: "Toàn trình", "Một phần" or empty.

export type OnlineLevelParse = { value: OnlineLevel | null } | { error: string };

export function formatOnlineLevel(level: OnlineLevel | null): string {
  return level === null ? '' : ONLINE_LEVELS[level];
}

/**
 * Reads the online-service level, diacritics optional. Also accepts the codes `full`/`partial`
 * and the former levels: "mức độ 4" is toàn trình, "mức độ 3" một phần. "Không" is empty.
 */
export function parseOnlineLevel(text: string): OnlineLevelParse {
  const folded = foldVi(singleLine(text)).replace(/[^a-z0-9]+/g, ' ').trim();
  if (folded === '' || folded === 'khong' || folded === 'khong co') return { value: null };
  if (folded === 'full' || folded.includes('toan trinh') || /^(muc do )?4$/.test(folded)) return { value: 'full' };
  if (folded === 'partial' || folded.includes('mot phan') || /^(muc do )?3$/.test(folded)) return { value: 'partial' };
  return { error: `Mức độ DVC trực tuyến "${singleLine(text)}" không hợp lệ: chỉ nhận "Toàn trình", "Một phần" hoặc để trống` };
}

// ---------------------------------------------------------------------------------------------

/**
 * Why a code may have been mangled by a spreadsheet (it is kept as written either way): a real
 * code has six digits after the first dot (`1.004947`), and Excel turns such text into a number
 * that loses trailing zeros, a decimal comma, an exponent or a date.
 */
export function codeWarning(code: string): string | undefined {
  const why = /^\d+\.\d{1,5}$/.test(code) ? 'có ít hơn 6 chữ số sau dấu chấm'
    : /^\d+,\d+$/.test(code) ? 'có dấu phẩy thập phân'
      : /^[\d.,]+e[+-]?\d+$/i.test(code) ? 'ở dạng số mũ'
        : /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(code) ? 'ở dạng ngày tháng'
          : undefined;
  return why && `Mã thủ tục "${code}" ${why}: có thể bảng tính đã đổi mã thành số; mã chuẩn có dạng 1.004947 (hãy định dạng cột là Văn bản)`;
}

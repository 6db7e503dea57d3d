/** Vietnamese text helpers shared by every module. */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings in Vietnamese order. Example: `names.sort(compareVi)`. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
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

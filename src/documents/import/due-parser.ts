/**
 * Deadlines as Vietnamese plans write them ("T2/2024", "Quý II/2024", "Trước ngày 30/6/2024",
 * "Cả năm 2024", "Thường xuyên") turned into a ParsedDue whose `end` is the last day allowed.
 * Matching runs on folded text (no case, no diacritics, đ→d) so "QUÝ", "quý" and "quy" agree.
 * Anything not understood gives null: the importer keeps the text and flags the task.
 */
import { foldVi } from '../../platform/vi-text.ts';
import type { ParsedDue } from '../plan-document.ts';

export interface DueContext {
  /** The plan's year, for deadlines written without one ("Tháng 2", "Quý IV", "Cả năm"). */
  year?: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Days in a month; month is 1-based. Day 0 of the next month is the last day of this one. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO date, or null when the day does not exist (31/2) or the year is implausible. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthEnd(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

const QUARTERS: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Words in front of a deadline that do not change it ("Trước ngày", "Chậm nhất", "Trong"). */
const LEAD_IN = /^(?:(?:hoan thanh|thuc hien|cham nhat(?: la| vao)?|truoc|den|han chot|han|het|trong suot|trong|vao|cuoi)\s+)+/;

/** Year written after a month or quarter: "/2024", "-2024", " năm 2024", " 2024". */
const YEAR_TAIL = String.raw`(?:\s*[/.-]\s*|\s+nam\s+|\s+)(\d{4})`;

const RE = {
  dateNumeric: /^(?:ngay\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/,
  dateWords: /^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:nam\s+|[/.-]\s*)(\d{4})$/,
  dayMonth: /^(?:ngay\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})$/,
  month: new RegExp(String.raw`^(?:t|thang)\s*(\d{1,2})(?:${YEAR_TAIL})?$`),
  monthBare: /^(\d{1,2})\s*[/.-]\s*(\d{4})$/,
  quarter: new RegExp(String.raw`^quy\s*(iv|i{1,3}|[1-4])(?:${YEAR_TAIL})?$`),
  half: /^(?:6 thang|nua)\s+(dau|cuoi)\s+nam(?:\s*[/.-]?\s*(\d{4}))?$/,
  year: /^(?:(?:ca|suot)\s+)?nam(?:\s*[/.-]?\s*(\d{4}))?$/,
  yearBare: /^(\d{4})$/,
  recurring: /^(?:ngay\s+\d{1,2}\s+)?(thuong xuyen(?:\s*,?\s*lien tuc)?|lien tuc|hang ngay|hang tuan|hang thang|hang quy|hang nam|hang 6 thang|6 thang (?:mot|1) lan|dinh ky(?: hang)? (?:thang|quy|nam|6 thang))(?:\s*[,;-]?\s*(?:(?:trong|ca|suot)\s+)?(?:nam\s*)?(\d{4})?)?$/,
};

function fold(text: string): string {
  return foldVi(text.normalize('NFC'))
    .replace(/[–—−]/g, '-')
    .replace(/["“”'‘’()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.;,:]+$/, '')
    .replace(LEAD_IN, '');
}

function num(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

function validYear(year: number | null | undefined): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function dateDue(year: number, month: number, day: number): ParsedDue | null {
  const date = isoDate(year, month, day);
  return date ? { kind: 'date', date, end: date } : null;
}

function monthDue(year: number | null, month: number): ParsedDue | null {
  if (!validYear(year) || month < 1 || month > 12) return null;
  return { kind: 'month', year, month, end: monthEnd(year, month) };
}

function recurringEvery(phrase: string): 'continuous' | 'month' | 'quarter' | 'half' | 'year' {
  if (phrase.includes('6 thang')) return 'half';
  if (phrase.includes('thang')) return 'month';
  if (phrase.includes('quy')) return 'quarter';
  if (phrase.includes('nam')) return 'year';
  // Daily and weekly work is as good as continuous at the granularity of reports.
  return 'continuous';
}

/**
 * Parses a deadline cell. Example: `parseDue('Quý II/2024')` →
 * `{ kind: 'quarter', year: 2024, quarter: 2, end: '2024-06-30' }`; `parseDue('Tháng 2', { year: 2024 })`
 * → the month of February 2024 ending 2024-02-29. Returns null for anything else, never throws.
 */
export function parseDue(text: string, context: DueContext = {}): ParsedDue | null {
  if (typeof text !== 'string' || text.length > 200) return null;
  const s = fold(text);
  if (!s) return null;
  return parseFolded(s, context) ?? parseRange(s, context);
}

/**
 * A span ("Tháng 3 - 6/2024", "Từ quý I đến quý II/2024") is due when its last period ends: the
 * right side is parsed, borrowing the left side's unit word when it has none ("quý I-II/2024").
 */
function parseRange(s: string, context: DueContext): ParsedDue | null {
  const m = /^(?:tu\s+)?(.+?)\s*(?:\s-\s|-|\sden\s|\stoi\s)\s*(.+)$/.exec(s);
  if (!m?.[1] || !m[2]) return null;
  const unit = /^(thang|quy|t)\s*/.exec(m[1])?.[1];
  const right = unit && !/^(thang|quy|t\d|ngay|nam|\d{1,2}\s*[/.-]\s*\d{4})/.test(m[2]) ? `${unit} ${m[2]}` : m[2];
  const end = parseFolded(right.replace(LEAD_IN, ''), context);
  // "Tháng 3 - 6/2024": the left side takes its year from the right side.
  const year = context.year ?? (end && 'year' in end ? end.year : end?.kind === 'date' ? Number(end.date.slice(0, 4)) : undefined);
  const left = parseFolded(m[1].replace(LEAD_IN, ''), year === undefined ? context : { year });
  // Only a span of the same kind of period, in order, is a span; anything else stays unread.
  if (!end || !left || left.kind !== end.kind || (left.end ?? '') > (end.end ?? '')) return null;
  return end;
}

function parseFolded(s: string, context: DueContext): ParsedDue | null {
  const ctxYear = validYear(context.year) ? context.year : null;
  let m: RegExpExecArray | null;

  if ((m = RE.recurring.exec(s))) {
    const year = num(m[2]) ?? ctxYear;
    const every = recurringEvery(m[1] ?? '');
    if (validYear(year)) return { kind: 'recurring', every, year, end: `${year}-12-31` };
    return m[2] !== undefined ? null : { kind: 'recurring', every, end: null };
  }
  if ((m = RE.dateNumeric.exec(s)) || (m = RE.dateWords.exec(s))) {
    return dateDue(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  if ((m = RE.dayMonth.exec(s))) {
    return ctxYear === null ? null : dateDue(ctxYear, Number(m[2]), Number(m[1]));
  }
  if ((m = RE.month.exec(s))) return monthDue(num(m[2]) ?? ctxYear, Number(m[1]));
  if ((m = RE.monthBare.exec(s))) return monthDue(Number(m[2]), Number(m[1]));
  if ((m = RE.quarter.exec(s))) {
    const year = num(m[2]) ?? ctxYear;
    const quarter = QUARTERS[m[1] ?? ''];
    if (!validYear(year) || !quarter) return null;
    return { kind: 'quarter', year, quarter, end: monthEnd(year, quarter * 3) };
  }
  if ((m = RE.half.exec(s))) {
    const year = num(m[2]) ?? ctxYear;
    if (!validYear(year)) return null;
    const half = m[1] === 'dau' ? 1 : 2;
    return { kind: 'half', year, half, end: half === 1 ? `${year}-06-30` : `${year}-12-31` };
  }
  if ((m = RE.year.exec(s)) || (m = RE.yearBare.exec(s))) {
    const year = num(m[1]) ?? ctxYear;
    return validYear(year) ? { kind: 'year', year, end: `${year}-12-31` } : null;
  }
  return null;
}

/** First day of the period a deadline covers (for checks such as "end is never before start"). */
export function dueStart(due: ParsedDue): string | null {
  switch (due.kind) {
    case 'date': return due.date;
    case 'month': return `${due.year}-${pad(due.month)}-01`;
    case 'quarter': return `${due.year}-${pad(due.quarter * 3 - 2)}-01`;
    case 'half': return `${due.year}-${due.half === 1 ? '01' : '07'}-01`;
    case 'year': return `${due.year}-01-01`;
    case 'recurring': return due.year === undefined ? null : `${due.year}-01-01`;
  }
}

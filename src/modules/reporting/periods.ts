/**
 * Reporting periods and their default cut-offs (Decree 09/2019/NĐ-CP, art. 12): a month runs
 * from the 15th of the previous month to the 14th; a quarter from the 15th of the month before
 * it to the 14th of its last month; the first half from 15/12 of the previous year to 14/6; the
 * year from 15/12 of the previous year to 14/12. Every date stays editable per period.
 */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface PeriodDefaults {
  kind: PeriodKind;
  code: string;
  label: string;
  start: string;
  end: string;
  submitDue: string;
  lockDate: string;
}

/** Cut-off day of the month; the issue asks for it to be configurable, so callers may pass another. */
export const DEFAULT_CUTOFF_DAY = 14;
/** Units submit this many days after the period ends; the coordinator locks later. */
export const DEFAULT_SUBMIT_DAYS = 2;
export const DEFAULT_LOCK_DAYS = 10;

const ROMAN = ['I', 'II', 'III', 'IV'];

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Parses a period code: "2024-03" (month), "2024-Q1", "2024-H1" / "2024-H2", "2024" (year). */
export function parsePeriodCode(code: string): { kind: PeriodKind; year: number; index: number } | null {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/i.exec(code.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year, index: month } : null;
  }
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]) };
  if (m[4]) return { kind: 'half', year, index: Number(m[4]) };
  return { kind: 'year', year, index: 1 };
}

/** The default dates of a period. Example: `periodDefaults('2024-Q1')` → 15/12/2023 … 14/03/2024. */
export function periodDefaults(code: string, cutoffDay = DEFAULT_CUTOFF_DAY): PeriodDefaults | null {
  const p = parsePeriodCode(code);
  if (!p) return null;
  const startDay = cutoffDay + 1;
  let start: string;
  let end: string;
  let label: string;
  let canonical: string;
  switch (p.kind) {
    case 'month':
      start = iso(p.year, p.index - 1, startDay);
      end = iso(p.year, p.index, cutoffDay);
      label = `Tháng ${p.index}/${p.year}`;
      canonical = `${p.year}-${String(p.index).padStart(2, '0')}`;
      break;
    case 'quarter':
      start = iso(p.year, (p.index - 1) * 3, startDay);
      end = iso(p.year, p.index * 3, cutoffDay);
      label = `Quý ${ROMAN[p.index - 1]}/${p.year}`;
      canonical = `${p.year}-Q${p.index}`;
      break;
    case 'half':
      start = p.index === 1 ? iso(p.year - 1, 12, startDay) : iso(p.year, 6, startDay);
      end = p.index === 1 ? iso(p.year, 6, cutoffDay) : iso(p.year, 12, cutoffDay);
      label = p.index === 1 ? `6 tháng đầu năm ${p.year}` : `6 tháng cuối năm ${p.year}`;
      canonical = `${p.year}-H${p.index}`;
      break;
    case 'year':
      start = iso(p.year - 1, 12, startDay);
      end = iso(p.year, 12, cutoffDay);
      label = `Năm ${p.year}`;
      canonical = String(p.year);
      break;
  }
  return { kind: p.kind, code: canonical, label, start, end, submitDue: addDays(end, DEFAULT_SUBMIT_DAYS), lockDate: addDays(end, DEFAULT_LOCK_DAYS) };
}

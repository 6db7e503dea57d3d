import type { PeriodKind } from '../../reporting-types';

/**
 * The default dates of a reporting period, as the server computes them (Decree 09/2019/NĐ-CP,
 * src/modules/reporting/periods.ts): cut-off on the 14th; a month runs 15th → 14th, Q1 from
 * 15/12 of the year before to 14/03; units submit 2 days after the end, the period locks after 10.
 */
export interface PeriodDates {
  startDate: string;
  endDate: string;
  submitDue: string;
  lockDate: string;
}

export const PERIOD_KINDS: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: 'Tháng' },
  { value: 'quarter', label: 'Quý' },
  { value: 'half', label: '6 tháng' },
  { value: 'year', label: 'Năm' },
];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: 'Tháng', quarter: 'Quý', half: '6 tháng', year: 'Năm' };

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The choices of "Kỳ" for a kind: months 1–12, quarters I–IV, the two halves; none for a year. */
export function periodIndexes(kind: PeriodKind): { value: number; label: string }[] {
  if (kind === 'month') return Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `Tháng ${i + 1}` }));
  if (kind === 'quarter') return ROMAN.map((r, i) => ({ value: i + 1, label: `Quý ${r}` }));
  if (kind === 'half') return [{ value: 1, label: '6 tháng đầu năm' }, { value: 2, label: '6 tháng cuối năm' }];
  return [];
}

/** The API's period code: 2024-03, 2024-Q1, 2024-H1, 2024. */
export function periodCode(kind: PeriodKind, year: number, index: number): string {
  if (kind === 'month') return `${year}-${String(index).padStart(2, '0')}`;
  if (kind === 'quarter') return `${year}-Q${index}`;
  if (kind === 'half') return `${year}-H${index}`;
  return String(year);
}

const CUTOFF = 14;
const SUBMIT_DAYS = 2;
const LOCK_DAYS = 10;

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function periodDefaults(kind: PeriodKind, year: number, index: number): PeriodDates {
  let start: string;
  let end: string;
  if (kind === 'month') [start, end] = [iso(year, index - 1, CUTOFF + 1), iso(year, index, CUTOFF)];
  else if (kind === 'quarter') [start, end] = [iso(year, (index - 1) * 3, CUTOFF + 1), iso(year, index * 3, CUTOFF)];
  else if (kind === 'half') [start, end] = index === 1 ? [iso(year - 1, 12, CUTOFF + 1), iso(year, 6, CUTOFF)] : [iso(year, 6, CUTOFF + 1), iso(year, 12, CUTOFF)];
  else [start, end] = [iso(year - 1, 12, CUTOFF + 1), iso(year, 12, CUTOFF)];
  return { startDate: start, endDate: end, submitDue: addDays(end, SUBMIT_DAYS), lockDate: addDays(end, LOCK_DAYS) };
}

import type { ProcessingResult } from '../../../procedure-types';

export type Figures = ProcessingResult['figures'];
export type FigureKey = keyof Figures;

/** The eleven figures in the order the one-stop software's reports show them, with the template's column titles. */
export const FIGURES: readonly { key: FigureKey; label: string; short: string }[] = [
  { key: 'carriedOver', label: 'Tồn kỳ trước', short: 'Tồn kỳ trước' },
  { key: 'receivedOnline', label: 'Tiếp nhận trực tuyến', short: 'Trực tuyến' },
  { key: 'receivedInPerson', label: 'Tiếp nhận trực tiếp', short: 'Trực tiếp' },
  { key: 'receivedPostal', label: 'Tiếp nhận qua BCCI', short: 'BCCI' },
  { key: 'settledEarly', label: 'Giải quyết trước hạn', short: 'Trước hạn' },
  { key: 'settledOnTime', label: 'Giải quyết đúng hạn', short: 'Đúng hạn' },
  { key: 'settledLate', label: 'Giải quyết quá hạn', short: 'Quá hạn' },
  { key: 'pendingWithin', label: 'Đang giải quyết trong hạn', short: 'Trong hạn' },
  { key: 'pendingOverdue', label: 'Đang giải quyết quá hạn', short: 'Quá hạn' },
  { key: 'returned', label: 'Trả lại', short: 'Trả lại' },
  { key: 'withdrawn', label: 'Rút hồ sơ', short: 'Rút hồ sơ' },
];

export const EMPTY_FIGURES = Object.fromEntries(FIGURES.map((f) => [f.key, 0])) as Figures;

/** The indicators of a month's figures, as the server computes them (src/modules/service-stats/rates.ts). */
export function indicatorsOf(f: Figures) {
  const received = f.receivedOnline + f.receivedInPerson + f.receivedPostal;
  const settled = f.settledEarly + f.settledOnTime + f.settledLate;
  const pending = f.pendingWithin + f.pendingOverdue;
  const difference = settled + pending + f.returned + f.withdrawn - (f.carriedOver + received);
  return {
    received,
    settled,
    pending,
    onTimeRate: settled === 0 ? null : (f.settledEarly + f.settledOnTime) / settled,
    onlineRate: received === 0 ? null : f.receivedOnline / received,
    balanced: difference === 0,
    difference,
  };
}

/** "03/2024" for "2024-03". */
export function monthText(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

/** The current month in Vietnam, YYYY-MM. */
export function currentMonth(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** The balance in words: what came in (carried over + received) against what went out. */
export function balanceText(difference: number): string {
  return difference > 0 ? `thừa ${difference} hồ sơ so với tồn + tiếp nhận` : `thiếu ${-difference} hồ sơ so với tồn + tiếp nhận`;
}

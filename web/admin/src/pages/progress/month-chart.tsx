import { formatNumber } from '../../format';
import type { MonthProgress } from '../../reporting-types';

/** The twelve months of the plan's year, missing ones as zero. */
function yearMonths(year: number, months: readonly MonthProgress[]): MonthProgress[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    return months.find((m) => m.month === month) ?? { month, evidence: 0, totals: {} };
  });
}

/** Evidence recorded per month as plain CSS bars (no chart library), with the figures as text. */
export function MonthChart({ year, months }: { year: number; months: readonly MonthProgress[] }) {
  const rows = yearMonths(year, months);
  const max = Math.max(1, ...rows.map((m) => m.evidence));
  return (
    <figure className="month-chart" aria-label={`Số minh chứng theo tháng năm ${year}`}>
      {rows.map((m) => {
        const label = `Tháng ${Number(m.month.slice(5))}`;
        return (
          <div className="month-bar" key={m.month} title={`${label}: ${formatNumber(m.evidence)} minh chứng`}>
            <span className="month-bar-value">{m.evidence || ''}</span>
            <div className="month-bar-fill" style={{ height: `${(m.evidence / max) * 100}%` }} aria-hidden />
            <span className="month-bar-label">
              <span className="sr-only">{`${label}: ${m.evidence} minh chứng`}</span>
              <span aria-hidden>T{Number(m.month.slice(5))}</span>
            </span>
          </div>
        );
      })}
    </figure>
  );
}

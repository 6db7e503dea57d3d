import { compareVi } from '../../platform/vi-text.ts';

/** A unit report as the reporting module lists it for a period. */
export interface UnitReportLine {
  unitName: string;
  status: string;
  late: boolean;
  submittedAt: string | null;
}

/** A reporting period with its unit reports and its consolidated report (null: not issued). */
export interface PeriodReports {
  period: { id: string; label: string; submitDue: string; lockDate: string };
  reports: UnitReportLine[];
  consolidated: { numberText: string; signDate: string } | null;
}

export interface LateReport {
  periodId: string;
  periodLabel: string;
  /** The unit whose report is late; null for the agency's consolidated report. */
  unitName: string | null;
  /** `late`: submitted after the due date; `missing`: not submitted (or returned) after it. */
  reason: 'late' | 'missing';
  due: string;
  submittedAt: string | null;
}

export interface Punctuality {
  due: number;
  onTime: number;
  late: number;
  missing: number;
  /** Unit reports submitted by the period's due date over unit reports due (null: none due yet). */
  rate: number | null;
  lateReports: LateReport[];
}

const SUBMITTED = new Set(['submitted', 'accepted']);

/**
 * On-time reporting of one agency on `asOf`: only periods whose due date has passed count. A unit
 * report is on time when submitted and not flagged late by the reporting module (which compares
 * its submission with the period's due date); a consolidated report not issued after the
 * period's lock date is listed as missing, not counted in the rate.
 */
export function reportingPunctuality(periods: readonly PeriodReports[], asOf: string): Punctuality {
  const out: Punctuality = { due: 0, onTime: 0, late: 0, missing: 0, rate: null, lateReports: [] };
  for (const { period, reports, consolidated } of periods) {
    if (period.submitDue >= asOf) continue;
    for (const r of reports) {
      out.due += 1;
      const submitted = SUBMITTED.has(r.status);
      if (submitted && !r.late) {
        out.onTime += 1;
        continue;
      }
      if (submitted) out.late += 1;
      else out.missing += 1;
      out.lateReports.push({ periodId: period.id, periodLabel: period.label, unitName: r.unitName, reason: submitted ? 'late' : 'missing', due: period.submitDue, submittedAt: r.submittedAt });
    }
    if (!consolidated && period.lockDate < asOf) {
      out.lateReports.push({ periodId: period.id, periodLabel: period.label, unitName: null, reason: 'missing', due: period.lockDate, submittedAt: null });
    }
  }
  out.rate = out.due === 0 ? null : out.onTime / out.due;
  return out;
}

/**
 * Competition ranks ("1, 2, 2, 4") of a rate, highest first; rows without a rate get no rank.
 * Example: `ranks([0.5, null, 0.9, 0.5])` → `[2, null, 1, 2]`.
 */
export function ranks(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

/** Ranking order: by plan completion rank, then on-time rank, unranked last, then by name. */
export function compareRanked(a: { completionRank: number | null; onTimeRank: number | null; name: string }, b: typeof a): number {
  const byRank = (x: number | null, y: number | null) => (x ?? Number.MAX_SAFE_INTEGER) - (y ?? Number.MAX_SAFE_INTEGER);
  return byRank(a.completionRank, b.completionRank) || byRank(a.onTimeRank, b.onTimeRank) || compareVi(a.name, b.name);
}

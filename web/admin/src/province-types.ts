import type { ReportStatus } from './reporting-types';

/** Shapes of /api/oversight/… (the overseer's province view); mirrors src/modules/oversight/schema.ts. */

export interface PlanRef {
  id: string;
  title: string;
  numberText: string | null;
  status: string;
}

export interface AgencyRow {
  agencyId: string;
  name: string;
  isDemo: boolean;
  plan: PlanRef | null;
  completionRate: number | null;
  tasksDue: number;
  tasksDoneOnTime: number;
  reportsDue: number;
  reportsOnTime: number;
  reportsLate: number;
  reportsMissing: number;
  onTimeRate: number | null;
}

export interface LateReport {
  periodId: string;
  periodLabel: string;
  /** null: the agency's consolidated report. */
  unitName: string | null;
  reason: 'late' | 'missing';
  due: string;
  submittedAt: string | null;
}

export interface ProvinceView {
  provinceCode: string | null;
  provinceName: string | null;
  year: number;
  asOf: string;
  agencies: (AgencyRow & { completionRank: number | null; onTimeRank: number | null })[];
  lateReports: (LateReport & { agencyId: string; agencyName: string })[];
}

export interface OverseenPeriod {
  period: { id: string; label: string; code: string; startDate: string; endDate: string; submitDue: string; lockDate: string; status: string };
  reports: { unitId: string; unitName: string; status: ReportStatus; statusLabel: string; late: boolean; submittedAt: string | null }[];
  consolidated: { numberText: string; signDate: string } | null;
}

export interface OverseenAgency extends AgencyRow {
  year: number;
  asOf: string;
  lateReports: LateReport[];
  plans: (PlanRef & { year: number })[];
  periods: OverseenPeriod[];
}

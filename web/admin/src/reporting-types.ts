// Shapes of the evidence, progress and reporting APIs (server: src/modules/evidence/schema.ts,
// src/modules/reporting/service.ts, src/documents/report-document.ts).

export interface EvidenceVocabulary {
  /** kind code → label: article → "Tin, bài trên Cổng TTĐT". */
  kinds: Record<string, string>;
  /** measure code → label: participants → "Lượt người tham dự". */
  measures: Record<string, string>;
}

export interface EvidenceFile {
  id: string;
  name: string;
  size: number;
  mime: string;
}

export interface Evidence {
  id: string;
  planId: string;
  kind: string;
  date: string;
  unitId: string | null;
  title: string;
  description: string | null;
  link: string | null;
  quantities: Record<string, number>;
  taskIds: string[];
  files: EvidenceFile[];
  source: { type: string; id: string } | null;
  status: 'active' | 'withdrawn';
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  isDemo: boolean;
  createdAt: string;
}

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'overdue' | 'at_risk';

export interface TaskProgress {
  taskId: string;
  code: string | null;
  content: string;
  leadUnitId: string | null;
  leadText: string;
  dueText: string;
  dueEnd: string | null;
  status: TaskStatus;
  achieved: Record<string, number>;
  targets: { measure: string; quantity: number; achieved: number }[];
  evidenceCount: number;
  doneOn: string | null;
}

export interface UnitProgress {
  unitId: string;
  name: string;
  tasks: number;
  done: number;
  overdue: number;
  evidence: number;
}

export interface MonthProgress {
  /** YYYY-MM */
  month: string;
  evidence: number;
  totals: Record<string, number>;
}

export interface PlanProgress {
  planId: string;
  asOf: string;
  /** 0–1; null while no task is due yet. */
  completionRate: number | null;
  tasksDue: number;
  tasksDoneOnTime: number;
  byStatus: Record<TaskStatus, number>;
  totals: Record<string, number>;
  tasks: TaskProgress[];
  units: UnitProgress[];
  months: MonthProgress[];
}

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  id: string;
  planId: string;
  kind: PeriodKind;
  code: string;
  label: string;
  startDate: string;
  endDate: string;
  submitDue: string;
  lockDate: string;
  status: string;
  locked: boolean;
}

export type ReportStatus = 'not_started' | 'draft' | 'pending_approval' | 'submitted' | 'accepted' | 'returned';

export interface UnitReportSummary {
  unitId: string;
  unitName: string;
  status: ReportStatus;
  statusLabel: string;
  late: boolean;
  submittedAt: string | null;
}

export interface PeriodReports {
  period: Period;
  reports: UnitReportSummary[];
}

export interface ReportTask {
  taskId: string;
  code: string | null;
  content: string;
  role: 'lead' | 'coop';
  dueText: string;
  evidence: Evidence[];
  totals: Record<string, number>;
  narrative: string;
}

export interface ReportEvent {
  action: string;
  comment: string | null;
  actorName: string;
  at: string;
}

export interface UnitReport {
  id: string | null;
  periodId: string;
  unitId: string;
  status: Exclude<ReportStatus, 'not_started'>;
  statusLabel: string;
  late: boolean;
  submittedAt: string | null;
  editable: boolean;
  difficulties: string;
  proposals: string;
  tasks: ReportTask[];
  history: ReportEvent[];
}

/** The consolidated report document: the server's own type, shared so the two never drift. */
export type { ReportDocument } from '../../../src/documents/report-document';
import type { ReportDocument } from '../../../src/documents/report-document';

export interface Consolidated {
  final: boolean;
  numberText: string | null;
  document: ReportDocument;
}

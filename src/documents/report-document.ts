/**
 * The consolidated period report ("Báo cáo kết quả thực hiện Kế hoạch tuyên truyền cải cách
 * hành chính <kỳ>") as a document: built by the reporting module from evidence and unit
 * reports, printed by the Decree 30 writer (DOCX) and the annex writer (XLSX).
 */

export interface ReportEvidenceLine {
  date: string;
  title: string;
  unit: string | null;
  link: string | null;
  quantities: Record<string, number>;
}

export interface ReportTaskResult {
  code: string | null;
  content: string;
  lead: string;
  dueText: string;
  /** Vietnamese status label: "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn", "Có nguy cơ chậm". */
  status: string;
  /** measure code → quantity achieved in the period. */
  totals: Record<string, number>;
  /** unit short name → measure → quantity (the annex's task × unit × measure). */
  byUnit: Record<string, Record<string, number>>;
  /** What the units wrote about this task, "Phòng X: text". */
  narratives: string[];
  evidence: ReportEvidenceLine[];
}

export interface ReportDocument {
  /** "05/BC-BDT", or "/BC-BDT" while a draft. */
  numberText: string;
  /** Place and date of signing; null date prints blanks. */
  place: string;
  date: string | null;
  /** "Quý I/2024". */
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  /** The plan it reports on: "Kế hoạch số 05/KH-BDT ngày 05/02/2024 …" */
  planReference: string;
  title: string;
  /** Measure code → Vietnamese label (Tin, bài viết; Hội nghị; …), for printing totals. */
  measureLabels: Record<string, string>;
  /** Totals of the period over all tasks (each piece of evidence counted once). */
  totals: Record<string, number>;
  /** Completion rate of the plan at the period end (0–1), null when nothing is due yet. */
  completionRate: number | null;
  /** Results under the plan's group headings (appendix groups), in plan order. */
  groups: { code: string | null; title: string; tasks: ReportTaskResult[] }[];
  /** Each unit's difficulties and proposals. */
  units: { name: string; status: string; difficulties: string; proposals: string }[];
  /** Tasks due in the next period (content + due text). */
  nextTasks: { content: string; lead: string; dueText: string }[];
  recipients: string[];
  signer: { authority: string | null; title: string; name: string } | null;
  /** True while a draft: the writer may print "DỰ THẢO" on top. */
  draft: boolean;
}

import type { ReportDocument, ReportTaskResult } from '../../documents/report-document.ts';
import type { EvidenceView } from '../evidence/schema.ts';
import { MEASURES } from '../evidence/measures.ts';
import type { TaskRowView } from '../plans/schema.ts';
import { addDays } from './periods.ts';

export const STATUS_LABELS_VI: Record<string, string> = {
  done: 'Hoàn thành',
  in_progress: 'Đang thực hiện',
  not_started: 'Chưa thực hiện',
  overdue: 'Quá hạn',
  at_risk: 'Có nguy cơ chậm',
};

export interface ConsolidationInput {
  plan: { year: number; title: string; numberText: string | null; signDate: string | null; recipients: string[]; signer: ReportDocument['signer']; issuer: string | null; tasks: TaskRowView[] };
  period: { label: string; startDate: string; endDate: string };
  evidence: EvidenceView[];
  /** Task statuses as of the period end, from the evidence service's progress. */
  statuses: Map<string, string>;
  completionRate: number | null;
  unitNames: Map<string, string>;
  unitReports: { unitId: string; status: string; narratives: Record<string, string>; difficulties: string; proposals: string }[];
  numberText: string;
  place: string;
  date: string | null;
  agencyAbbreviation: string;
  draft: boolean;
}

/**
 * Builds the consolidated report from evidence and unit reports: every figure is a sum of
 * evidence in the period, so each can be traced back (the annex lists the evidence lines).
 */
export function buildReportDocument(input: ConsolidationInput): ReportDocument {
  const { plan, period, evidence } = input;
  const unitName = (id: string | null) => (id ? (input.unitNames.get(id) ?? 'Đơn vị khác') : 'Không rõ đơn vị');
  const totals: Record<string, number> = {};
  for (const e of evidence) for (const [m, q] of Object.entries(e.quantities)) totals[m] = (totals[m] ?? 0) + q;

  const resultOf = (t: TaskRowView): ReportTaskResult => {
    const mine = evidence.filter((e) => e.taskIds.includes(t.id));
    const taskTotals: Record<string, number> = {};
    const byUnit: Record<string, Record<string, number>> = {};
    for (const e of mine) {
      const u = (byUnit[unitName(e.unitId)] ??= {});
      for (const [m, q] of Object.entries(e.quantities)) {
        taskTotals[m] = (taskTotals[m] ?? 0) + q;
        u[m] = (u[m] ?? 0) + q;
      }
    }
    return {
      code: t.code,
      content: t.content,
      lead: t.lead.text,
      dueText: t.dueText,
      status: STATUS_LABELS_VI[input.statuses.get(t.id) ?? 'not_started'] ?? 'Chưa thực hiện',
      totals: taskTotals,
      byUnit,
      narratives: input.unitReports.filter((r) => r.narratives[t.id]?.trim()).map((r) => `${unitName(r.unitId)}: ${r.narratives[t.id]!.trim()}`),
      evidence: mine.map((e) => ({ date: e.date, title: e.title, unit: e.unitId ? unitName(e.unitId) : null, link: e.link, quantities: e.quantities })),
    };
  };

  // Tasks under their nearest group heading, in plan order; tasks before any group stand alone.
  const groups: ReportDocument['groups'] = [];
  let current: ReportDocument['groups'][number] | undefined;
  for (const row of plan.tasks) {
    if (row.kind === 'group') {
      current = { code: row.code, title: row.content, tasks: [] };
      groups.push(current);
    } else {
      if (!current) {
        current = { code: null, title: 'Nhiệm vụ chung', tasks: [] };
        groups.push(current);
      }
      current.tasks.push(resultOf(row));
    }
  }

  const periodDays = Math.round((Date.parse(period.endDate) - Date.parse(period.startDate)) / 86_400_000);
  const nextEnd = addDays(period.endDate, periodDays + 1);
  const nextTasks = plan.tasks
    .filter((t) => t.kind === 'task' && t.due?.end && t.due.end > period.endDate && t.due.end <= nextEnd && input.statuses.get(t.id) !== 'done')
    .map((t) => ({ content: t.content, lead: t.lead.text, dueText: t.dueText }));

  const planRef = `Kế hoạch số ${plan.numberText ?? `…/KH-${input.agencyAbbreviation}`}${plan.signDate ? ` ngày ${plan.signDate.split('-').reverse().join('/')}` : ''} của ${plan.issuer ?? 'cơ quan'} về ${lowerFirst(plan.title)}`;
  return {
    numberText: input.numberText,
    place: input.place,
    date: input.date,
    periodLabel: period.label,
    periodStart: period.startDate,
    periodEnd: period.endDate,
    planReference: planRef,
    title: `Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính ${period.label.startsWith('Năm') ? period.label.toLowerCase() : period.label}`,
    measureLabels: { ...MEASURES },
    totals,
    completionRate: input.completionRate,
    groups,
    units: input.unitReports.map((r) => ({ name: unitName(r.unitId), status: r.status, difficulties: r.difficulties, proposals: r.proposals })),
    nextTasks,
    recipients: plan.recipients.length > 0 ? plan.recipients : ['Sở Nội vụ', 'Lãnh đạo cơ quan', `Lưu: VT, HCTH`],
    signer: plan.signer,
    draft: input.draft,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

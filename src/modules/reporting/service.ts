import type { Database } from '../../db/database.ts';
import type { ReportPeriodTable, UnitReportTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, hasPermission, type Actor } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { normalizeText, todayVi } from '../../platform/vi-text.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { OrgService } from '../org/service.ts';
import type { PlansService } from '../plans/service.ts';
import { periodDefaults } from './periods.ts';
import { reportingPolicy } from './policy.ts';
import * as repo from './repo.ts';

export interface ReportingDeps {
  database: Database;
  audit: AuditService;
  org: OrgService;
  plans: PlansService;
  evidence: EvidenceService;
  /** Today in Vietnam (YYYY-MM-DD); tests move the clock. */
  today?: () => string;
}

export interface PeriodInput {
  planId: string;
  code: string;
  startDate?: string;
  endDate?: string;
  submitDue?: string;
  lockDate?: string;
}

const STATUS_LABELS: Record<UnitReportTable['status'], string> = {
  draft: 'Đang soạn', pending_approval: 'Chờ trưởng phòng duyệt', submitted: 'Đã gửi', accepted: 'Đã tiếp nhận', returned: 'Bị trả lại',
};

/** Reporting periods and unit reports: write → approve (unit head) → submit → accept or return (coordinator). */
export function createReportingService({ database, audit, org, plans, evidence, today = () => todayVi() }: ReportingDeps) {
  const { db } = database;

  function periodView(p: ReportPeriodTable) {
    return { id: p.id, planId: p.plan_id, kind: p.kind, code: p.code, label: p.label, startDate: p.start_date, endDate: p.end_date, submitDue: p.submit_due, lockDate: p.lock_date, status: p.status, locked: today() > p.lock_date };
  }

  async function loadPeriod(actor: Actor | undefined, periodId: string, permission: keyof typeof reportingPolicy) {
    const period = await repo.findPeriod(db, periodId);
    const a = authorize(actor, reportingPolicy, permission, period);
    return { a, period: period! };
  }

  /** Who reads every unit's report (the coordinator, the overseer); others read their own unit's. */
  const readsAllUnits = (a: Actor) => hasPermission(a, reportingPolicy, 'reports.read_all');

  /** Staff and unit heads see and write only their own unit's report; the coordinator sees all. */
  function assertOwnUnit(a: Actor, unitId: string) {
    if (hasPermission(a, reportingPolicy, 'reports.review')) return;
    if (a.unitId !== unitId) throw new ForbiddenError('Bạn chỉ làm báo cáo của đơn vị mình.');
  }

  async function record(trx: Parameters<Parameters<Database['transaction']>[0]>[0], a: Actor, report: UnitReportTable, action: string, comment?: string) {
    await repo.insertEvent(trx, { id: newId(), agency_id: a.agencyId, report_id: report.id, action, comment: comment ?? null, actor_id: a.userId, actor_name: a.fullName, at: nowIso() });
    await audit.record(trx, a, { action, entity: 'unit_report', entityId: report.id, after: { status: report.status, comment } });
  }

  async function reportView(a: Actor, period: ReportPeriodTable, unitId: string) {
    const row = await repo.findReport(db, a.agencyId, period.id, unitId);
    const tasks = await evidence.unitPeriodEvidence(a.agencyId, period.plan_id, unitId, period.start_date, period.end_date);
    const narratives = row ? (JSON.parse(row.narratives) as Record<string, string>) : {};
    return {
      id: row?.id ?? null,
      periodId: period.id,
      unitId,
      status: row?.status ?? 'draft',
      statusLabel: STATUS_LABELS[row?.status ?? 'draft'],
      late: row?.late === 1,
      submittedAt: row?.submitted_at ?? null,
      editable: isEditable(period, row),
      difficulties: row?.difficulties ?? '',
      proposals: row?.proposals ?? '',
      tasks: tasks.map((t) => ({ ...t, narrative: narratives[t.taskId] ?? '' })),
      history: row ? (await repo.listEvents(db, a.agencyId, row.id)).map((e) => ({ action: e.action, comment: e.comment, actorName: e.actor_name, at: e.at })) : [],
    };
  }

  function isEditable(period: ReportPeriodTable, row: UnitReportTable | undefined) {
    if (period.status !== 'open') return false;
    if (row && !['draft', 'returned'].includes(row.status)) return false;
    return today() <= period.lock_date || row?.reopened === 1;
  }

  /** Moves a report through the workflow in one transaction, creating it if needed. */
  async function transition(a: Actor, period: ReportPeriodTable, unitId: string, from: UnitReportTable['status'][], to: UnitReportTable['status'], action: string, patch: Partial<UnitReportTable> = {}, comment?: string) {
    await database.transaction(async (trx) => {
      let row = await repo.findReport(trx, a.agencyId, period.id, unitId);
      if (!row) {
        const now = nowIso();
        row = { id: newId(), agency_id: a.agencyId, period_id: period.id, unit_id: unitId, status: 'draft', narratives: '{}', difficulties: '', proposals: '', reopened: 0, submitted_at: null, late: 0, updated_by: a.userId, created_at: now, updated_at: now };
        await repo.insertReport(trx, row);
      }
      if (!from.includes(row.status)) throw new ConflictError(`Báo cáo đang ở trạng thái "${STATUS_LABELS[row.status]}", không thể ${action === 'save' ? 'sửa' : 'thực hiện thao tác này'}.`);
      const next = { ...patch, status: to, updated_by: a.userId, updated_at: nowIso() };
      await repo.updateReport(trx, a.agencyId, row.id, next);
      await record(trx, a, { ...row, ...next }, action, comment);
    });
  }

  return {
    /** Open periods of a plan with each unit's report status, for reminders (no actor). */
    async periodsToRemind(agencyId: string, planId: string) {
      const periods = (await repo.listPeriods(db, agencyId, planId)).filter((p) => p.status === 'open');
      return Promise.all(periods.map(async (p) => ({ id: p.id, label: p.label, submitDue: p.submit_due, reports: (await repo.listReports(db, agencyId, p.id)).map((r) => ({ unitId: r.unit_id, status: r.status })) })));
    },

    async listPeriods(actor: Actor | undefined, planId: string) {
      const a = authorize(actor, reportingPolicy, 'reports.read');
      if (!(await plans.planTasks(a.agencyId, planId))) throw new NotFoundError('Không tìm thấy kế hoạch.');
      return (await repo.listPeriods(db, a.agencyId, planId)).map(periodView);
    },

    /** Opens a period with the decree's default dates unless given; one period per code and plan. */
    async openPeriod(actor: Actor | undefined, input: PeriodInput) {
      const a = authorize(actor, reportingPolicy, 'periods.manage');
      const plan = await plans.planTasks(a.agencyId, input.planId);
      if (!plan) throw new NotFoundError('Không tìm thấy kế hoạch.');
      const d = periodDefaults(input.code);
      if (!d) throw new BadRequestError(`Mã kỳ báo cáo "${input.code}" không hợp lệ; dùng 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng), 2024 (năm).`);
      const row: ReportPeriodTable = {
        id: newId(), agency_id: a.agencyId, plan_id: plan.id, kind: d.kind, code: d.code, label: d.label,
        start_date: input.startDate ?? d.start, end_date: input.endDate ?? d.end, submit_due: input.submitDue ?? d.submitDue, lock_date: input.lockDate ?? d.lockDate,
        status: 'open', created_by: a.userId, created_at: nowIso(), updated_at: nowIso(),
      };
      if (!(row.start_date <= row.end_date && row.end_date <= row.submit_due && row.submit_due <= row.lock_date)) {
        throw new BadRequestError('Các ngày của kỳ phải theo thứ tự: bắt đầu ≤ kết thúc ≤ hạn nộp ≤ ngày khóa.');
      }
      await database.transaction(async (trx) => {
        if (await repo.findPeriodByCode(trx, a.agencyId, plan.id, d.code)) throw new ConflictError(`Kỳ báo cáo ${d.label} đã được mở.`);
        await repo.insertPeriod(trx, row);
        await audit.record(trx, a, { action: 'open', entity: 'report_period', entityId: row.id, after: periodView(row) });
      });
      return periodView(row);
    },

    /** Changes a period's dates or closes/reopens it; the dates must stay in order. */
    async updatePeriod(actor: Actor | undefined, periodId: string, patch: { startDate?: string; endDate?: string; submitDue?: string; lockDate?: string; status?: 'open' | 'closed' }) {
      const { a, period } = await loadPeriod(actor, periodId, 'periods.manage');
      const next = {
        start_date: patch.startDate ?? period.start_date,
        end_date: patch.endDate ?? period.end_date,
        submit_due: patch.submitDue ?? period.submit_due,
        lock_date: patch.lockDate ?? period.lock_date,
        status: patch.status ?? period.status,
      };
      if (!(next.start_date <= next.end_date && next.end_date <= next.submit_due && next.submit_due <= next.lock_date)) {
        throw new BadRequestError('Các ngày của kỳ phải theo thứ tự: bắt đầu ≤ kết thúc ≤ hạn nộp ≤ ngày khóa.');
      }
      await database.transaction(async (trx) => {
        await repo.updatePeriod(trx, a.agencyId, periodId, { ...next, updated_at: nowIso() });
        await audit.record(trx, a, { action: 'update', entity: 'report_period', entityId: periodId, before: periodView(period), after: next });
      });
      return periodView((await repo.findPeriod(db, periodId))!);
    },

    /** The period's unit reports: the coordinator sees every active unit (missing ones as not started). */
    async listReports(actor: Actor | undefined, periodId: string) {
      const { a, period } = await loadPeriod(actor, periodId, 'reports.read');
      const [rows, directory] = await Promise.all([repo.listReports(db, a.agencyId, periodId), org.unitDirectory(a.agencyId)]);
      const units = directory.units.filter((u) => u.active && (readsAllUnits(a) || u.id === a.unitId));
      return {
        period: periodView(period),
        reports: units.map((u) => {
          const r = rows.find((x) => x.unit_id === u.id);
          return { unitId: u.id, unitName: u.shortName, status: r?.status ?? 'not_started', statusLabel: r ? STATUS_LABELS[r.status] : 'Chưa bắt đầu', late: r?.late === 1, submittedAt: r?.submitted_at ?? null };
        }),
      };
    },

    async getReport(actor: Actor | undefined, periodId: string, unitId: string) {
      const { a, period } = await loadPeriod(actor, periodId, 'reports.read');
      if (!readsAllUnits(a)) assertOwnUnit(a, unitId);
      return reportView(a, period, unitId);
    },

    async saveReport(actor: Actor | undefined, periodId: string, unitId: string, input: { narratives?: Record<string, string>; difficulties?: string; proposals?: string }) {
      const { a, period } = await loadPeriod(actor, periodId, 'reports.edit');
      assertOwnUnit(a, unitId);
      const current = await repo.findReport(db, a.agencyId, periodId, unitId);
      if (!isEditable(period, current)) {
        if (today() > period.lock_date && current?.reopened !== 1) throw new ConflictError(`Kỳ báo cáo đã khóa từ ngày ${period.lock_date}; chỉ Phòng HC-TH mở lại được.`);
        if (period.status !== 'open') throw new ConflictError('Kỳ báo cáo không còn mở.');
      }
      const narratives = { ...(current ? (JSON.parse(current.narratives) as Record<string, string>) : {}), ...(input.narratives ?? {}) };
      const patch: Partial<UnitReportTable> = { narratives: JSON.stringify(narratives) };
      if (input.difficulties !== undefined) patch.difficulties = input.difficulties.normalize('NFC').trim();
      if (input.proposals !== undefined) patch.proposals = input.proposals.normalize('NFC').trim();
      await transition(a, period, unitId, ['draft', 'returned'], current?.status === 'returned' ? 'returned' : 'draft', 'save', patch);
      return reportView(a, period, unitId);
    },

    async requestApproval(actor: Actor | undefined, periodId: string, unitId: string) {
      const { a, period } = await loadPeriod(actor, periodId, 'reports.edit');
      assertOwnUnit(a, unitId);
      if (!isEditable(period, await repo.findReport(db, a.agencyId, periodId, unitId))) throw new ConflictError('Báo cáo không còn sửa được trong kỳ này.');
      await transition(a, period, unitId, ['draft', 'returned'], 'pending_approval', 'request_approval');
      return reportView(a, period, unitId);
    },

    /** The unit head approves and submits. Submitting again changes nothing (idempotent). */
    async approveAndSubmit(actor: Actor | undefined, periodId: string, unitId: string) {
      const { a, period } = await loadPeriod(actor, periodId, 'reports.approve');
      if (a.unitId !== unitId) throw new ForbiddenError('Chỉ trưởng phòng của đơn vị duyệt báo cáo này.');
      const current = await repo.findReport(db, a.agencyId, periodId, unitId);
      if (current && ['submitted', 'accepted'].includes(current.status)) return reportView(a, period, unitId);
      if (!isEditable(period, current) && current?.status !== 'pending_approval') throw new ConflictError('Kỳ báo cáo đã khóa.');
      const late = today() > period.submit_due;
      await transition(a, period, unitId, ['draft', 'pending_approval', 'returned'], 'submitted', 'submit', { submitted_at: nowIso(), late: late ? 1 : 0, reopened: 0 });
      return reportView(a, period, unitId);
    },

    async accept(actor: Actor | undefined, periodId: string, unitId: string, comment?: string) {
      const { a, period } = await loadPeriod(actor, periodId, 'reports.review');
      const current = await repo.findReport(db, a.agencyId, periodId, unitId);
      if (current?.status === 'accepted') return reportView(a, period, unitId);
      await transition(a, period, unitId, ['submitted'], 'accepted', 'accept', {}, comment);
      return reportView(a, period, unitId);
    },

    async returnReport(actor: Actor | undefined, periodId: string, unitId: string, comment: string) {
      const { a, period } = await loadPeriod(actor, periodId, 'reports.review');
      if (!comment.trim()) throw new BadRequestError('Hãy ghi lý do trả lại báo cáo.');
      await transition(a, period, unitId, ['submitted', 'accepted'], 'returned', 'return', { reopened: today() > period.lock_date ? 1 : 0 }, normalizeText(comment));
      return reportView(a, period, unitId);
    },

    /** After the lock date only the coordinator can open a unit's report again. */
    async reopen(actor: Actor | undefined, periodId: string, unitId: string, comment: string) {
      const { a, period } = await loadPeriod(actor, periodId, 'reports.review');
      await transition(a, period, unitId, ['draft', 'pending_approval', 'submitted', 'accepted', 'returned'], 'returned', 'reopen', { reopened: 1 }, comment.trim() || 'Mở lại báo cáo');
      return reportView(a, period, unitId);
    },
  };
}

export type ReportingService = ReturnType<typeof createReportingService>;

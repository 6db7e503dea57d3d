import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import type { EvidenceTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, hasPermission, type Actor } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/store.ts';
import { normalizeText, todayVi } from '../../platform/vi-text.ts';
import type { OrgService } from '../org/service.ts';
import type { PlansService } from '../plans/service.ts';
import { DEFAULT_MEASURE, isMeasure, MEASURES, type Measure } from './measures.ts';
import { evidencePolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { EvidenceInputValue, EvidenceView } from './schema.ts';
import { completionRate, taskProgress, type ProgressEvidence } from './progress.ts';

export interface EvidenceDeps {
  database: Database;
  audit: AuditService;
  org: OrgService;
  plans: PlansService;
}

/** What other modules send when one of their items (article, post, event, procedure) counts as evidence. */
export interface SourceEvidence {
  source: { type: string; id: string };
  planId: string;
  taskIds: string[];
  kind: EvidenceTable['kind'];
  date: string;
  unitId: string | null;
  title: string;
  link?: string | null;
  quantities?: Partial<Record<Measure, number>>;
  /** Seeded demo data (flagged so, shown as "Dữ liệu mẫu"). */
  isDemo?: boolean;
}

const ALLOWED_MIME = /^(application\/pdf|image\/(png|jpeg|webp)|application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet|presentationml\.presentation)|text\/plain)/;

/**
 * Evidence on plan tasks and the progress computed from it. Manual evidence comes from the
 * admin; other modules call `recordFromSource` / `withdrawSource` for their own items.
 */
export function createEvidenceService({ database, audit, org, plans }: EvidenceDeps) {
  const { db } = database;

  /** Checks the plan, the tasks and the quantities; returns the plan's tasks. */
  async function validate(agencyId: string, input: { planId: string; taskIds: string[]; date: string; quantities?: Record<string, number> }) {
    const plan = await plans.planTasks(agencyId, input.planId);
    if (!plan) throw new NotFoundError('Không tìm thấy kế hoạch.');
    const tasks = plan.tasks.filter((t) => t.kind === 'task');
    const unknown = input.taskIds.filter((id) => !tasks.some((t) => t.id === id));
    if (unknown.length > 0) throw new BadRequestError('Có nhiệm vụ không thuộc kế hoạch này.');
    if (Number.isNaN(Date.parse(input.date)) || !input.date.startsWith(String(plan.year))) throw new BadRequestError(`Ngày của minh chứng phải nằm trong năm ${plan.year} của kế hoạch.`);
    for (const [measure, quantity] of Object.entries(input.quantities ?? {})) {
      if (!isMeasure(measure)) throw new BadRequestError(`Đơn vị đo "${measure}" không có; dùng: ${Object.keys(MEASURES).join(', ')}.`);
      if (!Number.isFinite(quantity) || quantity < 0) throw new BadRequestError(`Số lượng "${MEASURES[measure]}" không được âm.`);
    }
    return { plan, tasks: tasks.filter((t) => input.taskIds.includes(t.id)) };
  }

  /**
   * Validates source evidence (reading plans, outside any transaction) and returns the write,
   * for a caller that records it in the same transaction as its own change (publishing).
   */
  async function prepareFromSource(agencyId: string, input: SourceEvidence): Promise<(trx: Transaction<DB>) => Promise<string>> {
    await validate(agencyId, input);
    const quantities = input.quantities && Object.keys(input.quantities).length > 0 ? input.quantities : { [DEFAULT_MEASURE[input.kind]]: 1 };
    return async (trx) => {
      const existing = await repo.findBySource(trx, agencyId, input.source.type, input.source.id);
      const now = nowIso();
      const fields = { plan_id: input.planId, kind: input.kind, date: input.date, unit_id: input.unitId, title: normalizeText(input.title), link: input.link ?? null, quantities: JSON.stringify(quantities), status: 'active' as const, withdrawn_at: null, withdrawn_reason: null, updated_at: now };
      const id = existing?.id ?? newId();
      if (existing) await repo.updateEvidence(trx, agencyId, id, fields);
      else await repo.insertEvidence(trx, { id, agency_id: agencyId, description: null, source_type: input.source.type, source_id: input.source.id, is_demo: input.isDemo ? 1 : 0, created_by: null, created_at: now, ...fields });
      await repo.replaceEvidenceTasks(trx, agencyId, id, input.taskIds);
      await audit.record(trx, { system: input.source.type, agencyId }, { action: existing ? 'update' : 'create', entity: 'evidence', entityId: id, after: { source: input.source, title: fields.title, quantities } });
      return id;
    };
  }

  /** `withdrawSource` inside the caller's transaction. */
  async function withdrawSourceIn(trx: Transaction<DB>, agencyId: string, source: { type: string; id: string }, reason: string) {
    const existing = await repo.findBySource(trx, agencyId, source.type, source.id);
    if (!existing || existing.status === 'withdrawn') return false;
    await repo.updateEvidence(trx, agencyId, existing.id, { status: 'withdrawn', withdrawn_at: nowIso(), withdrawn_reason: reason, updated_at: nowIso() });
    await audit.record(trx, { system: source.type, agencyId }, { action: 'withdraw', entity: 'evidence', entityId: existing.id, after: { source, reason } });
    return true;
  }

  /** Staff and unit heads act for their own unit, on tasks their unit leads or co-operates on. */
  async function checkUnitScope(a: Actor, unitId: string | null, tasks: { lead: { unitId: string | null; groupId: string | null }; coop: { unitId: string | null; groupId: string | null }[] }[]) {
    if (hasPermission(a, evidencePolicy, 'evidence.any_unit')) return;
    if (!a.unitId || unitId !== a.unitId) throw new ForbiddenError('Bạn chỉ ghi minh chứng cho đơn vị của mình.');
    const { groups } = await org.unitDirectory(a.agencyId);
    const covers = (ref: { unitId: string | null; groupId: string | null }) => ref.unitId === a.unitId || (ref.groupId !== null && groups.find((g) => g.id === ref.groupId)?.unitIds.includes(a.unitId!) === true);
    if (!tasks.every((t) => covers(t.lead) || t.coop.some(covers))) throw new ForbiddenError('Đơn vị của bạn không chủ trì hay phối hợp nhiệm vụ này.');
  }

  async function views(agencyId: string, rows: EvidenceTable[]): Promise<EvidenceView[]> {
    const ids = rows.map((r) => r.id);
    const [links, files] = await Promise.all([repo.listEvidenceTasks(db, agencyId, ids), repo.listEvidenceFiles(db, agencyId, ids)]);
    // Grouped once: a filter per row is quadratic (24 000 rows of a year: seconds).
    const tasksOf = groupBy(links, (l) => l.evidence_id);
    const filesOf = groupBy(files, (f) => f.evidence_id);
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      kind: r.kind,
      date: r.date,
      unitId: r.unit_id,
      title: r.title,
      description: r.description,
      link: r.link,
      quantities: JSON.parse(r.quantities) as Record<string, number>,
      taskIds: (tasksOf.get(r.id) ?? []).map((l) => l.task_id),
      files: (filesOf.get(r.id) ?? []).map((f) => ({ id: f.id, name: f.name, size: f.size, mime: f.mime })),
      source: r.source_type && r.source_id ? { type: r.source_type, id: r.source_id } : null,
      status: r.status,
      withdrawnAt: r.withdrawn_at,
      withdrawnReason: r.withdrawn_reason,
      isDemo: r.is_demo === 1,
      createdAt: r.created_at,
    }));
  }

  return {
    async list(actor: Actor | undefined, filter: Omit<repo.EvidenceFilter, 'agencyId'>) {
      const a = authorize(actor, evidencePolicy, 'evidence.read');
      return views(a.agencyId, await repo.listEvidence(db, { ...filter, agencyId: a.agencyId }));
    },

    async record(actor: Actor | undefined, input: EvidenceInputValue) {
      const a = authorize(actor, evidencePolicy, 'evidence.write');
      const unitId = input.unitId === undefined ? a.unitId : input.unitId;
      const { tasks } = await validate(a.agencyId, input);
      await checkUnitScope(a, unitId, tasks);
      const files = (input.files ?? []).map((f) => ({ name: f.name, mime: f.mime ?? 'application/octet-stream', bytes: Buffer.from(f.base64, 'base64') }));
      for (const f of files) if (!ALLOWED_MIME.test(f.mime)) throw new BadRequestError(`Loại tệp "${f.name}" không được nhận (chỉ PDF, ảnh, Word, Excel, PowerPoint, văn bản).`);
      const quantities = input.quantities && Object.keys(input.quantities).length > 0 ? input.quantities : { [DEFAULT_MEASURE[input.kind as keyof typeof DEFAULT_MEASURE]]: 1 };
      const id = newId();
      await database.transaction(async (trx) => {
        const now = nowIso();
        const row: EvidenceTable = {
          id, agency_id: a.agencyId, plan_id: input.planId, kind: input.kind as EvidenceTable['kind'], date: input.date, unit_id: unitId ?? null,
          title: normalizeText(input.title), description: input.description ?? null, link: input.link ?? null, quantities: JSON.stringify(quantities),
          source_type: null, source_id: null, status: 'active', withdrawn_at: null, withdrawn_reason: null, is_demo: 0, created_by: a.userId, created_at: now, updated_at: now,
        };
        await repo.insertEvidence(trx, row);
        await repo.replaceEvidenceTasks(trx, a.agencyId, id, input.taskIds);
        for (const f of files) {
          const stored = await fileStore.save(trx, { agencyId: a.agencyId, name: f.name, mime: f.mime, bytes: f.bytes, createdBy: a.userId });
          await repo.addEvidenceFile(trx, a.agencyId, id, stored.id);
        }
        await audit.record(trx, a, { action: 'create', entity: 'evidence', entityId: id, after: { title: row.title, date: row.date, quantities, taskIds: input.taskIds } });
      });
      return (await views(a.agencyId, [(await repo.findEvidence(db, id))!]))[0]!;
    },

    /** A file attached to a piece of evidence of the actor's agency. */
    async file(actor: Actor | undefined, evidenceId: string, fileId: string) {
      const row = await repo.findEvidence(db, evidenceId);
      const a = authorize(actor, evidencePolicy, 'evidence.read', row);
      const attached = await repo.listEvidenceFiles(db, a.agencyId, [evidenceId]);
      if (!attached.some((f) => f.id === fileId)) throw new NotFoundError('Minh chứng không có tệp này.');
      return (await fileStore.content(db, a.agencyId, fileId))!;
    },

    /** Withdraws evidence visibly: it stays listed as withdrawn and stops counting. */
    async withdraw(actor: Actor | undefined, id: string, reason: string) {
      const row = await repo.findEvidence(db, id);
      const a = authorize(actor, evidencePolicy, 'evidence.write', row);
      if (!hasPermission(a, evidencePolicy, 'evidence.any_unit') && row!.unit_id !== a.unitId) throw new ForbiddenError('Bạn chỉ rút minh chứng của đơn vị mình.');
      if (row!.source_type) throw new BadRequestError('Minh chứng này gắn với một mục của hệ thống; hãy gỡ mục đó thay vì rút minh chứng.');
      await database.transaction(async (trx) => {
        await repo.updateEvidence(trx, a.agencyId, id, { status: 'withdrawn', withdrawn_at: nowIso(), withdrawn_reason: normalizeText(reason), updated_at: nowIso() });
        await audit.record(trx, a, { action: 'withdraw', entity: 'evidence', entityId: id, after: { reason } });
      });
      return (await views(a.agencyId, [(await repo.findEvidence(db, id))!]))[0]!;
    },

    /**
     * For other modules: their item counts as evidence (created once per source, updated after).
     * Idempotent by (source type, source id); a republished item becomes active again.
     */
    async recordFromSource(agencyId: string, input: SourceEvidence) {
      const write = await prepareFromSource(agencyId, input);
      return database.transaction(write);
    },

    prepareFromSource,

    /** For other modules: their item was removed or unpublished; its evidence is withdrawn, visibly. */
    async withdrawSource(agencyId: string, source: { type: string; id: string }, reason: string) {
      return database.transaction((trx) => withdrawSourceIn(trx, agencyId, source, reason));
    },

    withdrawSourceIn,

    /**
     * For other modules, inside their transaction: the evidence of a source item carries exactly
     * these files of the item (an event's photos and attendance sheet). No evidence, nothing done.
     */
    async setSourceFilesIn(trx: Transaction<DB>, agencyId: string, source: { type: string; id: string }, fileIds: string[]) {
      const existing = await repo.findBySource(trx, agencyId, source.type, source.id);
      if (existing) await repo.replaceEvidenceFiles(trx, agencyId, existing.id, fileIds);
    },

    /**
     * For modules recording evidence on a user's behalf (events): the rule of manual evidence,
     * staff and unit heads only for their own unit, on tasks their unit leads or co-operates on.
     */
    async checkActorScope(a: Actor, unitId: string | null, planId: string, taskIds: string[]) {
      const plan = await plans.planTasks(a.agencyId, planId);
      if (!plan) throw new NotFoundError('Không tìm thấy kế hoạch.');
      await checkUnitScope(a, unitId, plan.tasks.filter((t) => t.kind === 'task' && taskIds.includes(t.id)));
    },

    /** Active evidence recorded from a source item, if any (publishing shows it on the article). */
    async bySource(agencyId: string, source: { type: string; id: string }) {
      const row = await repo.findBySource(db, agencyId, source.type, source.id);
      return row ? { id: row.id, status: row.status, planId: row.plan_id } : undefined;
    },

    /** All active evidence of a plan in [from, to], with its tasks (no actor: reporting checks access). */
    async planPeriodEvidence(agencyId: string, planId: string, from: string, to: string) {
      return views(agencyId, await repo.listEvidence(db, { agencyId, planId, from, to }));
    },

    /** Demo evidence for the seed plan: marked demo in the database and in its title. */
    async recordDemo(agencyId: string, input: { planId: string; taskIds: string[]; kind: EvidenceTable['kind']; date: string; unitId: string | null; title: string; quantities: Record<string, number>; link?: string }) {
      await validate(agencyId, input);
      await database.transaction(async (trx) => {
        const now = nowIso();
        const id = newId();
        await repo.insertEvidence(trx, {
          id, agency_id: agencyId, plan_id: input.planId, kind: input.kind, date: input.date, unit_id: input.unitId, title: `${input.title} (mẫu)`, description: 'Dữ liệu mẫu để dùng thử, không phải kết quả thật.',
          link: input.link ?? null, quantities: JSON.stringify(input.quantities), source_type: null, source_id: null, status: 'active', withdrawn_at: null, withdrawn_reason: null, is_demo: 1, created_by: null, created_at: now, updated_at: now,
        });
        await repo.replaceEvidenceTasks(trx, agencyId, id, input.taskIds);
      });
    },

    /**
     * A unit's evidence in [from, to] on the tasks it leads or co-operates on (directly or
     * through a unit group): what its period report starts from. No actor: the reporting
     * service checks access first.
     */
    async unitPeriodEvidence(agencyId: string, planId: string, unitId: string, from: string, to: string) {
      const plan = await plans.planTasks(agencyId, planId);
      if (!plan) throw new NotFoundError('Không tìm thấy kế hoạch.');
      const { groups } = await org.unitDirectory(agencyId);
      const covers = (ref: { unitId: string | null; groupId: string | null }) => ref.unitId === unitId || (ref.groupId !== null && groups.find((g) => g.id === ref.groupId)?.unitIds.includes(unitId) === true);
      const tasks = plan.tasks.filter((t) => t.kind === 'task' && (covers(t.lead) || t.coop.some(covers)));
      const rows = await views(agencyId, await repo.listEvidence(db, { agencyId, planId, unitId, from, to }));
      return tasks.map((t) => {
        const evidence = rows.filter((e) => e.taskIds.includes(t.id));
        const totals: Record<string, number> = {};
        for (const e of evidence) for (const [m, q] of Object.entries(e.quantities)) totals[m] = (totals[m] ?? 0) + q;
        return { taskId: t.id, code: t.code, content: t.content, role: covers(t.lead) ? ('lead' as const) : ('coop' as const), dueText: t.dueText, evidence, totals };
      });
    },

    /** The year's PAR Index evidence pack of a plan (ZIP: index page + attached files). */
    async parPack(actor: Actor | undefined, planId: string) {
      const a = authorize(actor, evidencePolicy, 'evidence.read');
      const plan = await plans.planTasks(a.agencyId, planId);
      if (!plan) throw new NotFoundError('Không tìm thấy kế hoạch.');
      const [items, progress, names] = await Promise.all([
        repo.listEvidence(db, { agencyId: a.agencyId, planId, from: `${plan.year}-01-01`, to: `${plan.year}-12-31` }).then((rows) => views(a.agencyId, rows)),
        this.progress(a, planId, `${plan.year}-12-31`),
        org.agencyNameOn(a.agencyId, `${plan.year}-12-31`),
      ]);
      const files = new Map<string, { name: string; content: Buffer }>();
      for (const e of items) for (const f of e.files) {
        const stored = await fileStore.content(db, a.agencyId, f.id);
        if (stored) files.set(f.id, { name: stored.name, content: stored.content });
      }
      const { buildParPack } = await import('./par-pack.ts');
      const bytes = await buildParPack({
        agencyName: names?.name ?? '', planTitle: plan.title, year: plan.year, completionRate: progress.completionRate, tasksDue: progress.tasksDue, tasksDoneOnTime: progress.tasksDoneOnTime,
        evidence: items, taskContent: new Map(plan.tasks.map((t) => [t.id, t.content])), files,
      });
      return { name: `Minh-chung-CCHC-${plan.year}.zip`, bytes };
    },

    /** Progress of a plan on `asOf`: per task, per unit, per month, and the completion rate. */
    async progress(actor: Actor | undefined, planId: string, asOf?: string) {
      const a = authorize(actor, evidencePolicy, 'evidence.read');
      const plan = await plans.planTasks(a.agencyId, planId);
      if (!plan) throw new NotFoundError('Không tìm thấy kế hoạch.');
      const day = asOf ?? todayVi();
      const [links, directory] = await Promise.all([repo.listPlanEvidenceLinks(db, a.agencyId, planId), org.unitDirectory(a.agencyId)]);
      const tasks = plan.tasks.filter((t) => t.kind === 'task');
      // One pass over the links (100 tasks × 24 000 links of a year): each piece of evidence is
      // seen once, and counts once in the totals however many tasks it supports; each distinct
      // quantities text is parsed once (the objects are shared and only read).
      const parsed = new Map<string, { quantities: Record<string, number>; entries: [string, number][] }>();
      const seen = new Map<string, ProgressEvidence>();
      const linksOf = new Map<string, ProgressEvidence[]>();
      const totals: Record<string, number> = {};
      const months = new Map<string, { evidence: number; totals: Record<string, number> }>();
      const evidenceByUnit = new Map<string | null, number>();
      for (const l of links) {
        let e = seen.get(l.id);
        if (!e) {
          let q = parsed.get(l.quantities);
          if (!q) {
            const quantities = JSON.parse(l.quantities) as Record<string, number>;
            parsed.set(l.quantities, (q = { quantities, entries: Object.entries(quantities) }));
          }
          e = { date: l.date, quantities: q.quantities };
          seen.set(l.id, e);
          if (l.date <= day) {
            const key = l.date.slice(0, 7);
            let month = months.get(key);
            if (!month) months.set(key, (month = { evidence: 0, totals: {} }));
            month.evidence += 1;
            for (const [m, n] of q.entries) {
              totals[m] = (totals[m] ?? 0) + n;
              month.totals[m] = (month.totals[m] ?? 0) + n;
            }
            evidenceByUnit.set(l.unit_id, (evidenceByUnit.get(l.unit_id) ?? 0) + 1);
          }
        }
        const list = linksOf.get(l.task_id);
        if (list) list.push(e);
        else linksOf.set(l.task_id, [e]);
      }
      const perTask = tasks.map((t) => {
        const p = taskProgress({ id: t.id, dueEnd: t.due?.end ?? null, targets: t.targets }, linksOf.get(t.id) ?? [], day);
        return { task: t, p };
      });
      const byStatus: Record<string, number> = { not_started: 0, in_progress: 0, done: 0, overdue: 0, at_risk: 0 };
      for (const { p } of perTask) byStatus[p.status]! += 1;
      const leads = (t: (typeof tasks)[number], unitId: string) => t.lead.unitId === unitId || (t.lead.groupId !== null && directory.groups.find((g) => g.id === t.lead.groupId)?.unitIds.includes(unitId) === true);
      const rate = completionRate(perTask.map((x) => x.p));
      return {
        planId,
        asOf: day,
        completionRate: rate,
        tasksDue: perTask.filter((x) => x.p.due).length,
        tasksDoneOnTime: perTask.filter((x) => x.p.due && x.p.doneOnTime).length,
        byStatus,
        totals,
        tasks: perTask.map(({ task: t, p }) => ({
          taskId: t.id, code: t.code, content: t.content, leadUnitId: t.lead.unitId, leadText: t.lead.text, dueText: t.dueText, dueEnd: t.due?.end ?? null,
          status: p.status, achieved: p.achieved, targets: p.targets, evidenceCount: p.evidenceCount, doneOn: p.doneOn,
        })),
        units: directory.units.filter((u) => u.active).map((u) => {
          const mine = perTask.filter(({ task }) => leads(task, u.id));
          return { unitId: u.id, name: u.shortName, tasks: mine.length, done: mine.filter((x) => x.p.status === 'done').length, overdue: mine.filter((x) => x.p.status === 'overdue').length, evidence: evidenceByUnit.get(u.id) ?? 0 };
        }),
        months: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, ...m })),
      };
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

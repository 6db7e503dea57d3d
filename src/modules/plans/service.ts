import type { Database, Executor } from '../../db/database.ts';
import type { PlanTable, PlanTaskTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import type { PlanDocument } from '../../documents/plan-document.ts';
import { authorize, hasPermission, type Actor } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { fileStore, type StoredFileMeta } from '../../platform/files/store.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import type { OrgService } from '../org/service.ts';
import { planDocumentOf, planView } from './mapping.ts';
import { plansPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { PlanPatchInput, PlanView, TaskInputValue } from './schema.ts';
import { appendixRows, buildTaskRows, type TaskFields } from './tasks.ts';
import { diffSnapshots } from './diff.ts';

export interface PlansDeps {
  database: Database;
  audit: AuditService;
  org: OrgService;
  /** Told after a committed change that the public site may show. */
  onPlanChanged?: (agencyId: string) => void;
}

const PUBLIC_STATUSES: PlanTable['status'][] = ['approved', 'in_force', 'closed'];
const STATUS_LABELS: Record<PlanTable['status'], string> = { draft: 'Dự thảo', approved: 'Đã phê duyệt', in_force: 'Đang thực hiện', closed: 'Đã kết thúc' };

/** Allowed status changes and the permission each needs. */
const TRANSITIONS: Record<string, 'plans.approve' | 'plans.write'> = {
  'draft>approved': 'plans.approve',
  'approved>draft': 'plans.approve',
  'approved>in_force': 'plans.write',
  'in_force>closed': 'plans.write',
};

/** Plans and their task tables: create from a document, edit, approve, revise, read. */
export function createPlansService({ database, audit, org, onPlanChanged = () => {} }: PlansDeps) {
  const { db } = database;

  async function load(ex: Executor, plan: PlanTable): Promise<PlanView> {
    const tasks = await repo.listTasks(ex, plan.agency_id, plan.id);
    const file = plan.original_file_id ? await fileStore.meta(ex, plan.original_file_id) : undefined;
    return planView(plan, tasks, file ? { id: file.id, name: file.name, size: file.size, mime: file.mime } : null);
  }

  async function findForActor(actor: Actor | undefined, id: string, permission: keyof typeof plansPolicy) {
    const plan = await repo.findPlan(db, id);
    const a = authorize(actor, plansPolicy, permission, plan);
    return { a, plan: plan! };
  }

  /**
   * Runs a change to a plan in one transaction. Once the plan has left draft, a change needs a
   * reason and leaves a revision (a full snapshot) saying who, when and why.
   */
  async function change(a: Actor, planId: string, reason: string | undefined, fn: (trx: Executor, plan: PlanTable) => Promise<{ action: string; entity: string; entityId: string; before?: unknown; after?: unknown }>) {
    await database.transaction(async (trx) => {
      const plan = (await repo.findPlan(trx, planId))!;
      if (plan.status === 'closed') throw new ConflictError('Kế hoạch đã kết thúc, không thể sửa.');
      const revised = plan.status !== 'draft';
      if (revised && !reason?.trim()) throw new BadRequestError('Kế hoạch đã được phê duyệt: hãy ghi lý do điều chỉnh.');
      const entry = await fn(trx, plan);
      const after = (await repo.findPlan(trx, planId))!;
      if (revised) await addRevision(trx, a, after, reason!.trim());
      else await repo.updatePlan(trx, a.agencyId, planId, { updated_at: nowIso() });
      await audit.record(trx, a, { ...entry, ...(revised ? { after: { ...(entry.after as object), reason } } : {}) });
    });
    onPlanChanged(a.agencyId);
  }

  async function addRevision(trx: Executor, a: Actor, plan: PlanTable, reason: string) {
    const number = plan.revision + 1;
    await repo.updatePlan(trx, a.agencyId, plan.id, { revision: number, updated_at: nowIso() });
    const snapshot = await load(trx, { ...plan, revision: number });
    await repo.insertRevision(trx, {
      id: newId(), agency_id: a.agencyId, plan_id: plan.id, number, reason, actor_id: a.userId || null, actor_name: a.fullName,
      snapshot: JSON.stringify(snapshot), created_at: nowIso(),
    });
  }

  async function taskFieldsFrom(input: TaskInputValue, base?: PlanTaskTable): Promise<TaskFields> {
    const coop = input.coop ?? (base ? (JSON.parse(base.coop) as { text: string }[]).map((c) => c.text) : []);
    return {
      kind: input.kind ?? base?.kind ?? 'task',
      groupCode: input.groupCode !== undefined ? input.groupCode : (base?.group_code ?? null),
      code: input.code !== undefined ? input.code : (base?.code ?? null),
      content: normalizeText(input.content ?? base?.content ?? ''),
      lead: normalizeText(input.lead ?? base?.lead_text ?? ''),
      coop: coop.map(normalizeText).filter(Boolean),
      product: normalizeText(input.product ?? base?.product ?? ''),
      targets: input.targets ?? (base ? JSON.parse(base.targets) : []),
      dueText: normalizeText(input.dueText ?? base?.due_text ?? ''),
      dueEnd: input.dueEnd !== undefined ? input.dueEnd : input.dueText === undefined && base?.due && (JSON.parse(base.due) as { manual?: boolean }).manual ? base.due_end : undefined,
    };
  }

  return {
    async list(actor: Actor | undefined) {
      const a = authorize(actor, plansPolicy, 'plans.read');
      return (await repo.listPlans(db, a.agencyId)).map((p) => ({
        id: p.id, year: p.year, numberText: p.number_text, title: p.title, status: p.status, taskCount: Number(p.task_count ?? 0), revision: p.revision, updatedAt: p.updated_at,
      }));
    },

    async get(actor: Actor | undefined, id: string) {
      const { plan } = await findForActor(actor, id, 'plans.read');
      return load(db, plan);
    },

    /** Saves an imported (and possibly corrected) document as a new draft plan, with its original file. */
    async createFromDocument(actor: Actor | undefined, doc: PlanDocument, file?: { name: string; mime: string; bytes: Uint8Array }) {
      const a = authorize(actor, plansPolicy, 'plans.import');
      return this.createFromDocumentAs(a, doc, file);
    },

    /** As createFromDocument, for an actor already authorised (the seed and the CLI act as the system). */
    async createFromDocumentAs(a: { agencyId: string } & Partial<Actor>, doc: PlanDocument, file?: { name: string; mime: string; bytes: Uint8Array }) {
      const year = doc.year ?? (doc.signDate ? Number(doc.signDate.slice(0, 4)) : null);
      if (!year) throw new BadRequestError('Không xác định được năm của kế hoạch; hãy điền năm.');
      if (!doc.title?.trim()) throw new BadRequestError('Kế hoạch chưa có trích yếu (tiêu đề).');
      const id = newId();
      const rows = doc.appendix ? appendixRows(doc.appendix) : [];
      const taskRows = await buildTaskRows(org, a.agencyId, id, year, rows);
      await database.transaction(async (trx) => {
        const stored: StoredFileMeta | undefined = file ? await fileStore.save(trx, { agencyId: a.agencyId, name: file.name, mime: file.mime, bytes: file.bytes, createdBy: a.userId ?? null }) : undefined;
        const now = nowIso();
        await repo.insertPlan(trx, {
          id, agency_id: a.agencyId, year, doc_type: 'KH', number_text: doc.numberText, number_suffix: doc.numberSuffix, place: doc.place, sign_date: doc.signDate,
          title: normalizeText(doc.title), theme: doc.theme, status: 'draft', basis: JSON.stringify(doc.basis), sections: JSON.stringify(doc.sections),
          budget_text: doc.budgetText, budget_lines: JSON.stringify(doc.budgetLines), recipients: JSON.stringify(doc.recipients), signer: doc.signer ? JSON.stringify(doc.signer) : null,
          channels: JSON.stringify(doc.channels), indices: JSON.stringify(doc.indices), appendix_title: doc.appendix?.title ?? null, appendix_columns: JSON.stringify(doc.appendix?.columns ?? []),
          issuer: doc.issuer, province: doc.province, original_file_id: stored?.id ?? null, revision: 0, created_by: a.userId ?? null, created_at: now, updated_at: now,
        });
        await repo.insertTasks(trx, taskRows);
        const by = a.fullName ? (a as Actor) : { system: 'import', agencyId: a.agencyId };
        await audit.record(trx, by, { action: 'import', entity: 'plan', entityId: id, after: { title: doc.title, year, tasks: taskRows.filter((t) => t.kind === 'task').length, file: stored?.name } });
      });
      onPlanChanged(a.agencyId);
      return (await load(db, (await repo.findPlan(db, id))!));
    },

    async update(actor: Actor | undefined, id: string, patch: PlanPatchInput) {
      const { a } = await findForActor(actor, id, 'plans.write');
      await change(a, id, patch.reason, async (trx, before) => {
        const set: Partial<PlanTable> = {};
        if (patch.year !== undefined) set.year = patch.year;
        if (patch.numberText !== undefined) set.number_text = patch.numberText ? normalizeText(patch.numberText) : null;
        if (patch.place !== undefined) set.place = patch.place;
        if (patch.signDate !== undefined) set.sign_date = patch.signDate;
        if (patch.title !== undefined) set.title = normalizeText(patch.title);
        if (patch.theme !== undefined) set.theme = patch.theme;
        if (patch.basis !== undefined) set.basis = JSON.stringify(patch.basis);
        if (patch.sections !== undefined) set.sections = JSON.stringify(patch.sections);
        if (patch.budgetText !== undefined) set.budget_text = patch.budgetText;
        if (patch.budgetLines !== undefined) set.budget_lines = JSON.stringify(patch.budgetLines);
        if (patch.recipients !== undefined) set.recipients = JSON.stringify(patch.recipients.map(normalizeText).filter(Boolean));
        if (patch.signer !== undefined) set.signer = patch.signer ? JSON.stringify(patch.signer) : null;
        await repo.updatePlan(trx, a.agencyId, id, set);
        const after = (await repo.findPlan(trx, id))!;
        const changed = Object.keys(set) as (keyof PlanTable)[];
        return { action: 'update', entity: 'plan', entityId: id, before: pick(before, changed), after: pick(after, changed) };
      });
      return this.get(a, id);
    },

    async setStatus(actor: Actor | undefined, id: string, status: PlanTable['status'], reason?: string) {
      const { a, plan } = await findForActor(actor, id, 'plans.read');
      const needed = TRANSITIONS[`${plan.status}>${status}`];
      if (!needed) throw new ConflictError(`Không thể chuyển kế hoạch từ "${STATUS_LABELS[plan.status]}" sang "${STATUS_LABELS[status]}".`);
      if (!hasPermission(a, plansPolicy, needed)) throw new ForbiddenError(needed === 'plans.approve' ? 'Chỉ Lãnh đạo mới được phê duyệt kế hoạch.' : undefined);
      await database.transaction(async (trx) => {
        await repo.updatePlan(trx, a.agencyId, id, { status, updated_at: nowIso() });
        const after = (await repo.findPlan(trx, id))!;
        await addRevision(trx, a, after, reason?.trim() || `Chuyển trạng thái: ${STATUS_LABELS[status]}`);
        await audit.record(trx, a, { action: 'status', entity: 'plan', entityId: id, before: { status: plan.status }, after: { status, reason } });
      });
      onPlanChanged(a.agencyId);
      return this.get(a, id);
    },

    async addTask(actor: Actor | undefined, planId: string, input: TaskInputValue) {
      const { a, plan } = await findForActor(actor, planId, 'plans.write');
      const fields = await taskFieldsFrom(input);
      // Built before the transaction: unit matching reads through the org service, outside it.
      const [row] = await buildTaskRows(org, a.agencyId, planId, plan.year, [fields]);
      await change(a, planId, input.reason, async (trx) => {
        const tasks = await repo.listTasks(trx, a.agencyId, planId);
        const at = input.afterId === undefined ? tasks.length : input.afterId === null ? 0 : tasks.findIndex((t) => t.id === input.afterId) + 1;
        if (input.afterId && at === 0) throw new BadRequestError('Dòng được chọn để chèn sau không thuộc kế hoạch này.');
        for (const t of tasks.slice(at).reverse()) await repo.updateTask(trx, a.agencyId, t.id, { position: t.position + 1 });
        await repo.insertTasks(trx, [{ ...row!, position: at }]);
        return { action: 'create', entity: 'plan_task', entityId: row!.id, after: fields };
      });
      return (await this.get(a, planId)).tasks.find((t) => t.id === row!.id)!;
    },

    async updateTask(actor: Actor | undefined, taskId: string, input: Partial<TaskInputValue>) {
      const task = await repo.findTask(db, taskId);
      const a = authorize(actor, plansPolicy, 'plans.write', task);
      const plan = (await repo.findPlan(db, task!.plan_id))!;
      // A body with nothing but a new place is a move, one revision, not an edit plus a move.
      const onlyMove = Object.keys(input).every((k) => k === 'afterId' || k === 'reason');
      if (onlyMove && input.afterId !== undefined) return this.moveTask(a, taskId, input.afterId, input.reason);
      const fields = await taskFieldsFrom(input as TaskInputValue, task);
      const [row] = await buildTaskRows(org, a.agencyId, plan.id, plan.year, [fields], task!.position);
      await change(a, plan.id, input.reason, async (trx) => {
        const { id: _id, created_at: _c, position: _p, ...set } = row!;
        await repo.updateTask(trx, a.agencyId, taskId, set);
        return { action: 'update', entity: 'plan_task', entityId: taskId, before: { content: task!.content, lead: task!.lead_text, dueText: task!.due_text, product: task!.product }, after: fields };
      });
      if (input.afterId !== undefined) return this.moveTask(a, taskId, input.afterId, input.reason);
      return (await this.get(a, plan.id)).tasks.find((t) => t.id === taskId)!;
    },

    /** Moves a row to just after `afterId` (null: to the top), renumbering positions. */
    async moveTask(actor: Actor | undefined, taskId: string, afterId: string | null, reason?: string) {
      const task = await repo.findTask(db, taskId);
      const a = authorize(actor, plansPolicy, 'plans.write', task);
      await change(a, task!.plan_id, reason, async (trx) => {
        const rest = (await repo.listTasks(trx, a.agencyId, task!.plan_id)).filter((t) => t.id !== taskId);
        const at = afterId === null ? 0 : rest.findIndex((t) => t.id === afterId) + 1;
        if (afterId !== null && at === 0) throw new BadRequestError('Dòng được chọn không thuộc kế hoạch này.');
        rest.splice(at, 0, task!);
        for (const [i, t] of rest.entries()) if (t.position !== i) await repo.updateTask(trx, a.agencyId, t.id, { position: i });
        return { action: 'move', entity: 'plan_task', entityId: taskId, before: { position: task!.position }, after: { position: at } };
      });
      return (await this.get(a, task!.plan_id)).tasks.find((t) => t.id === taskId)!;
    },

    async deleteTask(actor: Actor | undefined, taskId: string, reason?: string) {
      const task = await repo.findTask(db, taskId);
      const a = authorize(actor, plansPolicy, 'plans.write', task);
      await change(a, task!.plan_id, reason, async (trx) => {
        await repo.deleteTask(trx, a.agencyId, taskId);
        return { action: 'delete', entity: 'plan_task', entityId: taskId, before: { content: task!.content, lead: task!.lead_text, dueText: task!.due_text } };
      });
    },

    async revisions(actor: Actor | undefined, planId: string) {
      const { a } = await findForActor(actor, planId, 'plans.read');
      return (await repo.listRevisions(db, a.agencyId, planId)).map((r) => ({ id: r.id, number: r.number, reason: r.reason, actorName: r.actor_name, createdAt: r.created_at }));
    },

    /** What changed between two revisions (0 = the current state when only one number is given). */
    async diff(actor: Actor | undefined, planId: string, from: number, to: number) {
      const { a, plan } = await findForActor(actor, planId, 'plans.read');
      const snapshot = async (n: number): Promise<PlanView> => {
        if (n === 0) return load(db, plan);
        const r = await repo.findRevision(db, a.agencyId, planId, n);
        if (!r) throw new NotFoundError(`Không có phiên bản ${n} của kế hoạch.`);
        return JSON.parse(r.snapshot) as PlanView;
      };
      return diffSnapshots(await snapshot(from), await snapshot(to));
    },

    /** The plan as a document for the writers, with the agency names in force on its date. */
    async document(actor: Actor | undefined, planId: string) {
      const { a, plan } = await findForActor(actor, planId, 'plans.read');
      const view = await load(db, plan);
      const names = await org.agencyNameOn(a.agencyId, plan.sign_date ?? `${plan.year}-01-01`);
      return { document: planDocumentOf(view), names, view };
    },

    async originalFile(actor: Actor | undefined, planId: string) {
      const { a, plan } = await findForActor(actor, planId, 'plans.read');
      if (!plan.original_file_id) throw new NotFoundError('Kế hoạch không có tệp gốc.');
      return (await fileStore.content(db, a.agencyId, plan.original_file_id))!;
    },

    // ---- read by other modules' services, which check their own access first ------------------
    /** A plan's year and rows, or undefined when it is not this agency's. */
    async planTasks(agencyId: string, planId: string) {
      const plan = await repo.findPlan(db, planId);
      if (!plan || plan.agency_id !== agencyId) return undefined;
      return { id: plan.id, year: plan.year, title: plan.title, status: plan.status, tasks: (await load(db, plan)).tasks };
    },

    /** The plan of each of the agency's tasks among `taskIds` (other agencies' ids are left out). */
    async planOfTasks(agencyId: string, taskIds: string[]) {
      return new Map((await repo.listTaskPlans(db, agencyId, taskIds)).map((t) => [t.id, t.plan_id]));
    },

    /** Ids of the agency's plans being carried out (approved or in force), for reminders. */
    async activePlanIds(agencyId: string) {
      return (await repo.listPlans(db, agencyId, ['approved', 'in_force'])).map((p) => p.id);
    },

    // ---- system (seed, CLI): no signed-in actor -------------------------------------------
    async hasPlans(agencyId: string) {
      return (await repo.listPlans(db, agencyId)).length > 0;
    },

    /** Puts a signed plan straight into force (seed and CLI import of already-signed plans). */
    async putInForceAs(agencyId: string, planId: string, reason: string) {
      await database.transaction(async (trx) => {
        await repo.updatePlan(trx, agencyId, planId, { status: 'in_force', updated_at: nowIso() });
        const plan = (await repo.findPlan(trx, planId))!;
        await addRevision(trx, { agencyId, userId: '', fullName: 'hệ thống', email: '', unitId: null, roles: [] }, plan, reason);
        await audit.record(trx, { system: 'import', agencyId }, { action: 'status', entity: 'plan', entityId: planId, after: { status: 'in_force', reason } });
      });
      onPlanChanged(agencyId);
    },

    // ---- public site (no actor: only plans the agency has approved) -------------------------
    async listPublic(agencyId: string) {
      return (await repo.listPlans(db, agencyId, PUBLIC_STATUSES)).map((p) => ({ id: p.id, year: p.year, numberText: p.number_text, title: p.title, status: p.status, statusLabel: STATUS_LABELS[p.status], taskCount: Number(p.task_count ?? 0) }));
    },
    async getPublic(agencyId: string, planId: string) {
      const plan = await repo.findPlan(db, planId);
      if (!plan || plan.agency_id !== agencyId || !PUBLIC_STATUSES.includes(plan.status)) return undefined;
      return { ...(await load(db, plan)), statusLabel: STATUS_LABELS[plan.status] };
    },
    async publicFile(agencyId: string, planId: string) {
      const plan = await repo.findPlan(db, planId);
      if (!plan || plan.agency_id !== agencyId || !PUBLIC_STATUSES.includes(plan.status) || !plan.original_file_id) return undefined;
      return fileStore.content(db, agencyId, plan.original_file_id);
    },
  };
}

function pick(row: PlanTable, keys: (keyof PlanTable)[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

export type PlansService = ReturnType<typeof createPlansService>;

import type { Database } from '../../db/database.ts';
import type { ProcedureDecisionTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { BadRequestError, ConflictError } from '../../platform/errors.ts';
import type { SearchIndex } from '../../platform/search/index.ts';
import { formatDateVi, normalizeText, todayVi } from '../../platform/vi-text.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { PlansService } from '../plans/service.ts';
import { procedurePaths } from './paths.ts';
import { proceduresPolicy } from './policy.ts';
import { CHANGE_KINDS, type ProcedureDataValue } from './procedure-data.ts';
import * as repo from './repo.ts';
import type { DecisionInputBody, DecisionView } from './schema.ts';
import { writeVersion } from './versions.ts';
import { addWorkingDays } from '../../platform/working-days.ts';

export { addWorkingDays };

export const DECISION_SOURCE = 'procedure-decision';

/**
 * Working days after signing within which announced procedures must be disclosed and posted at
 * the one-stop desk. Default 5 (as the team read Thông tư 02/2017/TT-VPCP); weekends are skipped,
 * public holidays are not known here.
 */
export const POSTING_WORKING_DAYS = 5;

export interface DecisionDeps {
  database: Database;
  audit: AuditService;
  search: SearchIndex;
  plans: PlansService;
  evidence: EvidenceService;
  onPublicChange: (agencyId: string) => void;
}

/** Announcement decisions (Quyết định công bố): drafted, then applied to the catalog at their effective date. */
export function createDecisions({ database, audit, search, plans, evidence, onPublicChange }: DecisionDeps) {
  const { db } = database;

  async function views(agencyId: string, rows: ProcedureDecisionTable[]): Promise<DecisionView[]> {
    const items = await repo.listDecisionItems(db, agencyId, rows.map((r) => r.id));
    const today = todayVi();
    return Promise.all(rows.map(async (d) => {
      const file = d.file_id ? await repo.fileMeta(db, agencyId, d.file_id) : undefined;
      return {
        id: d.id, numberSymbol: d.number_symbol, issuer: d.issuer, signedOn: d.signed_on, effectiveOn: d.effective_on, status: d.status,
        postingDueOn: d.posting_due_on, postedOn: d.posted_on, postingOverdue: d.posted_on === null && d.posting_due_on < today, appliedAt: d.applied_at,
        taskIds: JSON.parse(d.task_ids) as string[],
        planId: d.plan_id,
        items: items.filter((i) => i.decision_id === d.id).map((i) => {
          const data = i.data ? (JSON.parse(i.data) as ProcedureDataValue) : null;
          return { changeKind: i.change_kind, code: i.code, replacesCode: i.replaces_code, name: data?.name ?? '', data };
        }),
        file: file ? { fileId: file.id, name: file.name, mime: file.mime, size: file.size } : null,
        isDemo: d.is_demo === 1,
      };
    }));
  }

  /** Shape checks that need no database: data where the change needs it, codes consistent. */
  function checkItems(input: DecisionInputBody) {
    if (input.effectiveOn < input.signedOn) throw new BadRequestError('Ngày hiệu lực không thể trước ngày ký quyết định.');
    const seen = new Set<string>();
    for (const [i, item] of input.items.entries()) {
      const n = `Dòng ${i + 1} (${CHANGE_KINDS[item.changeKind]} ${item.code})`;
      if (item.changeKind !== 'abolished' && !item.data) throw new BadRequestError(`${n}: thiếu nội dung thủ tục.`);
      if (item.data && item.data.code !== item.code) throw new BadRequestError(`${n}: mã trong nội dung (${item.data.code}) khác mã của dòng.`);
      if (item.changeKind === 'replaced' && !item.replacesCode) throw new BadRequestError(`${n}: cần mã thủ tục bị thay thế.`);
      for (const code of [item.code, ...(item.changeKind === 'replaced' && item.replacesCode && item.replacesCode !== item.code ? [item.replacesCode] : [])]) {
        if (seen.has(code)) throw new BadRequestError(`${n}: mã ${code} xuất hiện hai lần trong quyết định.`);
        seen.add(code);
      }
    }
  }

  async function upsert(a: Actor, id: string | null, input: DecisionInputBody, opts: { isDemo?: boolean } = {}) {
    checkItems(input);
    const now = nowIso();
    const taskIds = [...new Set(input.taskIds ?? [])];
    const planOf = await plans.planOfTasks(a.agencyId, taskIds);
    if (taskIds.some((t) => !planOf.has(t))) throw new BadRequestError('Có nhiệm vụ không thuộc kế hoạch của cơ quan.');
    if (new Set(planOf.values()).size > 1) throw new BadRequestError('Các nhiệm vụ liên kết phải thuộc cùng một kế hoạch.');
    const decisionId = id ?? newId();
    const fields = {
      number_symbol: normalizeText(input.numberSymbol), issuer: normalizeText(input.issuer), signed_on: input.signedOn, effective_on: input.effectiveOn, file_id: input.fileId ?? null,
      posting_due_on: addWorkingDays(input.signedOn, POSTING_WORKING_DAYS), task_ids: JSON.stringify(taskIds), plan_id: [...planOf.values()][0] ?? null, updated_at: now,
    };
    await database.transaction(async (trx) => {
      if (id) await repo.updateDecision(trx, a.agencyId, id, fields);
      else await repo.insertDecision(trx, { id: decisionId, agency_id: a.agencyId, status: 'draft', posted_on: null, applied_at: null, applied_by: null, is_demo: opts.isDemo ? 1 : 0, created_by: a.userId || null, created_at: now, ...fields });
      await repo.replaceDecisionItems(trx, a.agencyId, decisionId, input.items.map((item, position) => ({
        id: newId(), agency_id: a.agencyId, decision_id: decisionId, position, change_kind: item.changeKind, code: item.code.trim(), replaces_code: item.replacesCode?.trim() || null, data: item.data ? JSON.stringify(item.data) : null,
      })));
      await audit.record(trx, a, { action: id ? 'update' : 'create', entity: 'procedure_decision', entityId: decisionId, after: { numberSymbol: fields.number_symbol, items: input.items.length } });
    });
    return decisionId;
  }

  async function load(actor: Actor | undefined, id: string, permission: 'procedures.read' | 'procedures.decide') {
    const row = await repo.findDecision(db, id);
    const a = authorize(actor, proceduresPolicy, permission, row);
    return { a, row: row! };
  }

  async function getView(actor: Actor | undefined, id: string) {
    const { a, row } = await load(actor, id, 'procedures.read');
    return (await views(a.agencyId, [row]))[0]!;
  }

  return {
    get: getView,

    async list(actor: Actor | undefined) {
      const a = authorize(actor, proceduresPolicy, 'procedures.read');
      return views(a.agencyId, await repo.listDecisions(db, a.agencyId));
    },

    async create(actor: Actor | undefined, input: DecisionInputBody) {
      const a = authorize(actor, proceduresPolicy, 'procedures.decide');
      return getView(a, await upsert(a, null, input));
    },

    /** Demo seed: a decision drafted by the system account. */
    createAs: (a: Actor, input: DecisionInputBody) => upsert(a, null, input, { isDemo: true }),

    async update(actor: Actor | undefined, id: string, input: DecisionInputBody) {
      const { a, row } = await load(actor, id, 'procedures.decide');
      if (row.status === 'applied') throw new ConflictError('Quyết định đã áp dụng vào danh mục, không sửa được.');
      await upsert(a, id, input);
      return (await views(a.agencyId, [(await repo.findDecision(db, id))!]))[0]!;
    },

    /**
     * Applies the decision to the catalog at its effective date, in one transaction: new
     * procedures, new versions of amended ones, the replaced closed and the replacement added,
     * the abolished closed (kept in history). Evidence goes on the linked tasks.
     */
    async apply(actor: Actor | undefined, id: string) {
      const { a, row } = await load(actor, id, 'procedures.decide');
      if (row.status === 'applied') throw new ConflictError('Quyết định này đã được áp dụng.');
      const items = await repo.listDecisionItems(db, a.agencyId, [id]);
      const codes = [...new Set(items.flatMap((i) => [i.code, ...(i.replaces_code ? [i.replaces_code] : [])]))];
      const procedures = new Map((await repo.findProceduresByCodes(db, a.agencyId, codes)).map((p) => [p.code, p]));
      const inForce = async (code: string) => {
        const p = procedures.get(code);
        return p ? repo.versionInForce(db, a.agencyId, p.id, row.effective_on) : undefined;
      };
      for (const item of items) {
        const label = `${CHANGE_KINDS[item.change_kind]} thủ tục ${item.code}`;
        if (item.change_kind === 'new' && (await inForce(item.code))) throw new BadRequestError(`${label}: mã này đang có hiệu lực trong danh mục.`);
        if ((item.change_kind === 'amended' || item.change_kind === 'abolished') && !(await inForce(item.code))) throw new BadRequestError(`${label}: không có thủ tục này đang hiệu lực vào ngày ${formatDateVi(row.effective_on)}.`);
        if (item.change_kind === 'replaced' && !(await inForce(item.replaces_code!))) throw new BadRequestError(`${label}: thủ tục bị thay thế ${item.replaces_code} không có trong danh mục đang hiệu lực.`);
      }
      const taskIds = JSON.parse(row.task_ids) as string[];
      const recordEvidence = row.plan_id && taskIds.length > 0
        ? await evidence.prepareFromSource(a.agencyId, { source: { type: DECISION_SOURCE, id }, planId: row.plan_id, taskIds, kind: 'procedure', date: row.signed_on, unitId: a.unitId, title: `Công bố, cập nhật ${items.length} thủ tục hành chính theo Quyết định ${row.number_symbol}`, link: procedurePaths.changes, quantities: { procedures_disclosed: items.filter((i) => i.change_kind === 'new' || i.change_kind === 'replaced').length, procedures_updated: items.filter((i) => i.change_kind === 'amended' || i.change_kind === 'abolished').length } })
        : null;
      await database.transaction(async (trx) => {
        for (const item of items) {
          const data = item.data ? (JSON.parse(item.data) as ProcedureDataValue) : null;
          const base = { agencyId: a.agencyId, effectiveFrom: row.effective_on, decisionId: id, createdBy: a.userId || null, isDemo: row.is_demo === 1 };
          if (item.change_kind === 'replaced' && item.replaces_code !== item.code) {
            await writeVersion(trx, search, { ...base, procedure: procedures.get(item.replaces_code!), data: null, code: item.replaces_code!, origin: 'abolished' });
          }
          await writeVersion(trx, search, { ...base, procedure: procedures.get(item.code), data, code: item.code, origin: item.change_kind });
        }
        await repo.updateDecision(trx, a.agencyId, id, { status: 'applied', applied_at: nowIso(), applied_by: a.userId, updated_at: nowIso() });
        if (recordEvidence) await recordEvidence(trx);
        await audit.record(trx, a, { action: 'apply', entity: 'procedure_decision', entityId: id, after: { numberSymbol: row.number_symbol, items: items.map((i) => `${i.change_kind} ${i.code}`) } });
      });
      onPublicChange(a.agencyId);
      return getView(a, id);
    },

    /** Records the day the decision's procedures were posted (portal and desk): clears the overdue flag. */
    async markPosted(actor: Actor | undefined, id: string, postedOn: string) {
      const { a, row } = await load(actor, id, 'procedures.decide');
      if (postedOn < row.signed_on) throw new BadRequestError('Ngày niêm yết không thể trước ngày ký quyết định.');
      await database.transaction(async (trx) => {
        await repo.updateDecision(trx, a.agencyId, id, { posted_on: postedOn, updated_at: nowIso() });
        await audit.record(trx, a, { action: 'posted', entity: 'procedure_decision', entityId: id, after: { postedOn } });
      });
      return getView(a, id);
    },
  };
}

export type Decisions = ReturnType<typeof createDecisions>;

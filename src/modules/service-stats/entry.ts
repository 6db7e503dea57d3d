/** Entering, listing, deleting and summarising one agency's monthly results. */
import type { Executor } from '../../db/database.ts';
import type { ProcessingResultTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import type { SystemActor } from '../../platform/audit/service.ts';
import { BadRequestError, ConflictError } from '../../platform/errors.ts';
import { normalizeText, todayVi } from '../../platform/vi-text.ts';
import { COLUMN_LABELS, IMPORT_TEMPLATE_MARKDOWN, REQUIRED_FIGURES } from './columns.ts';
import type { ServiceStatsDeps } from './deps.ts';
import { monthLabel } from './parse.ts';
import { serviceStatsPolicy } from './policy.ts';
import { FIGURE_KEYS, type Figures } from './rates.ts';
import * as repo from './repo.ts';
import type { ResultInputBody, ResultQueryValue } from './schema.ts';
import { buildSummary, figureColumns, monthsBetween, resultView, type Names } from './views.ts';

/** The evidence source of a month's results (one per agency and month). */
export const RESULTS_SOURCE = 'processing-results';
export const resultsSourceId = (agencyId: string, month: string) => `${agencyId}:${month}`;

/** The current month in Vietnam (YYYY-MM): results of later months cannot exist yet. */
export function currentMonth(now = new Date()): string {
  return todayVi(now).slice(0, 7);
}

/** The calendar year of the current month, as a default range. */
function defaultRange(q: { from?: string; to?: string }) {
  const year = currentMonth().slice(0, 4);
  const from = q.from ?? (q.to ? `${q.to.slice(0, 4)}-01` : `${year}-01`);
  const to = q.to ?? (q.from ? `${q.from.slice(0, 4)}-12` : `${year}-12`);
  if (from > to) throw new BadRequestError('Tháng bắt đầu phải trước tháng kết thúc.');
  if (monthsBetween(from, to).length > 120) throw new BadRequestError('Chỉ xem được tối đa 10 năm một lần.');
  return { from, to };
}

export type RowKey = { procedureCode: string; fieldId: string | null } | { procedureCode: null; fieldId: string };

export interface WriteMeta {
  source: ProcessingResultTable['source'];
  isDemo?: boolean;
  userId: string | null;
}

/**
 * Creates or updates the row of (month, procedure) or (month, field total), inside the caller's
 * transaction. A procedure's row follows its field in the catalog.
 */
export async function writeRow(trx: Executor, agencyId: string, month: string, key: RowKey, figures: Figures, meta: WriteMeta) {
  const before = await repo.findResultByKey(trx, agencyId, month, key.procedureCode ? { procedureCode: key.procedureCode } : { fieldId: key.fieldId! });
  const now = nowIso();
  if (before) {
    await repo.updateResult(trx, agencyId, before.id, { ...figureColumns(figures), field_id: key.fieldId, source: meta.source, is_demo: meta.isDemo ? 1 : 0, updated_at: now });
    return { id: before.id, before };
  }
  const id = newId();
  await repo.insertResult(trx, {
    id, agency_id: agencyId, month, procedure_code: key.procedureCode, field_id: key.fieldId, ...figureColumns(figures),
    source: meta.source, is_demo: meta.isDemo ? 1 : 0, created_by: meta.userId, created_at: now, updated_at: now,
  });
  return { id, before: undefined };
}

export function createResultEntry(deps: ServiceStatsDeps) {
  const { database, audit, evidence, onPublicChange, procedures } = deps;
  const { db } = database;

  async function names(agencyId: string): Promise<Names> {
    const [fields, catalog] = await Promise.all([procedures.listFields(agencyId), procedures.latestNamesByCode(agencyId)]);
    return { fields: new Map(fields.map((f) => [f.id, f.name])), procedures: catalog };
  }

  async function view(agencyId: string, id: string) {
    return resultView((await repo.findResult(db, id))!, await names(agencyId));
  }

  /** The row's key after checking the code or field against the agency's catalog and fields. */
  async function resolveKey(agencyId: string, input: { procedureCode?: string | null; fieldId?: string | null }): Promise<RowKey> {
    const code = input.procedureCode ? normalizeText(input.procedureCode) : '';
    if (code && input.fieldId) throw new BadRequestError('Chọn mã thủ tục hoặc lĩnh vực, không chọn cả hai: số liệu theo thủ tục tự thuộc lĩnh vực của thủ tục.');
    if (code) {
      const found = (await procedures.latestNamesByCode(agencyId)).get(code);
      if (!found) throw new BadRequestError(`Mã thủ tục "${code}" không có trong danh mục thủ tục của cơ quan.`);
      return { procedureCode: code, fieldId: found.fieldId };
    }
    if (!input.fieldId) throw new BadRequestError('Hãy chọn thủ tục (mã) hoặc lĩnh vực của số liệu.');
    if (!(await procedures.listFields(agencyId)).some((f) => f.id === input.fieldId)) throw new BadRequestError('Lĩnh vực không có trong danh sách lĩnh vực của cơ quan.');
    return { procedureCode: null, fieldId: input.fieldId };
  }

  /** A field's month is counted per procedure or as the field's total, never both. */
  async function refuseDoubleCounting(agencyId: string, month: string, key: RowKey) {
    if (!key.fieldId) return;
    const rows = await repo.listResults(db, { agencyId, from: month, to: month, fieldId: key.fieldId });
    const fieldName = (await names(agencyId)).fields.get(key.fieldId) ?? '';
    if (key.procedureCode === null && rows.some((r) => r.procedure_code !== null)) {
      throw new ConflictError(`Tháng ${monthLabel(month)} đã có số liệu theo từng thủ tục của lĩnh vực "${fieldName}": không nhập thêm số liệu tổng của lĩnh vực (sẽ bị tính hai lần).`);
    }
    if (key.procedureCode !== null && rows.some((r) => r.procedure_code === null)) {
      throw new ConflictError(`Tháng ${monthLabel(month)} đã có số liệu tổng của lĩnh vực "${fieldName}": xoá số liệu đó trước khi nhập theo từng thủ tục.`);
    }
  }

  async function summaryOf(agencyId: string, range: { from: string; to: string }) {
    const [rows, n] = await Promise.all([repo.listResults(db, { agencyId, ...range }), names(agencyId)]);
    return buildSummary(rows, range.from, range.to, n);
  }

  return {
    names,
    summaryOf,

    async list(actor: Actor | undefined, query: ResultQueryValue) {
      const a = authorize(actor, serviceStatsPolicy, 'procedures.read');
      const range = defaultRange(query);
      const [rows, n] = await Promise.all([repo.listResults(db, { agencyId: a.agencyId, ...range, fieldId: query.fieldId, procedureCode: query.procedureCode }), names(a.agencyId)]);
      return rows.map((r) => resultView(r, n));
    },

    /**
     * Enters or corrects one month's figures of a procedure or a field. Figures that do not add
     * up are kept as entered; the answer says so (`balanced: false`).
     */
    async save(actor: Actor | undefined, input: ResultInputBody) {
      const a = authorize(actor, serviceStatsPolicy, 'procedures.results');
      if (input.month > currentMonth()) throw new BadRequestError(`Tháng ${monthLabel(input.month)} chưa tới.`);
      const key = await resolveKey(a.agencyId, input);
      await refuseDoubleCounting(a.agencyId, input.month, key);
      const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, input[k]])) as Figures;
      const id = await database.transaction(async (trx) => {
        const written = await writeRow(trx, a.agencyId, input.month, key, figures, { source: 'manual', userId: a.userId });
        await audit.record(trx, a, { action: written.before ? 'update' : 'create', entity: 'processing_result', entityId: written.id, before: written.before, after: { month: input.month, ...key, ...figures } });
        return written.id;
      });
      onPublicChange(a.agencyId);
      return view(a.agencyId, id);
    },

    /** Deletes a row; a month left without rows loses its publication evidence (withdrawn, visibly). */
    async remove(actor: Actor | undefined, id: string) {
      const row = await repo.findResult(db, id);
      const a = authorize(actor, serviceStatsPolicy, 'procedures.results', row);
      await database.transaction(async (trx) => {
        await repo.deleteResult(trx, a.agencyId, id);
        await audit.record(trx, a, { action: 'delete', entity: 'processing_result', entityId: id, before: row });
        if ((await repo.countMonthRows(trx, a.agencyId, row!.month)) === 0) {
          await evidence.withdrawSourceIn(trx, a.agencyId, { type: RESULTS_SOURCE, id: resultsSourceId(a.agencyId, row!.month) }, `Đã xoá hết số liệu tháng ${monthLabel(row!.month)}.`);
        }
      });
      onPublicChange(a.agencyId);
    },

    /** Per month, field and procedure, and the range's total, with the rates (default: this year). */
    async summary(actor: Actor | undefined, query: { from?: string; to?: string }) {
      const a = authorize(actor, serviceStatsPolicy, 'procedures.read');
      return summaryOf(a.agencyId, defaultRange(query));
    },

    /** The fields to choose from, the columns and the import template. */
    async vocabulary(actor: Actor | undefined) {
      const a = authorize(actor, serviceStatsPolicy, 'procedures.read');
      const fields = await procedures.listFields(a.agencyId);
      return {
        fields: fields.map((f) => ({ id: f.id, name: f.name })),
        columns: (['month', 'procedureCode', 'field', ...FIGURE_KEYS] as const).map((k) => ({ key: k, label: COLUMN_LABELS[k], required: k === 'month' || (REQUIRED_FIGURES as readonly string[]).includes(k) })),
        templateMarkdown: IMPORT_TEMPLATE_MARKDOWN,
      };
    },

    /** True when the agency has results in the year (the demo seed never writes over them). */
    async hasResults(agencyId: string, year: number) {
      return (await repo.listMonths(db, agencyId)).some((m) => m.startsWith(`${year}-`));
    },

    /** Demo seed only: field totals flagged demo (fields created by name when missing), written as the system. */
    async writeDemo(agencyId: string, rows: { month: string; fieldName: string; figures: Figures }[], by: SystemActor) {
      await database.transaction(async (trx) => {
        const fieldIds = new Map<string, string>();
        for (const name of new Set(rows.map((r) => r.fieldName))) fieldIds.set(name, await procedures.ensureFieldIn(trx, agencyId, name));
        for (const r of rows) await writeRow(trx, agencyId, r.month, { procedureCode: null, fieldId: fieldIds.get(r.fieldName)! }, r.figures, { source: 'manual', isDemo: true, userId: null });
        await audit.record(trx, by, { action: 'create', entity: 'processing_result', entityId: `demo:${agencyId}`, after: { rows: rows.length, fields: [...fieldIds.keys()] } });
      });
      onPublicChange(agencyId);
    },
  };
}

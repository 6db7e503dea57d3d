import { Value } from 'typebox/value';
import type { Database } from '../../db/database.ts';
import { newId } from '../../db/sql-helpers.ts';
import { catalogToCsv, catalogToJson, catalogToXlsx } from '../../documents/procedures/catalog-export.ts';
import { readCatalog } from '../../documents/procedures/catalog-import.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { SearchIndex } from '../../platform/search/index.ts';
import type { OrgService } from '../org/service.ts';
import { todayVi } from '../../platform/vi-text.ts';
import { proceduresPolicy } from './policy.ts';
import { ProcedureData, type ProcedureDataValue } from './procedure-data.ts';
import * as repo from './repo.ts';
import type { CatalogImportReportView, ProcedureQueryInput, ProcedureSummaryView, ProcedureView, ProcessStepInput } from './schema.ts';
import { searchProcedures, writeVersion, PROCEDURE_SOURCE } from './versions.ts';

export interface CatalogDeps {
  database: Database;
  audit: AuditService;
  search: SearchIndex;
  org: Pick<OrgService, 'unitDirectory'>;
  onPublicChange: (agencyId: string) => void;
}

const HOURS_PER_DAY = 8;
/**
 * Hours to the hundredth: nobody plans a step more finely, and a value like 1e-200 underflows
 * PostgreSQL's `real` column (a 500 there, a different number back on SQLite).
 */
const roundHours = (hours: number) => Math.round(hours * 100) / 100;
const same = (a: ProcedureDataValue, b: ProcedureDataValue) => JSON.stringify(a) === JSON.stringify(b);

type InForceRow = Awaited<ReturnType<typeof repo.listInForce>>['items'][number];

export function summaryOf(r: InForceRow): ProcedureSummaryView {
  return {
    id: r.id, code: r.code, name: r.name, field: r.field_name, fieldSlug: r.field_slug, level: r.level, onlineLevel: r.online_level,
    effectiveFrom: r.effective_from, versionNo: r.version_no, current: true, isDemo: r.is_demo === 1,
  };
}

/** The catalog: reading it as of any day, entering and correcting procedures, import and export. */
export function createCatalog({ database, audit, search, org, onPublicChange }: CatalogDeps) {
  const { db } = database;

  async function find(agencyId: string, code: string) {
    const p = await repo.findProcedureByCode(db, agencyId, code);
    if (!p) throw new NotFoundError(`Không có thủ tục mã ${code}.`);
    return p;
  }

  /** A procedure with its text on `asOf` (or its last text when abolished), history and internal process. */
  async function view(agencyId: string, code: string, asOf: string): Promise<ProcedureView> {
    const p = await find(agencyId, code);
    const [inForce, versions, steps, fields] = await Promise.all([repo.versionInForce(db, agencyId, p.id, asOf), repo.listVersions(db, agencyId, p.id), repo.listProcessSteps(db, agencyId, p.id), repo.listFields(db, agencyId)]);
    const shown = inForce ?? versions.find((v) => v.effective_from <= asOf) ?? versions.at(-1)!;
    const data = JSON.parse(shown.data) as ProcedureDataValue;
    const field = fields.find((f) => f.id === shown.field_id)!;
    const totalHours = steps.reduce((s, x) => s + x.hours, 0);
    const legalDays = data.processingDays;
    return {
      id: p.id, code: p.code, name: shown.name, field: field.name, fieldSlug: field.slug, level: shown.level, onlineLevel: shown.online_level,
      effectiveFrom: shown.effective_from, versionNo: shown.version_no, current: inForce !== undefined, isDemo: p.is_demo === 1, data,
      versions: versions.map((v) => ({ versionNo: v.version_no, effectiveFrom: v.effective_from, effectiveTo: v.effective_to, origin: v.origin, name: v.name, decision: v.decision_id && v.decision_number ? { id: v.decision_id, numberSymbol: v.decision_number, signedOn: v.decision_signed_on! } : null })),
      process: steps.map((s) => ({ name: s.name, responsible: s.responsible, unitId: s.unit_id, hours: s.hours })),
      processCheck: { totalHours, totalDays: totalHours / HOURS_PER_DAY, legalDays, withinLegalTime: legalDays === null || steps.length === 0 ? null : totalHours / HOURS_PER_DAY <= legalDays },
    };
  }

  /** Checks procedure data against the contract, with a Vietnamese message on the first problem. */
  function check(data: ProcedureDataValue) {
    if (!Value.Check(ProcedureData, data)) {
      const first = [...Value.Errors(ProcedureData, data)][0];
      throw new BadRequestError(`Dữ liệu thủ tục không hợp lệ${first ? ` (${first.instancePath || 'gốc'}: ${first.message})` : ''}.`);
    }
  }

  /** Every procedure in force on `asOf`, as announced (open data, exports; no actor). */
  async function catalogData(agencyId: string, asOf: string): Promise<ProcedureDataValue[]> {
    return (await repo.dataInForce(db, agencyId, asOf)).map((d) => JSON.parse(d) as ProcedureDataValue);
  }

  return {
    view,

    async fields(actor: Actor | undefined) {
      const a = authorize(actor, proceduresPolicy, 'procedures.read');
      const [fields, counts] = await Promise.all([repo.listFields(db, a.agencyId), repo.procedureCountByField(db, a.agencyId, todayVi())]);
      return fields.map((f) => ({ id: f.id, name: f.name, slug: f.slug, procedureCount: counts.get(f.id) ?? 0 }));
    },

    async list(actor: Actor | undefined, query: ProcedureQueryInput) {
      const a = authorize(actor, proceduresPolicy, 'procedures.read');
      const pageSize = query.pageSize ?? 50;
      const q = query.q?.trim();
      // Words go through the search index (tones and đ folded), as on the portal; a code is matched as typed.
      const codeLike = q !== undefined && /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)+$/.test(q);
      // The index holds today's catalog: a past day is searched by name as typed.
      const past = query.asOf !== undefined && query.asOf < todayVi();
      const procedureIds = q && !codeLike && !past ? await searchProcedures(search, a.agencyId, q, { fieldSlug: query.field, level: query.level, onlineLevel: query.onlineLevel }) : undefined;
      const { items, total } = await repo.listInForce(db, { agencyId: a.agencyId, asOf: query.asOf ?? todayVi(), fieldSlug: query.field, level: query.level, onlineLevel: query.onlineLevel, text: procedureIds ? undefined : q || undefined, procedureIds, limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize });
      return { total, items: items.map(summaryOf) };
    },

    async get(actor: Actor | undefined, code: string, asOf?: string) {
      const a = authorize(actor, proceduresPolicy, 'procedures.read');
      return view(a.agencyId, code, asOf ?? todayVi());
    },

    /** Enters a procedure, or corrects one: a new version in force from `effectiveFrom` (today by default). */
    async save(actor: Actor | undefined, data: ProcedureDataValue, effectiveFrom?: string, opts: { isDemo?: boolean } = {}) {
      const a = authorize(actor, proceduresPolicy, 'procedures.write');
      check(data);
      const from = effectiveFrom ?? todayVi();
      const existing = await repo.findProcedureByCode(db, a.agencyId, data.code);
      if (existing) {
        const current = await repo.versionInForce(db, a.agencyId, existing.id, from);
        if (current && same(JSON.parse(current.data) as ProcedureDataValue, data)) return view(a.agencyId, data.code, from);
      }
      await database.transaction(async (trx) => {
        const r = await writeVersion(trx, search, { agencyId: a.agencyId, procedure: existing, data, code: data.code, effectiveFrom: from, origin: 'catalog', decisionId: null, createdBy: a.userId || null, isDemo: opts.isDemo });
        await audit.record(trx, a, { action: existing ? 'update' : 'create', entity: 'procedure', entityId: r.procedureId, after: { code: data.code, name: data.name, version: r.versionNo, effectiveFrom: from } });
      });
      onPublicChange(a.agencyId);
      return view(a.agencyId, data.code, from);
    },

    /**
     * Imports a catalog file (XLSX, CSV, JSON). Any bad row stops the import (nothing written) unless
     * the user chose to skip bad rows; unchanged procedures get no new version.
     */
    async importFile(actor: Actor | undefined, input: { name: string; base64: string; effectiveFrom?: string; skipBadRows?: boolean; dryRun?: boolean }): Promise<CatalogImportReportView> {
      const a = authorize(actor, proceduresPolicy, 'procedures.write');
      const read = await readCatalog({ name: input.name, bytes: Buffer.from(input.base64, 'base64') });
      // Warnings (a code that looks mangled by a spreadsheet) are reported but do not stop the import.
      const rows = read.rows.map((r) => ({ row: r.row, code: r.data?.code ?? null, data: r.data, errors: r.problems.filter((p) => p.severity !== 'warning').length, problems: r.problems.map((p) => ({ column: p.column ?? null, message: p.severity === 'warning' ? `Lưu ý: ${p.message}` : p.message })) }));
      const bad = rows.filter((r) => r.errors > 0 || !r.data);
      const good = rows.filter((r) => r.errors === 0 && r.data);
      const from = input.effectiveFrom ?? todayVi();
      const report = { format: read.format, written: false, created: 0, changed: 0, unchanged: 0, skipped: bad.length, fileProblems: read.fileProblems, rows: rows.filter((r) => r.problems.length > 0).map(({ row, code, problems }) => ({ row, code, problems })) };
      if (read.fileProblems.length > 0 || (bad.length > 0 && !input.skipBadRows) || good.length === 0) return { ...report, skipped: rows.length };
      const existing = new Map((await repo.findProceduresByCodes(db, a.agencyId, good.map((r) => r.data!.code))).map((p) => [p.code, p]));
      const latest = await repo.latestVersions(db, a.agencyId, [...existing.values()].map((p) => p.id));
      const plan = good.map((r) => {
        const p = existing.get(r.data!.code);
        const v = p && latest.get(p.id);
        const unchanged = v !== undefined && v.origin !== 'abolished' && same(JSON.parse(v.data) as ProcedureDataValue, r.data!);
        return { data: r.data!, procedure: p, unchanged };
      });
      const counts = { created: plan.filter((x) => !x.procedure).length, changed: plan.filter((x) => x.procedure && !x.unchanged).length, unchanged: plan.filter((x) => x.unchanged).length };
      if (input.dryRun) return { ...report, ...counts };
      await database.transaction(async (trx) => {
        for (const x of plan.filter((y) => !y.unchanged)) {
          await writeVersion(trx, search, { agencyId: a.agencyId, procedure: x.procedure, data: x.data, code: x.data.code, effectiveFrom: from, origin: 'catalog', decisionId: null, createdBy: a.userId });
        }
        await audit.record(trx, a, { action: 'import', entity: 'procedure_catalog', entityId: a.agencyId, after: { file: input.name, ...counts, skipped: bad.length } });
      });
      onPublicChange(a.agencyId);
      return { ...report, ...counts, written: true };
    },

    async exportFile(actor: Actor | undefined, format: 'xlsx' | 'csv' | 'json', asOf?: string) {
      const a = authorize(actor, proceduresPolicy, 'procedures.read');
      const list = await catalogData(a.agencyId, asOf ?? todayVi());
      const day = asOf ?? todayVi();
      if (format === 'xlsx') return { name: `thu-tuc-hanh-chinh-${day}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await catalogToXlsx(list) };
      if (format === 'csv') return { name: `thu-tuc-hanh-chinh-${day}.csv`, mime: 'text/csv; charset=utf-8', bytes: Buffer.from(catalogToCsv(list), 'utf8') };
      return { name: `thu-tuc-hanh-chinh-${day}.json`, mime: 'application/json; charset=utf-8', bytes: Buffer.from(catalogToJson(list), 'utf8') };
    },

    catalogData,

    /** The internal processing steps of a procedure; their total is checked against the legal time. */
    async setProcess(actor: Actor | undefined, code: string, steps: ProcessStepInput[]) {
      const a = authorize(actor, proceduresPolicy, 'procedures.write');
      const p = await find(a.agencyId, code);
      if (steps.some((s) => !s.name.trim() || !s.responsible.trim())) throw new BadRequestError('Mỗi bước cần tên và người/bộ phận chịu trách nhiệm.');
      // A step's unit must be one of this agency's: never another agency's, never a made-up id.
      const named = steps.map((s) => s.unitId).filter((id): id is string => !!id);
      if (named.length > 0) {
        const { units } = await org.unitDirectory(a.agencyId);
        if (named.some((id) => !units.some((u) => u.id === id))) throw new BadRequestError('Đơn vị của một bước xử lý không thuộc cơ quan.');
      }
      await database.transaction(async (trx) => {
        await repo.replaceProcessSteps(trx, a.agencyId, p.id, steps.map((s) => ({ id: newId(), name: s.name.trim(), responsible: s.responsible.trim(), unit_id: s.unitId ?? null, hours: roundHours(s.hours) })));
        await audit.record(trx, a, { action: 'update-process', entity: 'procedure', entityId: p.id, after: { steps: steps.length, hours: steps.reduce((x, s) => x + s.hours, 0) } });
      });
      onPublicChange(a.agencyId);
      return view(a.agencyId, code, todayVi());
    },

    /** Refuses a code that is already in the catalog (for "new" in a decision). */
    async assertNew(agencyId: string, code: string) {
      if (await repo.findProcedureByCode(db, agencyId, code)) throw new ConflictError(`Mã thủ tục ${code} đã có trong danh mục.`);
    },
  };
}

export { PROCEDURE_SOURCE };
export type Catalog = ReturnType<typeof createCatalog>;

import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { containsText, toCount } from '../../db/sql-helpers.ts';
import type { ProcedureDecisionItemTable, ProcedureDecisionTable, ProcedureVersionTable } from '../../db/types.ts';

export { ensureField, ensureFieldRow, listFields } from './fields.ts';

export function findProcedureByCode(db: Executor, agencyId: string, code: string) {
  return db.selectFrom('procedures').selectAll().where('agency_id', '=', agencyId).where('code', '=', code).executeTakeFirst();
}

export function findProceduresByCodes(db: Executor, agencyId: string, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('procedures').selectAll().where('agency_id', '=', agencyId).where('code', 'in', codes).execute();
}

export function insertProcedure(db: Executor, row: { id: string; agency_id: string; code: string; is_demo: number; created_at: string; updated_at: string }) {
  return db.insertInto('procedures').values(row).execute();
}

export function touchProcedure(db: Executor, agencyId: string, id: string, now: string) {
  return db.updateTable('procedures').set({ updated_at: now }).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function insertVersion(db: Executor, row: ProcedureVersionTable) {
  return db.insertInto('procedure_versions').values(row).execute();
}

export function listVersions(db: Executor, agencyId: string, procedureId: string) {
  return db
    .selectFrom('procedure_versions')
    .leftJoin('procedure_decisions', 'procedure_decisions.id', 'procedure_versions.decision_id')
    .selectAll('procedure_versions')
    .select(['procedure_decisions.number_symbol as decision_number', 'procedure_decisions.signed_on as decision_signed_on'])
    .where('procedure_versions.agency_id', '=', agencyId)
    .where('procedure_versions.procedure_id', '=', procedureId)
    .orderBy('procedure_versions.version_no', 'desc')
    .execute();
}

/** The newest version of each procedure among `procedureIds` (open or closed). */
export async function latestVersions(db: Executor, agencyId: string, procedureIds: string[]) {
  if (procedureIds.length === 0) return new Map<string, ProcedureVersionTable>();
  const rows = await db
    .selectFrom('procedure_versions as v')
    .selectAll('v')
    .where('v.agency_id', '=', agencyId)
    .where('v.procedure_id', 'in', procedureIds)
    .where((eb) => eb('v.version_no', '=', eb.selectFrom('procedure_versions as w').select((w) => w.fn.max('w.version_no').as('m')).whereRef('w.procedure_id', '=', 'v.procedure_id')))
    .execute();
  return new Map(rows.map((r) => [r.procedure_id, r]));
}

/** Ends an open version on `effectiveTo` (the day the next text takes effect). */
export function closeVersion(db: Executor, agencyId: string, id: string, effectiveTo: string) {
  return db.updateTable('procedure_versions').set({ effective_to: effectiveTo }).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export interface CatalogFilter {
  agencyId: string;
  asOf: string;
  fieldSlug?: string;
  level?: string;
  onlineLevel?: 'full' | 'partial' | 'none';
  /** Matched on the folded-case name or the code (admin list; the portal searches through the index). */
  text?: string;
  /** Only these procedures (ids from the search index). */
  procedureIds?: string[];
  limit: number;
  offset: number;
}

/** The catalog in force on `asOf`: one version per procedure, abolished ones left out. */
function inForce(db: Executor, f: Omit<CatalogFilter, 'limit' | 'offset'>) {
  let q = db
    .selectFrom('procedure_versions as v')
    // The agency in the join too: the procedure is then read by its key (agency_id, id), from
    // the covering index on PostgreSQL (migration 0019).
    .innerJoin('procedures as p', (j) => j.onRef('p.agency_id', '=', 'v.agency_id').onRef('p.id', '=', 'v.procedure_id'))
    .innerJoin('procedure_fields as f', 'f.id', 'v.field_id')
    .where('v.agency_id', '=', f.agencyId)
    // With ids from the search index, `|| ''` keeps the date out of index choice: the planner
    // must look the ids up (SQLite without statistics would scan the agency's dates instead).
    .where(f.procedureIds ? sql<string>`v.effective_from || ''` : 'v.effective_from', '<=', f.asOf)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', f.asOf)]))
    .where('v.origin', '!=', 'abolished');
  if (f.fieldSlug) q = q.where('f.slug', '=', f.fieldSlug);
  if (f.level) q = q.where('v.level', '=', f.level);
  if (f.onlineLevel) q = f.onlineLevel === 'none' ? q.where('v.online_level', 'is', null) : q.where('v.online_level', '=', f.onlineLevel);
  if (f.procedureIds) q = f.procedureIds.length === 0 ? q.where('v.procedure_id', '=', '') : q.where('v.procedure_id', 'in', f.procedureIds);
  if (f.text) {
    const text = f.text;
    q = q.where((eb) => eb.or([containsText('v.name', text), containsText('p.code', text)]));
  }
  return q;
}

export async function listInForce(db: Executor, f: CatalogFilter) {
  const [items, total] = await Promise.all([listPageInForce(db, f), inForce(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()]);
  return { items, total: toCount(total.n as number) };
}

/** The announced text (JSON) of every procedure in force, by field, name and code. */
export async function dataInForce(db: Executor, agencyId: string, asOf: string): Promise<string[]> {
  const rows = await inForce(db, { agencyId, asOf }).select('v.data').orderBy('f.position').orderBy('v.name_sort').orderBy('p.code').execute();
  return rows.map((r) => r.data);
}

/** One page of the catalog in force (no count), by field, name and code. */
export function listPageInForce(db: Executor, f: CatalogFilter) {
  return listPageInForceQuery(db, f).execute();
}

/** The query of `listPageInForce`, unexecuted (a test checks that PostgreSQL's indexes cover it). */
export function listPageInForceQuery(db: Executor, f: CatalogFilter) {
  return inForce(db, f)
    .select(['p.id', 'p.code', 'p.is_demo', 'v.id as version_id', 'v.version_no', 'v.name', 'v.level', 'v.online_level', 'v.effective_from', 'v.effective_to', 'v.origin', 'f.name as field_name', 'f.slug as field_slug'])
    .orderBy('f.position')
    .orderBy('v.name_sort')
    .orderBy('p.code')
    .limit(f.limit)
    .offset(f.offset);
}

/** One procedure's version in force on `asOf` (undefined when abolished or not yet in force). */
export function versionInForce(db: Executor, agencyId: string, procedureId: string, asOf: string) {
  return db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedure_fields as f', 'f.id', 'v.field_id')
    .selectAll('v')
    .select(['f.name as field_name', 'f.slug as field_slug'])
    .where('v.agency_id', '=', agencyId)
    .where('v.procedure_id', '=', procedureId)
    .where('v.effective_from', '<=', asOf)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', asOf)]))
    .where('v.origin', '!=', 'abolished')
    .executeTakeFirst();
}

export async function procedureCountByField(db: Executor, agencyId: string, asOf: string) {
  const rows = await inForce(db, { agencyId, asOf }).select(['f.id', (eb) => eb.fn.countAll().as('n')]).groupBy('f.id').execute();
  return new Map(rows.map((r) => [r.id, toCount(r.n as number)]));
}

/** Versions made on or after `since` (ISO timestamp), newest first: the "recent changes" list. */
export function versionsSince(db: Executor, agencyId: string, since: string, limit: number) {
  return db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .leftJoin('procedure_decisions as d', 'd.id', 'v.decision_id')
    .select(['p.code', 'v.id', 'v.name', 'v.origin', 'v.version_no', 'v.effective_from', 'v.created_at', 'd.number_symbol as decision_number', 'd.signed_on as decision_signed_on'])
    .where('v.agency_id', '=', agencyId)
    .where('v.created_at', '>=', since)
    .orderBy('v.created_at', 'desc')
    .orderBy('v.version_no', 'desc')
    .limit(limit)
    .execute();
}

// ---- decisions

export function insertDecision(db: Executor, row: ProcedureDecisionTable) {
  return db.insertInto('procedure_decisions').values(row).execute();
}

export function updateDecision(db: Executor, agencyId: string, id: string, patch: Partial<ProcedureDecisionTable>) {
  return db.updateTable('procedure_decisions').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function findDecision(db: Executor, id: string) {
  return db.selectFrom('procedure_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listDecisions(db: Executor, agencyId: string) {
  return db.selectFrom('procedure_decisions').selectAll().where('agency_id', '=', agencyId).orderBy('signed_on', 'desc').orderBy('created_at', 'desc').execute();
}

export async function replaceDecisionItems(db: Executor, agencyId: string, decisionId: string, items: ProcedureDecisionItemTable[]) {
  await db.deleteFrom('procedure_decision_items').where('agency_id', '=', agencyId).where('decision_id', '=', decisionId).execute();
  if (items.length > 0) await db.insertInto('procedure_decision_items').values(items).execute();
}

export function listDecisionItems(db: Executor, agencyId: string, decisionIds: string[]) {
  if (decisionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('procedure_decision_items').selectAll().where('agency_id', '=', agencyId).where('decision_id', 'in', decisionIds).orderBy('position').execute();
}

// ---- internal process steps, desk postings

export function listProcessSteps(db: Executor, agencyId: string, procedureId: string) {
  return db.selectFrom('procedure_process_steps').selectAll().where('agency_id', '=', agencyId).where('procedure_id', '=', procedureId).orderBy('position').execute();
}

export async function replaceProcessSteps(db: Executor, agencyId: string, procedureId: string, rows: { id: string; name: string; responsible: string; unit_id: string | null; hours: number }[]) {
  await db.deleteFrom('procedure_process_steps').where('agency_id', '=', agencyId).where('procedure_id', '=', procedureId).execute();
  if (rows.length > 0) await db.insertInto('procedure_process_steps').values(rows.map((r, i) => ({ ...r, agency_id: agencyId, procedure_id: procedureId, position: i }))).execute();
}

export function insertPosting(db: Executor, row: { id: string; agency_id: string; posted_on: string; version_ids: string; note: string | null; created_by: string | null; created_at: string }) {
  return db.insertInto('procedure_postings').values(row).execute();
}

export function latestPosting(db: Executor, agencyId: string) {
  return db.selectFrom('procedure_postings').selectAll().where('agency_id', '=', agencyId).orderBy('posted_on', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export function fileMeta(db: Executor, agencyId: string, id: string) {
  return db.selectFrom('files').select(['id', 'name', 'mime', 'size']).where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
}

/** The agency's procedure codes with the name and field of each one's latest version (abolished ones too). */
export async function latestNamesByCode(db: Executor, agencyId: string) {
  const rows = await db
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', (j) => j.onRef('v.procedure_id', '=', 'p.id').on('v.agency_id', '=', agencyId))
    .select(['p.code', 'v.name', 'v.field_id', 'v.version_no'])
    .where('p.agency_id', '=', agencyId)
    .execute();
  const out = new Map<string, { name: string; fieldId: string | null }>();
  const version = new Map<string, number>();
  for (const r of rows) {
    if ((version.get(r.code) ?? -1) >= r.version_no) continue;
    version.set(r.code, r.version_no);
    out.set(r.code, { name: r.name, fieldId: r.field_id });
  }
  return out;
}

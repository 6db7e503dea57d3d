import type { Executor } from '../../db/database.ts';
import type { ProcessingResultTable } from '../../db/types.ts';

export interface ResultFilter {
  agencyId: string;
  /** YYYY-MM, inclusive. */
  from?: string;
  to?: string;
  fieldId?: string;
  procedureCode?: string;
}

export function listResults(db: Executor, f: ResultFilter) {
  let q = db.selectFrom('processing_results').selectAll().where('agency_id', '=', f.agencyId);
  if (f.from) q = q.where('month', '>=', f.from);
  if (f.to) q = q.where('month', '<=', f.to);
  if (f.fieldId) q = q.where('field_id', '=', f.fieldId);
  if (f.procedureCode) q = q.where('procedure_code', '=', f.procedureCode);
  return q.orderBy('month').orderBy('procedure_code').orderBy('field_id').execute();
}

export function findResult(db: Executor, id: string) {
  return db.selectFrom('processing_results').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The row of a month for a procedure (by code, whatever its field) or for a field's total (no
 * code). Looked up rather than upserted: NULLs are distinct in the unique key on both engines.
 */
export function findResultByKey(db: Executor, agencyId: string, month: string, key: { procedureCode: string } | { fieldId: string }) {
  let q = db.selectFrom('processing_results').selectAll().where('agency_id', '=', agencyId).where('month', '=', month);
  q = 'procedureCode' in key ? q.where('procedure_code', '=', key.procedureCode) : q.where('procedure_code', 'is', null).where('field_id', '=', key.fieldId);
  return q.executeTakeFirst();
}

export function insertResult(db: Executor, row: ProcessingResultTable) {
  return db.insertInto('processing_results').values(row).execute();
}

export function updateResult(db: Executor, agencyId: string, id: string, patch: Partial<ProcessingResultTable>) {
  return db.updateTable('processing_results').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function deleteResult(db: Executor, agencyId: string, id: string) {
  return db.deleteFrom('processing_results').where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function countMonthRows(db: Executor, agencyId: string, month: string) {
  const row = await db.selectFrom('processing_results').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).where('month', '=', month).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The months that have results, newest first. */
export async function listMonths(db: Executor, agencyId: string) {
  const rows = await db.selectFrom('processing_results').select('month').distinct().where('agency_id', '=', agencyId).orderBy('month', 'desc').execute();
  return rows.map((r) => r.month);
}

/** Newest change of the agency's results in a range, for Last-Modified. */
export async function lastUpdated(db: Executor, agencyId: string, from: string, to: string) {
  const row = await db.selectFrom('processing_results').select((eb) => eb.fn.max('updated_at').as('at')).where('agency_id', '=', agencyId).where('month', '>=', from).where('month', '<=', to).executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

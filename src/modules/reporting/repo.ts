import type { Executor } from '../../db/database.ts';
import type { ConsolidatedReportTable, ReportPeriodTable, UnitReportEventTable, UnitReportTable } from '../../db/types.ts';

export function listPeriods(db: Executor, agencyId: string, planId: string) {
  return db.selectFrom('report_periods').selectAll().where('agency_id', '=', agencyId).where('plan_id', '=', planId).orderBy('start_date').orderBy('kind').execute();
}

export function findPeriod(db: Executor, id: string) {
  return db.selectFrom('report_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPeriodByCode(db: Executor, agencyId: string, planId: string, code: string) {
  return db.selectFrom('report_periods').selectAll().where('agency_id', '=', agencyId).where('plan_id', '=', planId).where('code', '=', code).executeTakeFirst();
}

export function insertPeriod(db: Executor, row: ReportPeriodTable) {
  return db.insertInto('report_periods').values(row).execute();
}

export function updatePeriod(db: Executor, agencyId: string, id: string, patch: Partial<ReportPeriodTable>) {
  return db.updateTable('report_periods').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function listReports(db: Executor, agencyId: string, periodId: string) {
  return db.selectFrom('unit_reports').selectAll().where('agency_id', '=', agencyId).where('period_id', '=', periodId).execute();
}

export function findReport(db: Executor, agencyId: string, periodId: string, unitId: string) {
  return db.selectFrom('unit_reports').selectAll().where('agency_id', '=', agencyId).where('period_id', '=', periodId).where('unit_id', '=', unitId).executeTakeFirst();
}

export function insertReport(db: Executor, row: UnitReportTable) {
  return db.insertInto('unit_reports').values(row).execute();
}

export function updateReport(db: Executor, agencyId: string, id: string, patch: Partial<UnitReportTable>) {
  return db.updateTable('unit_reports').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function insertEvent(db: Executor, row: UnitReportEventTable) {
  return db.insertInto('unit_report_events').values(row).execute();
}

export function listEvents(db: Executor, agencyId: string, reportId: string) {
  return db.selectFrom('unit_report_events').selectAll().where('agency_id', '=', agencyId).where('report_id', '=', reportId).orderBy('at').execute();
}

export function findFinalReport(db: Executor, agencyId: string, periodId: string) {
  return db.selectFrom('consolidated_reports').selectAll().where('agency_id', '=', agencyId).where('period_id', '=', periodId).executeTakeFirst();
}

export function insertFinalReport(db: Executor, row: ConsolidatedReportTable) {
  return db.insertInto('consolidated_reports').values(row).execute();
}

export function findDraftEdits(db: Executor, agencyId: string, periodId: string) {
  return db.selectFrom('report_draft_edits').selectAll().where('agency_id', '=', agencyId).where('period_id', '=', periodId).executeTakeFirst();
}

export async function saveDraftEdits(db: Executor, row: { period_id: string; agency_id: string; edits: string; updated_by: string | null; updated_at: string }) {
  await db.insertInto('report_draft_edits').values(row).onConflict((oc) => oc.columns(['agency_id', 'period_id']).doUpdateSet({ edits: row.edits, updated_by: row.updated_by, updated_at: row.updated_at })).execute();
}

import type { Executor } from '../../db/database.ts';
import type { EvidenceTable } from '../../db/types.ts';

export interface EvidenceFilter {
  agencyId: string;
  planId?: string;
  taskId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  includeWithdrawn?: boolean;
}

export function listEvidence(db: Executor, f: EvidenceFilter) {
  let q = db.selectFrom('evidence').selectAll('evidence').where('evidence.agency_id', '=', f.agencyId);
  if (f.planId) q = q.where('evidence.plan_id', '=', f.planId);
  if (f.unitId) q = q.where('evidence.unit_id', '=', f.unitId);
  if (f.from) q = q.where('evidence.date', '>=', f.from);
  if (f.to) q = q.where('evidence.date', '<=', f.to);
  if (!f.includeWithdrawn) q = q.where('evidence.status', '=', 'active');
  if (f.taskId) {
    const taskId = f.taskId;
    q = q.where((eb) => eb.exists(eb.selectFrom('evidence_tasks').select('evidence_tasks.task_id').whereRef('evidence_tasks.evidence_id', '=', 'evidence.id').where('evidence_tasks.task_id', '=', taskId)));
  }
  return q.orderBy('evidence.date', 'desc').orderBy('evidence.created_at', 'desc').execute();
}

/** Ids bound per statement: SQLite refuses more than 32 766 variables, PostgreSQL 65 535. */
const IDS_PER_QUERY = 10_000;

/** Runs `fetch` on slices of `ids` and concatenates the rows: a year of evidence exceeds one statement. */
async function inSlices<T>(ids: string[], fetch: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) for (const row of await fetch(ids.slice(i, i + IDS_PER_QUERY))) out.push(row);
  return out;
}

export function listEvidenceTasks(db: Executor, agencyId: string, evidenceIds: string[]) {
  return inSlices(evidenceIds, (ids) => db.selectFrom('evidence_tasks').select(['evidence_id', 'task_id']).where('agency_id', '=', agencyId).where('evidence_id', 'in', ids).execute());
}

/**
 * Active evidence of a plan with the tasks each supports: the input of every progress figure.
 * Answered from the covering indexes `evidence_progress` and `evidence_tasks_agency_evidence`
 * (migration 0006; on PostgreSQL the primary key of evidence_tasks, which has had the same columns
 * since 0018): SQLite reads neither table, PostgreSQL merge-joins two index-only scans.
 * Keep the selected and filtered columns inside those indexes.
 */
export function listPlanEvidenceLinks(db: Executor, agencyId: string, planId: string) {
  return db
    .selectFrom('evidence')
    .innerJoin('evidence_tasks', 'evidence_tasks.evidence_id', 'evidence.id')
    .select(['evidence.id', 'evidence.date', 'evidence.quantities', 'evidence.unit_id', 'evidence_tasks.task_id'])
    .where('evidence.agency_id', '=', agencyId)
    .where('evidence_tasks.agency_id', '=', agencyId)
    .where('evidence.plan_id', '=', planId)
    .where('evidence.status', '=', 'active')
    .execute();
}

export function findEvidence(db: Executor, id: string) {
  return db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findBySource(db: Executor, agencyId: string, sourceType: string, sourceId: string) {
  return db.selectFrom('evidence').selectAll().where('agency_id', '=', agencyId).where('source_type', '=', sourceType).where('source_id', '=', sourceId).executeTakeFirst();
}

export function insertEvidence(db: Executor, row: EvidenceTable) {
  return db.insertInto('evidence').values(row).execute();
}

export function updateEvidence(db: Executor, agencyId: string, id: string, patch: Partial<EvidenceTable>) {
  return db.updateTable('evidence').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function replaceEvidenceTasks(db: Executor, agencyId: string, evidenceId: string, taskIds: string[]) {
  await db.deleteFrom('evidence_tasks').where('agency_id', '=', agencyId).where('evidence_id', '=', evidenceId).execute();
  if (taskIds.length > 0) await db.insertInto('evidence_tasks').values(taskIds.map((task_id) => ({ agency_id: agencyId, evidence_id: evidenceId, task_id }))).execute();
}

export function addEvidenceFile(db: Executor, agencyId: string, evidenceId: string, fileId: string) {
  return db.insertInto('evidence_files').values({ agency_id: agencyId, evidence_id: evidenceId, file_id: fileId }).execute();
}

/** The files of a piece of evidence become exactly `fileIds` (a source item's materials). */
export async function replaceEvidenceFiles(db: Executor, agencyId: string, evidenceId: string, fileIds: string[]) {
  await db.deleteFrom('evidence_files').where('agency_id', '=', agencyId).where('evidence_id', '=', evidenceId).execute();
  if (fileIds.length > 0) await db.insertInto('evidence_files').values(fileIds.map((file_id) => ({ agency_id: agencyId, evidence_id: evidenceId, file_id }))).execute();
}

export function listEvidenceFiles(db: Executor, agencyId: string, evidenceIds: string[]) {
  return inSlices(evidenceIds, (ids) =>
    db
      .selectFrom('evidence_files')
      .innerJoin('files', 'files.id', 'evidence_files.file_id')
      .select(['evidence_files.evidence_id', 'files.id', 'files.name', 'files.size', 'files.mime'])
      .where('evidence_files.agency_id', '=', agencyId)
      .where('evidence_files.evidence_id', 'in', ids)
      .execute(),
  );
}

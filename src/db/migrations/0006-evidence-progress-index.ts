import type { Kysely } from 'kysely';

/**
 * Covering indexes for the progress of a plan (`listPlanEvidenceLinks`): the active evidence of
 * one plan is one contiguous range of `evidence_progress`, read in id order, and each of its task
 * links is found next to the previous one in `evidence_tasks_agency_evidence`, so neither table is
 * visited. Without them the query looked up every piece of evidence by its random UUID (1.2 M rows
 * at province scale: ≈ 200 ms on SQLite for the 24 000 rows of one agency's year).
 * `quantities` is a small JSON object (one number per measure), well inside an index entry.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('evidence_progress')
    .on('evidence')
    .columns(['agency_id', 'plan_id', 'status', 'id', 'date', 'unit_id', 'quantities'])
    .execute();
  await db.schema.createIndex('evidence_tasks_agency_evidence').on('evidence_tasks').columns(['agency_id', 'evidence_id', 'task_id']).execute();
}

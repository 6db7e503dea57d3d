import type { Executor } from '../../db/database.ts';
import { toCount } from '../../db/sql-helpers.ts';
import type { FeedbackEventTable, FeedbackTable } from '../../db/types.ts';

export interface FeedbackFilter {
  agencyId: string;
  status?: string;
  /** Only feedback assigned to this unit (officers of a unit). */
  unitId?: string;
  /** Folded words, each required in the code, subject or sender's name (`search_key`). */
  words?: string[];
  /** Rows past a deadline on `today` (computed in SQL from the stored due dates). */
  overdueOn?: string;
}

export function insertFeedback(db: Executor, row: FeedbackTable) {
  return db.insertInto('feedback').values(row).execute();
}

export function findFeedback(db: Executor, id: string) {
  return db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByCode(db: Executor, agencyId: string, code: string) {
  return db.selectFrom('feedback').selectAll().where('agency_id', '=', agencyId).where('code', '=', code).executeTakeFirst();
}

export async function codeTaken(db: Executor, agencyId: string, code: string): Promise<boolean> {
  return (await db.selectFrom('feedback').select('id').where('agency_id', '=', agencyId).where('code', '=', code).executeTakeFirst()) !== undefined;
}

export function listFeedback(db: Executor, f: FeedbackFilter, limit = 500) {
  let q = db.selectFrom('feedback').selectAll().where('agency_id', '=', f.agencyId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  for (const w of f.words ?? []) q = q.where('search_key', 'like', `%${w}%`);
  if (f.overdueOn) {
    const today = f.overdueOn;
    q = q.where('approved_at', 'is', null).where('status', '!=', 'closed').where((eb) => eb.or([eb('answer_due_on', '<', today), eb.and([eb('status', '=', 'received'), eb('assign_due_on', '<', today)])]));
  }
  return q.orderBy('received_at', 'desc').limit(limit).execute();
}

/** Rows still waiting for a step that has a deadline (for reminders). */
export function listOpen(db: Executor, agencyId: string) {
  return db.selectFrom('feedback').select(['id', 'code', 'subject', 'status', 'unit_id', 'assign_due_on', 'answer_due_on', 'approved_at']).where('agency_id', '=', agencyId).where('approved_at', 'is', null).where('status', '!=', 'closed').execute();
}

/** Applies a step's change only if the row is still in `fromStatus`; false when another step came first. */
export async function updateFeedbackFrom(db: Executor, agencyId: string, id: string, fromStatus: string, patch: Partial<FeedbackTable>): Promise<boolean> {
  const res = await db.updateTable('feedback').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export function insertEvent(db: Executor, row: FeedbackEventTable) {
  return db.insertInto('feedback_events').values(row).execute();
}

export function listEvents(db: Executor, agencyId: string, feedbackId: string) {
  return db.selectFrom('feedback_events').selectAll().where('agency_id', '=', agencyId).where('feedback_id', '=', feedbackId).orderBy('created_at').orderBy('id').execute();
}

export function insertFile(db: Executor, row: { agency_id: string; feedback_id: string; file_id: string; position: number }) {
  return db.insertInto('feedback_files').values(row).execute();
}

export function listFiles(db: Executor, agencyId: string, feedbackId: string) {
  return db
    .selectFrom('feedback_files')
    .innerJoin('files', 'files.id', 'feedback_files.file_id')
    .select(['files.id', 'files.name', 'files.mime', 'files.size'])
    .where('feedback_files.agency_id', '=', agencyId)
    .where('feedback_files.feedback_id', '=', feedbackId)
    .orderBy('feedback_files.position')
    .execute();
}

/** Public columns only: the published list never reads the sender's personal data. */
const PUBLIC_COLUMNS = ['id', 'subject', 'public_question', 'answer_text', 'procedure_code', 'procedure_name', 'received_at', 'published_at', 'is_demo'] as const;

function publishedQuery(db: Executor, agencyId: string, words: string[]) {
  let q = db.selectFrom('feedback').where('agency_id', '=', agencyId).where('published_at', 'is not', null).where('consent_publish', '=', 1);
  for (const w of words) q = q.where('search_text', 'like', `%${w}%`);
  return q;
}

export async function listPublished(db: Executor, agencyId: string, words: string[], limit: number, offset: number) {
  const [items, count] = await Promise.all([
    publishedQuery(db, agencyId, words).select([...PUBLIC_COLUMNS]).orderBy('published_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    publishedQuery(db, agencyId, words).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return { items, total: toCount(count?.n as number | undefined) };
}

export function findPublished(db: Executor, agencyId: string, id: string) {
  return publishedQuery(db, agencyId, []).select([...PUBLIC_COLUMNS]).where('id', '=', id).executeTakeFirst();
}

export async function countFeedback(db: Executor, agencyId: string): Promise<number> {
  const r = await db.selectFrom('feedback').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirst();
  return toCount(r?.n as number | undefined);
}

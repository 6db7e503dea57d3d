import type { Executor } from '../../db/database.ts';
import type { SurveyAnswerTable, SurveyQuestionTable, SurveyResponseTable } from '../../db/types.ts';

export function listQuestions(db: Executor, agencyId: string) {
  return db.selectFrom('survey_questions').selectAll().where('agency_id', '=', agencyId).orderBy('position').execute();
}

export async function replaceQuestions(db: Executor, agencyId: string, rows: SurveyQuestionTable[]) {
  await db.deleteFrom('survey_questions').where('agency_id', '=', agencyId).execute();
  if (rows.length) await db.insertInto('survey_questions').values(rows).execute();
}

export function insertResponse(db: Executor, row: SurveyResponseTable) {
  return db.insertInto('survey_responses').values(row).execute();
}

export function insertAnswers(db: Executor, rows: SurveyAnswerTable[]) {
  return rows.length ? db.insertInto('survey_answers').values(rows).execute() : Promise.resolve();
}

export function tokenUsed(db: Executor, agencyId: string, token: string) {
  return db.selectFrom('survey_responses').select('id').where('agency_id', '=', agencyId).where('token', '=', token).executeTakeFirst();
}

export interface ResponseFilter {
  agencyId: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export function listResponses(db: Executor, f: ResponseFilter) {
  return db.selectFrom('survey_responses').selectAll().where('agency_id', '=', f.agencyId).where('answered_on', '>=', f.from).where('answered_on', '<=', f.to).orderBy('answered_on').orderBy('created_at').execute();
}

export function listAnswers(db: Executor, f: ResponseFilter) {
  return db.selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', (j) => j.onRef('r.id', '=', 'a.response_id').on('r.agency_id', '=', f.agencyId))
    .select(['a.response_id', 'a.element', 'a.value'])
    .where('a.agency_id', '=', f.agencyId).where('r.answered_on', '>=', f.from).where('r.answered_on', '<=', f.to)
    .execute();
}

/** Years that have answers, newest first. */
export async function listYears(db: Executor, agencyId: string) {
  const rows = await db.selectFrom('survey_responses').select('answered_on').distinct().where('agency_id', '=', agencyId).execute();
  return [...new Set(rows.map((r) => Number(r.answered_on.slice(0, 4))))].sort((a, b) => b - a);
}

export async function countResponses(db: Executor, agencyId: string) {
  const row = await db.selectFrom('survey_responses').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

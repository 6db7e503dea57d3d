import type { Executor } from '../../db/database.ts';
import type { PlanRevisionTable, PlanTable, PlanTaskTable } from '../../db/types.ts';

export function listPlans(db: Executor, agencyId: string, statuses?: PlanTable['status'][]) {
  let q = db
    .selectFrom('plans')
    .select(['plans.id', 'plans.year', 'plans.number_text', 'plans.title', 'plans.status', 'plans.revision', 'plans.updated_at', 'plans.agency_id'])
    .select((eb) =>
      eb.selectFrom('plan_tasks').whereRef('plan_tasks.plan_id', '=', 'plans.id').where('plan_tasks.agency_id', '=', agencyId).where('plan_tasks.kind', '=', 'task').select(eb.fn.countAll().as('n')).as('task_count'),
    )
    .where('plans.agency_id', '=', agencyId);
  if (statuses && statuses.length > 0) q = q.where('plans.status', 'in', statuses);
  return q.orderBy('plans.year', 'desc').orderBy('plans.created_at', 'desc').execute();
}

export function findPlan(db: Executor, id: string) {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertPlan(db: Executor, row: PlanTable) {
  return db.insertInto('plans').values(row).execute();
}

export function updatePlan(db: Executor, agencyId: string, id: string, patch: Partial<PlanTable>) {
  return db.updateTable('plans').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function listTasks(db: Executor, agencyId: string, planId: string) {
  return db.selectFrom('plan_tasks').selectAll().where('agency_id', '=', agencyId).where('plan_id', '=', planId).orderBy('position').execute();
}

export function listTaskPlans(db: Executor, agencyId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('plan_tasks').select(['id', 'plan_id']).where('agency_id', '=', agencyId).where('id', 'in', ids).where('kind', '=', 'task').execute();
}

export function findTask(db: Executor, id: string) {
  return db.selectFrom('plan_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTasks(db: Executor, rows: PlanTaskTable[]) {
  // Chunked: SQLite caps the number of bound parameters per statement.
  for (let i = 0; i < rows.length; i += 40) await db.insertInto('plan_tasks').values(rows.slice(i, i + 40)).execute();
}

export function updateTask(db: Executor, agencyId: string, id: string, patch: Partial<PlanTaskTable>) {
  return db.updateTable('plan_tasks').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function deleteTask(db: Executor, agencyId: string, id: string) {
  return db.deleteFrom('plan_tasks').where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function insertRevision(db: Executor, row: PlanRevisionTable) {
  return db.insertInto('plan_revisions').values(row).execute();
}

export function listRevisions(db: Executor, agencyId: string, planId: string) {
  return db.selectFrom('plan_revisions').select(['id', 'number', 'reason', 'actor_name', 'created_at']).where('agency_id', '=', agencyId).where('plan_id', '=', planId).orderBy('number', 'desc').execute();
}

export function findRevision(db: Executor, agencyId: string, planId: string, number: number) {
  return db.selectFrom('plan_revisions').selectAll().where('agency_id', '=', agencyId).where('plan_id', '=', planId).where('number', '=', number).executeTakeFirst();
}

import { sql } from 'kysely';
import type { Engine, Executor } from '../../db/database.ts';
import type { JobTable } from '../../db/types.ts';

export function insertJob(db: Executor, row: JobTable) {
  return db.insertInto('jobs').values(row).onConflict((oc) => oc.column('idempotency_key').doNothing()).execute();
}

export function findJobByKey(db: Executor, key: string) {
  return db.selectFrom('jobs').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export function findJob(db: Executor, id: string) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claims up to `limit` due jobs for one worker. PostgreSQL skips rows other workers hold
 * (FOR UPDATE SKIP LOCKED); SQLite has a single writer, so the UPDATE … RETURNING is atomic.
 */
export async function claimDueJobs(db: Executor, engine: Engine, now: string, workerId: string, limit: number, kinds: string[]) {
  if (kinds.length === 0) return [];
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where('state', 'in', ['queued', 'failed'])
    .where('run_at', '<=', now)
    .where('kind', 'in', kinds)
    .orderBy('run_at')
    .limit(limit);
  const ids = engine === 'postgres' ? due.forUpdate().skipLocked() : due;
  return db
    .updateTable('jobs')
    .set({ state: 'running', locked_at: now, locked_by: workerId, attempts: sql`attempts + 1`, updated_at: now })
    .where('id', 'in', ids)
    .returningAll()
    .execute();
}

/** Done, if this worker still holds the job (a job handed to another worker is theirs to settle). */
export function finishJob(db: Executor, id: string, workerId: string, now: string) {
  return db.updateTable('jobs').set({ state: 'done', finished_at: now, locked_at: null, locked_by: null, last_error: null, updated_at: now }).where('id', '=', id).where('locked_by', '=', workerId).execute();
}

export function failJob(db: Executor, id: string, workerId: string, patch: { state: 'failed' | 'dead'; runAt: string; error: string; now: string }) {
  return db
    .updateTable('jobs')
    .set({ state: patch.state, run_at: patch.runAt, last_error: patch.error, locked_at: null, locked_by: null, updated_at: patch.now, finished_at: patch.state === 'dead' ? patch.now : null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** The heartbeat of the jobs in hand: their locks are renewed, so no other worker presumes them abandoned. */
export function renewJobLocks(db: Executor, ids: string[], workerId: string, now: string) {
  return db.updateTable('jobs').set({ locked_at: now }).where('id', 'in', ids).where('state', '=', 'running').where('locked_by', '=', workerId).execute();
}

/** Jobs left 'running' by a worker that died are handed back after `before`. */
export function releaseStaleJobs(db: Executor, before: string, now: string) {
  return db.updateTable('jobs').set({ state: 'failed', locked_at: null, locked_by: null, last_error: 'worker stopped before finishing', updated_at: now }).where('state', '=', 'running').where('locked_at', '<', before).execute();
}

/** The workers holding running jobs whose id starts with `prefix` (this host's workers). */
export async function runningJobWorkers(db: Executor, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('jobs').select('locked_by').distinct().where('state', '=', 'running').where('locked_by', 'like', `${prefix}%`).execute();
  // LIKE treats _ and % in a host name as wildcards: the prefix is checked again here.
  return rows.map((r) => r.locked_by).filter((w): w is string => w !== null && w.startsWith(prefix));
}

/** Hands back the running jobs of workers known to be gone, at once (not after the stale delay). */
export function releaseWorkerJobs(db: Executor, workers: string[], now: string) {
  if (workers.length === 0) return Promise.resolve([]);
  return db.updateTable('jobs').set({ state: 'failed', locked_at: null, locked_by: null, last_error: 'worker stopped before finishing', updated_at: now }).where('state', '=', 'running').where('locked_by', 'in', workers).execute();
}

export function requeueJob(db: Executor, agencyId: string, id: string, now: string) {
  return db.updateTable('jobs').set({ state: 'queued', run_at: now, attempts: 0, last_error: null, finished_at: null, updated_at: now }).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function listJobs(db: Executor, agencyId: string, state: JobTable['state'] | undefined, limit: number) {
  let q = db.selectFrom('jobs').selectAll().where('agency_id', '=', agencyId);
  if (state) q = q.where('state', '=', state);
  return q.orderBy('created_at', 'desc').limit(limit).execute();
}

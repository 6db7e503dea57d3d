import type { Executor } from '../../db/database.ts';
import type { SessionTable } from '../../db/types.ts';

export function insertSession(db: Executor, row: SessionTable) {
  return db.insertInto('sessions').values(row).execute();
}

export function findSession(db: Executor, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function touchSession(db: Executor, id: string, lastSeenAt: string, expiresAt: string) {
  return db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export function deleteSession(db: Executor, id: string) {
  return db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, except `keepId` (the one changing its own password). */
export function deleteUserSessions(db: Executor, agencyId: string, userId: string, keepId?: string) {
  let q = db.deleteFrom('sessions').where('agency_id', '=', agencyId).where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  return q.execute();
}

export function deleteExpiredSessions(db: Executor, now: string) {
  return db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

import type { Executor } from '../../db/database.ts';
import type { NotificationTable } from '../../db/types.ts';

export async function insertNotifications(db: Executor, rows: NotificationTable[]) {
  for (let i = 0; i < rows.length; i += 50) await db.insertInto('notifications').values(rows.slice(i, i + 50)).execute();
}

export function listForUser(db: Executor, agencyId: string, userId: string, limit: number) {
  return db.selectFrom('notifications').selectAll().where('agency_id', '=', agencyId).where('user_id', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();
}

export function findNotification(db: Executor, id: string) {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export function markRead(db: Executor, agencyId: string, userId: string, id: string | null, at: string) {
  let q = db.updateTable('notifications').set({ read_at: at }).where('agency_id', '=', agencyId).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  return q.execute();
}

export function findSettings(db: Executor, agencyId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('notification_settings').selectAll().where('agency_id', '=', agencyId).where('user_id', 'in', userIds).execute();
}

export async function saveSettings(db: Executor, row: { user_id: string; agency_id: string; email: number; in_app: number }) {
  await db.insertInto('notification_settings').values(row).onConflict((oc) => oc.columns(['agency_id', 'user_id']).doUpdateSet({ email: row.email, in_app: row.in_app })).execute();
}

/** Records that a reminder went out; false when it already had (the caller then sends nothing). */
export async function claimReminder(db: Executor, agencyId: string, key: string, at: string): Promise<boolean> {
  const res = await db.insertInto('reminder_log').values({ agency_id: agencyId, key, created_at: at }).onConflict((oc) => oc.columns(['agency_id', 'key']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

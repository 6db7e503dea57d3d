import type { Database } from '../../db/database.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, ROLES, type Actor, type Policy } from '../../platform/access.ts';
import { NotFoundError } from '../../platform/errors.ts';
import * as repo from './repo.ts';

export const notificationsPolicy = {
  'notifications.own': ROLES,
} as const satisfies Policy<string>;

export interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** In-app notifications and each user's settings for them and for e-mail. */
export function createNotificationsService(database: Database) {
  const { db } = database;
  return {
    async list(actor: Actor | undefined) {
      const a = authorize(actor, notificationsPolicy, 'notifications.own');
      const rows = await repo.listForUser(db, a.agencyId, a.userId, 100);
      return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, read: r.read_at !== null }));
    },

    async markRead(actor: Actor | undefined, id: string | null) {
      const a = authorize(actor, notificationsPolicy, 'notifications.own');
      if (id) {
        const row = await repo.findNotification(db, id);
        if (!row || row.agency_id !== a.agencyId || row.user_id !== a.userId) throw new NotFoundError();
      }
      await repo.markRead(db, a.agencyId, a.userId, id, nowIso());
    },

    async settings(actor: Actor | undefined) {
      const a = authorize(actor, notificationsPolicy, 'notifications.own');
      const [s] = await repo.findSettings(db, a.agencyId, [a.userId]);
      return { email: (s?.email ?? 1) === 1, inApp: (s?.in_app ?? 1) === 1 };
    },

    async updateSettings(actor: Actor | undefined, input: { email: boolean; inApp: boolean }) {
      const a = authorize(actor, notificationsPolicy, 'notifications.own');
      await repo.saveSettings(db, { user_id: a.userId, agency_id: a.agencyId, email: input.email ? 1 : 0, in_app: input.inApp ? 1 : 0 });
      return this.settings(a);
    },

    /**
     * For the reminder job: claims the reminder `key` once and, only the first time, stores the
     * notice for each user who wants in-app notices. Returns the users to e-mail, or [] when
     * the reminder had already gone out.
     */
    async remindOnce(agencyId: string, key: string, userIds: string[], notice: Notice): Promise<string[]> {
      return database.transaction(async (trx) => {
        if (!(await repo.claimReminder(trx, agencyId, key, nowIso()))) return [];
        const settings = await repo.findSettings(trx, agencyId, userIds);
        const wants = (id: string, field: 'email' | 'in_app') => (settings.find((s) => s.user_id === id)?.[field] ?? 1) === 1;
        const now = nowIso();
        await repo.insertNotifications(trx, userIds.filter((id) => wants(id, 'in_app')).map((user_id) => ({ id: newId(), agency_id: agencyId, user_id, ...notice, created_at: now, read_at: null })));
        return userIds.filter((id) => wants(id, 'email'));
      });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;

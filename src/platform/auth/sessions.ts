import { createHmac, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/sql-helpers.ts';
import * as repo from './session-repo.ts';

export const SESSION_COOKIE = 'mb_session';
/** A session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
/** Activity extends the session at most this often, to spare a write per request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface SessionInfo {
  id: string;
  userId: string;
  agencyId: string;
  csrfToken: string;
}

/**
 * Sessions live in the database. The cookie holds a random token; the table holds only its
 * HMAC under SESSION_SECRET, so a copy of the database cannot be replayed as cookies.
 */
export function createSessionStore(db: Executor, secret: string) {
  const idOf = (token: string) => createHmac('sha256', secret).update(token).digest('base64url');

  return {
    async create(trx: Executor, input: { userId: string; agencyId: string; ip?: string; userAgent?: string }) {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = nowIso();
      await repo.insertSession(trx, {
        id: idOf(token),
        agency_id: input.agencyId,
        user_id: input.userId,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(Date.now() + IDLE_TIMEOUT_MS).toISOString(),
        ip: input.ip ?? null,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      });
      return { token, csrfToken };
    },

    /** The live session behind a cookie token, extended on use; undefined when unknown or expired. */
    async resolve(token: string): Promise<SessionInfo | undefined> {
      const id = idOf(token);
      const row = await repo.findSession(db, id);
      if (!row) return undefined;
      const now = Date.now();
      if (Date.parse(row.expires_at) <= now) {
        await repo.deleteSession(db, id);
        return undefined;
      }
      if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
        await repo.touchSession(db, id, new Date(now).toISOString(), new Date(now + IDLE_TIMEOUT_MS).toISOString());
      }
      return { id, userId: row.user_id, agencyId: row.agency_id, csrfToken: row.csrf_token };
    },

    destroy: (trx: Executor, sessionId: string) => repo.deleteSession(trx, sessionId),
    destroyUserSessions: (trx: Executor, agencyId: string, userId: string, keepId?: string) =>
      repo.deleteUserSessions(trx, agencyId, userId, keepId),
    purgeExpired: () => repo.deleteExpiredSessions(db, nowIso()),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

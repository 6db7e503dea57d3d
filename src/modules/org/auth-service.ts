import type { Database } from '../../db/database.ts';
import { nowIso } from '../../db/sql-helpers.ts';
import { grantedPermissions, hasPermission, isRole, type Actor, type Policy } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { auditPolicy } from '../../platform/audit/service.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import { BadRequestError, TooManyRequestsError, UnauthorizedError } from '../../platform/errors.ts';
import { jobsPolicy } from '../../platform/jobs/queue.ts';
import { todayVi } from '../../platform/vi-text.ts';
import { orgPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { MeView } from './schema.ts';
import { nameAt } from './views.ts';

/** Failed logins in a row before the account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface AuthDeps {
  database: Database;
  audit: AuditService;
  sessions: SessionStore;
  /** Policies of every module, so /api/me can tell the admin app which menus to show. */
  policies?: Policy<string>[];
}

/** Sign-in, sign-out, the current user and password changes. */
export function createAuthService({ database, audit, sessions, policies = [] }: AuthDeps) {
  const { db } = database;
  const allPolicies: Policy<string>[] = [orgPolicy, auditPolicy, jobsPolicy, ...policies];

  async function loadActor(userId: string, agencyId: string): Promise<Actor | undefined> {
    const user = await repo.findUserById(db, userId);
    if (!user || user.active !== 1 || user.agency_id !== agencyId) return undefined;
    const roles = (await repo.listRolesOf(db, agencyId, [userId])).map((r) => r.role).filter(isRole);
    return { userId, agencyId, unitId: user.unit_id, email: user.email, fullName: user.full_name, roles };
  }

  async function me(actor: Actor, csrfToken: string): Promise<MeView> {
    const [user, agency, names] = await Promise.all([
      repo.findUserById(db, actor.userId),
      repo.findAgencyById(db, actor.agencyId),
      repo.listAgencyNames(db, actor.agencyId),
    ]);
    const unit = actor.unitId ? await repo.findUnit(db, actor.unitId) : undefined;
    const name = nameAt(names, todayVi())!;
    return {
      id: actor.userId,
      email: actor.email,
      fullName: actor.fullName,
      isDemo: user?.is_demo === 1,
      agency: { id: agency!.id, code: agency!.code, name: name.name, shortName: name.short_name, abbreviation: name.abbreviation, parentName: name.parent_name },
      unit: unit ? { id: unit.id, name: unit.name, shortName: unit.short_name } : null,
      roles: actor.roles,
      permissions: allPolicies.flatMap((p) => grantedPermissions(actor, p)),
      csrfToken,
    };
  }

  const knownPermissions = new Set(allPolicies.flatMap((p) => Object.keys(p)));

  return {
    loadActor,
    me,
    knownPermissions,
    permits: (actor: Actor, permission: string) => allPolicies.some((p) => permission in p && hasPermission(actor, p, permission)),

    /**
     * Checks the password; after MAX_FAILED_LOGINS misses in a row the account is locked for
     * LOCKOUT_MS. Unknown emails cost the same time as known ones, so they cannot be probed.
     */
    async login(input: { email: string; password: string; ip?: string; userAgent?: string }) {
      const email = input.email.trim().toLowerCase();
      const user = await repo.findUserByEmail(db, email);
      if (!user || user.active !== 1) {
        await verifyPassword(await dummyPasswordHash(), input.password);
        throw new UnauthorizedError('Email hoặc mật khẩu không đúng.');
      }
      const now = Date.now();
      if (user.locked_until && Date.parse(user.locked_until) > now) {
        const minutes = Math.ceil((Date.parse(user.locked_until) - now) / 60_000);
        throw new TooManyRequestsError(`Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${minutes} phút hoặc liên hệ quản trị viên.`, minutes * 60);
      }
      if (!(await verifyPassword(user.password_hash, input.password))) {
        const failed = user.failed_logins + 1;
        const lock = failed >= MAX_FAILED_LOGINS;
        await database.transaction(async (trx) => {
          await repo.updateUser(trx, user.agency_id, user.id, {
            failed_logins: lock ? 0 : failed,
            locked_until: lock ? new Date(now + LOCKOUT_MS).toISOString() : user.locked_until,
          });
          if (lock) await audit.record(trx, { system: 'login', agencyId: user.agency_id }, { action: 'lock', entity: 'user', entityId: user.id, after: { lockedUntil: new Date(now + LOCKOUT_MS).toISOString(), ip: input.ip } });
        });
        if (lock) throw new TooManyRequestsError(`Bạn đã nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần. Tài khoản tạm khóa ${LOCKOUT_MS / 60_000} phút.`, LOCKOUT_MS / 1000);
        throw new UnauthorizedError('Email hoặc mật khẩu không đúng.');
      }
      const actor = (await loadActor(user.id, user.agency_id))!;
      const session = await database.transaction(async (trx) => {
        await repo.updateUser(trx, user.agency_id, user.id, { failed_logins: 0, locked_until: null, last_login_at: nowIso() });
        const s = await sessions.create(trx, { userId: user.id, agencyId: user.agency_id, ip: input.ip, userAgent: input.userAgent });
        await audit.record(trx, { ...actor, ip: input.ip }, { action: 'login', entity: 'user', entityId: user.id });
        return s;
      });
      return { token: session.token, me: await me(actor, session.csrfToken) };
    },

    async logout(actor: Actor, sessionId: string) {
      await database.transaction(async (trx) => {
        await sessions.destroy(trx, sessionId);
        await audit.record(trx, actor, { action: 'logout', entity: 'user', entityId: actor.userId });
      });
    },

    /** Changes one's own password and ends one's other sessions. */
    async changePassword(actor: Actor, sessionId: string, currentPassword: string, newPassword: string) {
      const user = await repo.findUserById(db, actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, currentPassword))) throw new BadRequestError('Mật khẩu hiện tại không đúng.');
      if (currentPassword === newPassword) throw new BadRequestError('Mật khẩu mới phải khác mật khẩu hiện tại.');
      const passwordHash = await hashPassword(newPassword);
      await database.transaction(async (trx) => {
        await repo.updateUser(trx, actor.agencyId, actor.userId, { password_hash: passwordHash, updated_at: nowIso() });
        await sessions.destroyUserSessions(trx, actor.agencyId, actor.userId, sessionId);
        await audit.record(trx, actor, { action: 'change_password', entity: 'user', entityId: actor.userId });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

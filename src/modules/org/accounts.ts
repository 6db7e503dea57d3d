import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { isRole, ROLES, type Role } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../platform/auth/passwords.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import * as repo from './repo.ts';
import { SEED_AGENCY } from './seed-data.ts';

/**
 * Account operations of the operator (CLI and start-up), outside any signed-in session.
 * Each runs in one transaction and is audited as a system change.
 */
export function createAccountAdmin(database: Database, audit: AuditService, sessions: SessionStore) {
  const { db } = database;

  async function agencyByCode(code: string) {
    const agency = await repo.findAgencyByCode(db, code);
    if (!agency) throw new NotFoundError(`Không có cơ quan mã "${code}".`);
    return agency;
  }

  async function addUser(input: { agencyCode: string; email: string; fullName: string; roles: string[]; unit?: string; password?: string }) {
    const agency = await agencyByCode(input.agencyCode);
    const roles = input.roles.map((r) => r.trim()).filter(Boolean);
    const bad = roles.filter((r) => !isRole(r));
    if (bad.length) throw new BadRequestError(`Vai trò không hợp lệ: ${bad.join(', ')} (hợp lệ: ${ROLES.join(', ')}).`);
    if (input.password && input.password.length < MIN_PASSWORD_LENGTH) throw new BadRequestError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new BadRequestError(`Email không hợp lệ: "${input.email}".`);
    const unit = input.unit ? await repo.findUnitByAbbreviation(db, agency.id, input.unit) : undefined;
    if (input.unit && !unit) throw new BadRequestError(`Cơ quan không có đơn vị viết tắt "${input.unit}".`);
    const password = input.password ?? generatePassword();
    const passwordHash = await hashPassword(password);
    const id = newId();
    await database.transaction(async (trx) => {
      if (await repo.findUserByEmail(trx, email)) throw new ConflictError(`Email ${email} đã có tài khoản.`);
      const now = nowIso();
      await repo.insertUser(trx, {
        id, agency_id: agency.id, unit_id: unit?.id ?? null, email, full_name: normalizeText(input.fullName), password_hash: passwordHash,
        active: 1, is_demo: 0, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now,
      });
      await repo.replaceRoles(trx, agency.id, id, roles);
      await audit.record(trx, { system: 'cli', agencyId: agency.id }, { action: 'create', entity: 'user', entityId: id, after: { email, roles } });
    });
    return { id, email, password: input.password ? undefined : password };
  }

  /** Registers another agency of a province (onboarding; the overseer of that province then sees it). */
  async function addAgency(input: { code: string; name: string; shortName: string; abbreviation: string; parentName: string | null; place: string; provinceCode: string | null }) {
    const code = input.code.trim();
    if (!/^[a-z0-9-]{2,40}$/.test(code)) throw new BadRequestError(`Mã cơ quan "${input.code}" chỉ gồm chữ thường không dấu, số và dấu gạch ngang.`);
    const id = newId();
    await database.transaction(async (trx) => {
      if (await repo.findAgencyByCode(trx, code)) throw new ConflictError(`Đã có cơ quan mã "${code}".`);
      const now = nowIso();
      await repo.insertAgency(trx, { id, code, hostname: null, address: null, phone: null, email: null, website: null, is_demo: 0, province_code: input.provinceCode, created_at: now, updated_at: now });
      await repo.insertAgencyName(trx, {
        id: newId(), agency_id: id, valid_from: null, valid_to: null, name: normalizeText(input.name), short_name: normalizeText(input.shortName),
        abbreviation: input.abbreviation.trim(), parent_name: input.parentName, place: normalizeText(input.place), source: null, created_at: now,
      });
      await audit.record(trx, { system: 'cli', agencyId: id }, { action: 'create', entity: 'agency', entityId: id, after: { code, provinceCode: input.provinceCode } });
    });
    return { id, code };
  }

  async function setPassword(emailInput: string, password: string) {
    if (password.length < MIN_PASSWORD_LENGTH) throw new BadRequestError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
    const email = emailInput.trim().toLowerCase();
    const user = await repo.findUserByEmail(db, email);
    if (!user) throw new NotFoundError(`Không có tài khoản ${email}.`);
    const passwordHash = await hashPassword(password);
    await database.transaction(async (trx) => {
      await repo.updateUser(trx, user.agency_id, user.id, { password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: nowIso() });
      await sessions.destroyUserSessions(trx, user.agency_id, user.id);
      await audit.record(trx, { system: 'cli', agencyId: user.agency_id }, { action: 'reset_password', entity: 'user', entityId: user.id });
    });
  }

  return {
    addUser,
    setPassword,
    addAgency,
    listUsers: () => repo.listAllUsers(db),

    /**
     * Start-up guarantee: with ADMIN_EMAIL/ADMIN_PASSWORD, that admin exists in the seed agency
     * and signs in with that password; without them, if the seed agency has no real (non-demo)
     * active admin, one is created and its random password returned to print once.
     */
    async ensureBootstrapAdmin(config: Pick<Config, 'adminEmail' | 'adminPassword' | 'defaultAgency'>): Promise<{ email: string; password?: string; created: boolean } | undefined> {
      const agency = (await repo.findAgencyByCode(db, config.defaultAgency)) ?? (await repo.findAgencyByCode(db, SEED_AGENCY.code));
      if (!agency) return undefined;
      if (config.adminEmail && config.adminPassword) {
        const existing = await repo.findUserByEmail(db, config.adminEmail);
        if (!existing) {
          await addUser({ agencyCode: agency.code, email: config.adminEmail, fullName: 'Quản trị hệ thống', roles: ['admin'], unit: undefined, password: config.adminPassword });
          return { email: config.adminEmail, created: true };
        }
        const roles = (await repo.listRolesOf(db, existing.agency_id, [existing.id])).map((r) => r.role);
        const passwordOk = await verifyPassword(existing.password_hash, config.adminPassword);
        if (passwordOk && existing.active === 1 && roles.includes('admin')) return { email: existing.email, created: false };
        const passwordHash = passwordOk ? existing.password_hash : await hashPassword(config.adminPassword);
        await database.transaction(async (trx) => {
          await repo.updateUser(trx, existing.agency_id, existing.id, { password_hash: passwordHash, active: 1, failed_logins: 0, locked_until: null, updated_at: nowIso() });
          if (!roles.includes('admin')) await repo.replaceRoles(trx, existing.agency_id, existing.id, [...roles, 'admin'] as Role[]);
          await audit.record(trx, { system: 'bootstrap', agencyId: existing.agency_id }, { action: 'bootstrap_admin', entity: 'user', entityId: existing.id, after: { email: existing.email, active: true, roles: [...new Set([...roles, 'admin'])] } });
        });
        return { email: existing.email, created: false };
      }
      const admins = (await repo.listUsers(db, agency.id, { role: 'admin', active: true })).filter((u) => u.is_demo === 0);
      if (admins.length > 0) return undefined;
      let email = 'admin@minhbach.local';
      for (let i = 2; await repo.findUserByEmail(db, email); i++) email = `admin${i}@minhbach.local`;
      const created = await addUser({ agencyCode: agency.code, email, fullName: 'Quản trị hệ thống', roles: ['admin'] });
      return { email, password: created.password, created: true };
    },
  };
}

export type AccountAdmin = ReturnType<typeof createAccountAdmin>;

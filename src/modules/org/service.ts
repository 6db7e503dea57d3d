import type { Static } from 'typebox';
import type { Database, Executor } from '../../db/database.ts';
import type { UnitTable, UserTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, ROLE_LABELS, ROLES, type Actor, type Role } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { generatePassword, hashPassword } from '../../platform/auth/passwords.ts';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors.ts';
import { foldVi, normalizeText, todayVi } from '../../platform/vi-text.ts';
import { orgPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { AgencyPatch, NameVersionInput, UnitInput, UnitPatch, UserInput, UserPatch } from './schema.ts';
import { createProvinceDirectory } from './provinces.ts';
import { matchUnitName, type UnitMatch } from './unit-matching.ts';
import { agencyView, nameAt, nameVersionView, unitView, userAuditShape, userView } from './views.ts';

export interface OrgDeps {
  database: Database;
  audit: AuditService;
  sessions: SessionStore;
  /** Told after a committed change of an agency's public profile (names, contacts). */
  onAgencyChanged?: (agencyId: string) => void;
}

/** Agency profile, units, unit groups and user administration. */
/** How long a process trusts its copy of the portal's agency (other processes may change it). */
const PORTAL_AGENCY_TTL_MS = 10_000;

export function createOrgService({ database, audit, sessions, onAgencyChanged: notify = () => {} }: OrgDeps) {
  // The portal reads its agency on every page it renders: kept per host, dropped on any change here.
  const portalAgencies = new Map<string, { agency: Awaited<ReturnType<typeof loadAgency>> | undefined; expires: number }>();
  const onAgencyChanged = (agencyId: string) => {
    portalAgencies.clear();
    notify(agencyId);
  };
  const { db } = database;

  async function loadAgency(agencyId: string) {
    const agency = await repo.findAgencyById(db, agencyId);
    if (!agency) throw new NotFoundError('Không tìm thấy cơ quan.');
    return agencyView(agency, await repo.listAgencyNames(db, agencyId), todayVi());
  }

  async function loadUser(agencyId: string, id: string) {
    const [row] = await repo.listUsers(db, agencyId, { id });
    if (!row) throw new NotFoundError('Không tìm thấy người dùng.');
    const roles = (await repo.listRolesOf(db, agencyId, [id])).map((r) => r.role);
    return userView(row, roles);
  }

  async function assertUnitOfAgency(agencyId: string, unitId: string | null | undefined) {
    if (!unitId) return;
    const unit = await repo.findUnit(db, unitId);
    if (!unit || unit.agency_id !== agencyId) throw new BadRequestError('Đơn vị được chọn không thuộc cơ quan.');
  }

  /** Keeps at least one active admin in every agency, so nobody locks the agency out. */
  async function assertAdminRemains(trx: Executor, agencyId: string, userId: string, stillAdmin: boolean) {
    if (stillAdmin) return;
    if ((await repo.countActiveWithRole(trx, agencyId, 'admin', userId)) === 0) {
      throw new ConflictError('Cơ quan phải còn ít nhất một quản trị viên đang hoạt động.');
    }
  }

  return {
    /** Provinces: which agencies an overseer's province holds (read by the oversight module). */
    provinces: createProvinceDirectory(database),

    // ---- agency --------------------------------------------------------------------------
    async getAgency(actor: Actor | undefined) {
      const a = authorize(actor, orgPolicy, 'org.agency.read');
      return loadAgency(a.agencyId);
    },

    async updateAgency(actor: Actor | undefined, patch: Static<typeof AgencyPatch>) {
      const a = authorize(actor, orgPolicy, 'org.agency.write');
      await database.transaction(async (trx) => {
        const before = await repo.findAgencyById(trx, a.agencyId);
        const clean = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v == null || v.trim() === '' ? null : normalizeText(v)]));
        await repo.updateAgency(trx, a.agencyId, { ...clean, updated_at: nowIso() });
        const after = await repo.findAgencyById(trx, a.agencyId);
        await audit.record(trx, a, { action: 'update', entity: 'agency', entityId: a.agencyId, before, after });
      });
      onAgencyChanged(a.agencyId);
      return loadAgency(a.agencyId);
    },

    /** Adds a name version from `validFrom`; the version it supersedes ends the day before. */
    async addAgencyName(actor: Actor | undefined, input: Static<typeof NameVersionInput>) {
      const a = authorize(actor, orgPolicy, 'org.agency.write');
      if (Number.isNaN(Date.parse(input.validFrom))) throw new BadRequestError('Ngày hiệu lực không hợp lệ.');
      await database.transaction(async (trx) => {
        const names = await repo.listAgencyNames(trx, a.agencyId);
        if (names.some((n) => n.valid_from === input.validFrom)) throw new ConflictError('Đã có một tên có hiệu lực từ ngày này.');
        const previous = names.filter((n) => n.valid_from === null || n.valid_from < input.validFrom).at(-1);
        const next = names.find((n) => n.valid_from !== null && n.valid_from > input.validFrom);
        if (previous) await repo.setAgencyNameValidTo(trx, a.agencyId, previous.id, dayBefore(input.validFrom));
        const row = {
          id: newId(),
          agency_id: a.agencyId,
          valid_from: input.validFrom,
          valid_to: next ? dayBefore(next.valid_from!) : null,
          name: normalizeText(input.name),
          short_name: normalizeText(input.shortName),
          abbreviation: normalizeText(input.abbreviation),
          parent_name: input.parentName ? normalizeText(input.parentName) : null,
          place: normalizeText(input.place),
          source: input.source ? normalizeText(input.source) : null,
          created_at: nowIso(),
        };
        await repo.insertAgencyName(trx, row);
        await audit.record(trx, a, { action: 'create', entity: 'agency_name', entityId: row.id, after: nameVersionView(row) });
      });
      onAgencyChanged(a.agencyId);
      return loadAgency(a.agencyId);
    },

    /** The names an agency used on `date`, for documents signed then (no actor: read by other modules' services). */
    async agencyNameOn(agencyId: string, date: string) {
      const found = nameAt(await repo.listAgencyNames(db, agencyId), date);
      return found ? nameVersionView(found) : undefined;
    },

    /** Units and the members of each unit group, for other modules' services (no actor: they check access). */
    async unitDirectory(agencyId: string) {
      const [units, groups, members] = await Promise.all([repo.listUnits(db, agencyId), repo.listUnitGroups(db, agencyId), repo.listUnitGroupMembers(db, agencyId)]);
      return {
        units: units.map(unitView),
        groups: groups.map((g) => ({
          id: g.id,
          name: g.name,
          unitIds: g.rule === 'all_professional' ? units.filter((u) => u.kind === 'professional' && u.active === 1).map((u) => u.id) : members.filter((m) => m.group_id === g.id).map((m) => m.unit_id),
        })),
      };
    },

    /** Active users of the given units, with their roles (for reminders; no actor). */
    async usersOfUnits(agencyId: string, unitIds: string[]) {
      const users = await repo.listActiveUsersOfUnits(db, agencyId, unitIds);
      const roles = await repo.listRolesOf(db, agencyId, users.map((u) => u.id));
      return users.map((u) => ({ id: u.id, email: u.email, fullName: u.full_name, unitId: u.unit_id!, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role) }));
    },

    /** Names and units of the agency's users by id (bylines, histories; no actor). */
    async userNames(agencyId: string, ids: string[]) {
      const rows = await repo.listUserNames(db, agencyId, [...new Set(ids)]);
      return new Map(rows.map((u) => [u.id, { fullName: u.full_name, unitId: u.unit_id }]));
    },

    /** Every agency's id, for scheduled jobs that visit each tenant. */
    async agencyIds() {
      return (await repo.listAgencyIds(db)).map((a) => a.id);
    },

    /** An agency's id by its code (for the CLI and the seed). */
    async agencyByCode(code: string) {
      const agency = await repo.findAgencyByCode(db, code);
      return agency ? { id: agency.id, code: agency.code } : undefined;
    },

    /** The agency the public portal shows for a host name: its own, else the configured default. */
    async portalAgency(hostname: string, defaultCode: string) {
      const key = `${hostname}|${defaultCode}`;
      const hit = portalAgencies.get(key);
      if (hit && hit.expires > Date.now()) return hit.agency;
      const row = (await repo.findAgencyByHostname(db, hostname)) ?? (await repo.findAgencyByCode(db, defaultCode)) ?? (await repo.findFirstAgency(db));
      const agency = row ? await loadAgency(row.id) : undefined;
      // An unknown host must not grow the map without bound.
      if (portalAgencies.size > 1000) portalAgencies.clear();
      if (agency) portalAgencies.set(key, { agency, expires: Date.now() + PORTAL_AGENCY_TTL_MS });
      return agency;
    },

    // ---- units ---------------------------------------------------------------------------
    async listUnits(actor: Actor | undefined) {
      const a = authorize(actor, orgPolicy, 'org.units.read');
      return (await repo.listUnits(db, a.agencyId)).map(unitView);
    },

    async getUnit(actor: Actor | undefined, id: string) {
      const unit = await repo.findUnit(db, id);
      const a = authorize(actor, orgPolicy, 'org.units.read', unit);
      return unitView((await repo.listUnits(db, a.agencyId, id))[0]!);
    },

    async createUnit(actor: Actor | undefined, input: Static<typeof UnitInput>) {
      const a = authorize(actor, orgPolicy, 'org.units.write');
      const id = newId();
      await database.transaction(async (trx) => {
        const abbreviation = normalizeText(input.abbreviation);
        if (await repo.findUnitByAbbreviation(trx, a.agencyId, abbreviation)) throw new ConflictError(`Đã có đơn vị viết tắt "${abbreviation}".`);
        const now = nowIso();
        const row: UnitTable = {
          id,
          agency_id: a.agencyId,
          name: normalizeText(input.name),
          short_name: normalizeText(input.shortName ?? input.name),
          abbreviation,
          kind: input.kind,
          is_coordinator: input.isCoordinator ? 1 : 0,
          active: 1,
          sort_order: input.sortOrder ?? 100,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        };
        await repo.insertUnit(trx, row);
        await audit.record(trx, a, { action: 'create', entity: 'unit', entityId: id, after: unitView(row) });
      });
      return this.getUnit(a, id);
    },

    async updateUnit(actor: Actor | undefined, id: string, patch: Static<typeof UnitPatch>) {
      const unit = await repo.findUnit(db, id);
      const a = authorize(actor, orgPolicy, 'org.units.write', unit);
      await database.transaction(async (trx) => {
        const before = (await repo.findUnit(trx, id))!;
        const set: Partial<UnitTable> = { updated_at: nowIso() };
        if (patch.name !== undefined) set.name = normalizeText(patch.name);
        if (patch.shortName !== undefined) set.short_name = normalizeText(patch.shortName);
        if (patch.abbreviation !== undefined) {
          set.abbreviation = normalizeText(patch.abbreviation);
          const other = await repo.findUnitByAbbreviation(trx, a.agencyId, set.abbreviation);
          if (other && other.id !== id) throw new ConflictError(`Đã có đơn vị viết tắt "${set.abbreviation}".`);
        }
        if (patch.kind !== undefined) set.kind = patch.kind;
        if (patch.isCoordinator !== undefined) set.is_coordinator = patch.isCoordinator ? 1 : 0;
        if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
        if (patch.sortOrder !== undefined) set.sort_order = patch.sortOrder;
        await repo.updateUnit(trx, a.agencyId, id, set);
        const after = (await repo.findUnit(trx, id))!;
        await audit.record(trx, a, { action: patch.active === false ? 'deactivate' : 'update', entity: 'unit', entityId: id, before: unitView(before), after: unitView(after) });
      });
      return this.getUnit(a, id);
    },

    async listUnitGroups(actor: Actor | undefined) {
      const a = authorize(actor, orgPolicy, 'org.units.read');
      const [groups, members, units] = await Promise.all([repo.listUnitGroups(db, a.agencyId), repo.listUnitGroupMembers(db, a.agencyId), repo.listUnits(db, a.agencyId)]);
      return groups.map((g) => ({
        id: g.id,
        name: g.name,
        aliases: JSON.parse(g.aliases) as string[],
        rule: g.rule,
        unitIds:
          g.rule === 'all_professional'
            ? units.filter((u) => u.kind === 'professional' && u.active === 1).map((u) => u.id)
            : members.filter((m) => m.group_id === g.id).map((m) => m.unit_id),
      }));
    },

    // ---- users ---------------------------------------------------------------------------
    /** Lists the agency's users; `q` matches name or email ignoring case and diacritics. */
    async listUsers(actor: Actor | undefined, filter: repo.UserFilter & { q?: string }) {
      const a = authorize(actor, orgPolicy, 'org.users.read');
      const needle = filter.q ? foldVi(normalizeText(filter.q)) : '';
      // An agency has hundreds of users at most: folding in the app keeps both engines identical.
      const rows = (await repo.listUsers(db, a.agencyId, filter)).filter((u) => !needle || foldVi(`${u.full_name} ${u.email}`).includes(needle));
      const roles = await repo.listRolesOf(db, a.agencyId, rows.map((r) => r.id));
      return rows.map((r) => userView(r, roles.filter((x) => x.user_id === r.id).map((x) => x.role)));
    },

    async getUser(actor: Actor | undefined, id: string) {
      const user = await repo.findUserById(db, id);
      const a = authorize(actor, orgPolicy, 'org.users.read', user);
      return loadUser(a.agencyId, id);
    },

    async createUser(actor: Actor | undefined, input: Static<typeof UserInput>) {
      const a = authorize(actor, orgPolicy, 'org.users.write');
      const email = input.email.trim().toLowerCase();
      await assertUnitOfAgency(a.agencyId, input.unitId);
      const temporaryPassword = input.password ? undefined : generatePassword();
      const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
      const id = newId();
      await database.transaction(async (trx) => {
        if (await repo.findUserByEmail(trx, email)) throw new ConflictError('Email này đã được dùng cho một tài khoản khác.');
        const now = nowIso();
        const row: UserTable = {
          id, agency_id: a.agencyId, unit_id: input.unitId ?? null, email, full_name: normalizeText(input.fullName), password_hash: passwordHash,
          active: 1, is_demo: 0, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now,
        };
        await repo.insertUser(trx, row);
        await repo.replaceRoles(trx, a.agencyId, id, input.roles);
        await audit.record(trx, a, { action: 'create', entity: 'user', entityId: id, after: userAuditShape(row, input.roles) });
      });
      return { user: await loadUser(a.agencyId, id), temporaryPassword };
    },

    async updateUser(actor: Actor | undefined, id: string, patch: Static<typeof UserPatch>) {
      const user = await repo.findUserById(db, id);
      const a = authorize(actor, orgPolicy, 'org.users.write', user);
      await assertUnitOfAgency(a.agencyId, patch.unitId);
      if (id === a.userId && patch.active === false) throw new ConflictError('Bạn không thể tự vô hiệu hóa tài khoản của mình.');
      await database.transaction(async (trx) => {
        const before = (await repo.findUserById(trx, id))!;
        const beforeRoles = (await repo.listRolesOf(trx, a.agencyId, [id])).map((r) => r.role);
        const roles = patch.roles ?? beforeRoles;
        const active = patch.active ?? before.active === 1;
        await assertAdminRemains(trx, a.agencyId, id, active && roles.includes('admin'));
        const set: Partial<UserTable> = { updated_at: nowIso() };
        if (patch.fullName !== undefined) set.full_name = normalizeText(patch.fullName);
        if (patch.unitId !== undefined) set.unit_id = patch.unitId;
        if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
        if (patch.active === true) Object.assign(set, { failed_logins: 0, locked_until: null });
        await repo.updateUser(trx, a.agencyId, id, set);
        if (patch.roles) await repo.replaceRoles(trx, a.agencyId, id, patch.roles);
        // A deactivated user is signed out everywhere at once.
        if (patch.active === false) await sessions.destroyUserSessions(trx, a.agencyId, id);
        const after = (await repo.findUserById(trx, id))!;
        await audit.record(trx, a, { action: patch.active === false ? 'deactivate' : 'update', entity: 'user', entityId: id, before: userAuditShape(before, beforeRoles), after: userAuditShape(after, roles) });
      });
      return loadUser(a.agencyId, id);
    },

    /** Admin reset: sets the given or a generated password, unlocks, and ends the user's sessions. */
    async resetPassword(actor: Actor | undefined, id: string, password?: string) {
      const user = await repo.findUserById(db, id);
      const a = authorize(actor, orgPolicy, 'org.users.write', user);
      const temporaryPassword = password ? undefined : generatePassword();
      const passwordHash = await hashPassword(password ?? temporaryPassword!);
      await database.transaction(async (trx) => {
        await repo.updateUser(trx, a.agencyId, id, { password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: nowIso() });
        await sessions.destroyUserSessions(trx, a.agencyId, id);
        await audit.record(trx, a, { action: 'reset_password', entity: 'user', entityId: id });
      });
      return { temporaryPassword };
    },

    /** Resolves unit names as written in documents to the agency's units and unit groups (for other modules' services). */
    async matchUnitNames(agencyId: string, names: string[]): Promise<UnitMatch[]> {
      const [units, groups] = await Promise.all([repo.listUnits(db, agencyId), repo.listUnitGroups(db, agencyId)]);
      const unitCandidates = units.map((u) => ({ id: u.id, names: [u.name, u.short_name, u.abbreviation, `Phòng ${u.abbreviation}`] }));
      const groupCandidates = groups.map((g) => ({ id: g.id, names: [g.name, ...(JSON.parse(g.aliases) as string[])] }));
      return names.map((n) => matchUnitName(n, unitCandidates, groupCandidates));
    },

    roles(): { code: Role; label: string }[] {
      return ROLE_LIST;
    },
  };
}

const ROLE_LIST = ROLES.map((code) => ({ code, label: ROLE_LABELS[code] }));

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export type OrgService = ReturnType<typeof createOrgService>;

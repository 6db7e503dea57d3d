import type { Executor } from '../../db/database.ts';
import type { AgencyNameTable, AgencyTable, ProvinceNameTable, UnitGroupTable, UnitTable, UserTable } from '../../db/types.ts';
import { compareVi } from '../../platform/vi-text.ts';

// ---- agencies -------------------------------------------------------------------------------

export function findAgencyById(db: Executor, id: string) {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAgencyByCode(db: Executor, code: string) {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findAgencyByHostname(db: Executor, hostname: string) {
  return db.selectFrom('agencies').selectAll().where('hostname', '=', hostname).executeTakeFirst();
}

export function findFirstAgency(db: Executor) {
  return db.selectFrom('agencies').selectAll().orderBy('created_at').limit(1).executeTakeFirst();
}

export function countAgencies(db: Executor) {
  return db.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
}

export function insertAgency(db: Executor, row: AgencyTable) {
  return db.insertInto('agencies').values(row).execute();
}

export function updateAgency(db: Executor, id: string, patch: Partial<AgencyTable>) {
  return db.updateTable('agencies').set(patch).where('id', '=', id).execute();
}

export function listAgencyNames(db: Executor, agencyId: string) {
  // NULL valid_from (in force since before records began) sorts first on both engines.
  return db
    .selectFrom('agency_names')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy((eb) => eb.fn.coalesce('valid_from', eb.val('0000-00-00')))
    .execute();
}

export function insertAgencyName(db: Executor, row: AgencyNameTable) {
  return db.insertInto('agency_names').values(row).execute();
}

export function setAgencyNameValidTo(db: Executor, agencyId: string, id: string, validTo: string | null) {
  return db.updateTable('agency_names').set({ valid_to: validTo }).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

// ---- provinces ------------------------------------------------------------------------------

export function listProvinceNames(db: Executor, provinceCode: string) {
  return db
    .selectFrom('province_names')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .orderBy((eb) => eb.fn.coalesce('valid_from', eb.val('0000-00-00')))
    .execute();
}

export function insertProvinceName(db: Executor, row: ProvinceNameTable) {
  return db.insertInto('province_names').values(row).execute();
}

export function listAgenciesOfProvince(db: Executor, provinceCode: string) {
  return db.selectFrom('agencies').select(['id', 'code', 'is_demo']).where('province_code', '=', provinceCode).orderBy('code').execute();
}

// ---- units ----------------------------------------------------------------------------------

/** The agency's units with their user counts; `id` narrows it to one unit. */
export async function listUnits(db: Executor, agencyId: string, id?: string) {
  let q = db
    .selectFrom('units')
    .selectAll('units')
    .select((eb) =>
      eb.selectFrom('users').whereRef('users.unit_id', '=', 'units.id').where('users.agency_id', '=', agencyId).select(eb.fn.countAll().as('n')).as('user_count'),
    )
    .where('units.agency_id', '=', agencyId);
  if (id) q = q.where('units.id', '=', id);
  // Names in Vietnamese order (SQL would put "Đ…" after "X…"): units are few, sorted here.
  const rows = await q.orderBy('units.sort_order').execute();
  return rows.sort((a, b) => a.sort_order - b.sort_order || compareVi(a.name, b.name));
}

export function findUnit(db: Executor, id: string) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitByAbbreviation(db: Executor, agencyId: string, abbreviation: string) {
  return db.selectFrom('units').selectAll().where('agency_id', '=', agencyId).where('abbreviation', '=', abbreviation).executeTakeFirst();
}

export function insertUnit(db: Executor, row: UnitTable) {
  return db.insertInto('units').values(row).execute();
}

export function updateUnit(db: Executor, agencyId: string, id: string, patch: Partial<UnitTable>) {
  return db.updateTable('units').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function listUnitGroups(db: Executor, agencyId: string) {
  const rows = await db.selectFrom('unit_groups').selectAll().where('agency_id', '=', agencyId).execute();
  return rows.sort((a, b) => compareVi(a.name, b.name));
}

export function listUnitGroupMembers(db: Executor, agencyId: string) {
  return db.selectFrom('unit_group_members').select(['group_id', 'unit_id']).where('agency_id', '=', agencyId).execute();
}

export function insertUnitGroup(db: Executor, row: UnitGroupTable) {
  return db.insertInto('unit_groups').values(row).execute();
}

// ---- users ----------------------------------------------------------------------------------

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Sign-in and account checks know only the e-mail: `user_logins` (global) names the agency and
 * the user, then the user is read by its key (on a distributed database, from one shard).
 */
export async function findUserByEmail(db: Executor, email: string) {
  const login = await db.selectFrom('user_logins').select(['agency_id', 'user_id']).where('email', '=', email).executeTakeFirst();
  if (!login) return undefined;
  return db.selectFrom('users').selectAll().where('agency_id', '=', login.agency_id).where('id', '=', login.user_id).executeTakeFirst();
}

export interface UserFilter {
  /** One user only (the single-user view uses the same query as the list). */
  id?: string;
  unitId?: string;
  role?: string;
  active?: boolean;
}

export async function listUsers(db: Executor, agencyId: string, f: UserFilter) {
  let q = db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .selectAll('users')
    .select('units.short_name as unit_name')
    .where('users.agency_id', '=', agencyId);
  if (f.id) q = q.where('users.id', '=', f.id);
  if (f.unitId) q = q.where('users.unit_id', '=', f.unitId);
  if (f.active !== undefined) q = q.where('users.active', '=', f.active ? 1 : 0);
  if (f.role) {
    const role = f.role;
    q = q.where((eb) => eb.exists(eb.selectFrom('user_roles').select('user_roles.role').whereRef('user_roles.user_id', '=', 'users.id').where('user_roles.role', '=', role)));
  }
  // As Vietnamese lists are read: by given name (the last word), then the full name.
  const rows = await q.execute();
  return rows.sort((a, b) => compareVi(givenName(a.full_name), givenName(b.full_name)) || compareVi(a.full_name, b.full_name));
}

const givenName = (fullName: string) => fullName.trim().split(/\s+/).pop() ?? '';

/** The user and its global sign-in entry, together (`db` is the use case's transaction): an e-mail is taken in one agency only. */
export async function insertUser(db: Executor, row: UserTable) {
  await db.insertInto('users').values(row).execute();
  await db.insertInto('user_logins').values({ email: row.email, agency_id: row.agency_id, user_id: row.id }).execute();
}

export async function updateUser(db: Executor, agencyId: string, id: string, patch: Partial<UserTable>) {
  await db.updateTable('users').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
  if (patch.email !== undefined) await db.updateTable('user_logins').set({ email: patch.email }).where('agency_id', '=', agencyId).where('user_id', '=', id).execute();
}

export function listRolesOf(db: Executor, agencyId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('user_roles').select(['user_id', 'role']).where('agency_id', '=', agencyId).where('user_id', 'in', userIds).execute();
}

export async function replaceRoles(db: Executor, agencyId: string, userId: string, roles: readonly string[]) {
  await db.deleteFrom('user_roles').where('agency_id', '=', agencyId).where('user_id', '=', userId).execute();
  if (roles.length > 0) await db.insertInto('user_roles').values(roles.map((role) => ({ agency_id: agencyId, user_id: userId, role }))).execute();
}

/** Active users of the agency holding `role`, other than `exceptUserId`. */
export async function countActiveWithRole(db: Executor, agencyId: string, role: string, exceptUserId: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('users.agency_id', '=', agencyId)
    .where('users.active', '=', 1)
    .where('user_roles.role', '=', role)
    .where('users.id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listAllUsers(db: Executor) {
  return db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.email', 'users.full_name', 'users.active', 'users.is_demo', 'users.agency_id', 'agencies.code as agency_code'])
    .orderBy('agencies.code')
    .orderBy('users.email')
    .execute();
}

export function listActiveUsersOfUnits(db: Executor, agencyId: string, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'email', 'full_name', 'unit_id']).where('agency_id', '=', agencyId).where('active', '=', 1).where('unit_id', 'in', unitIds).execute();
}

export function listUserNames(db: Executor, agencyId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'full_name', 'unit_id']).where('agency_id', '=', agencyId).where('id', 'in', ids).execute();
}

export function listAgencyIds(db: Executor) {
  return db.selectFrom('agencies').select('id').execute();
}

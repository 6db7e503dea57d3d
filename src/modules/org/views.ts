import type { AgencyNameTable, AgencyTable, UnitTable, UserTable } from '../../db/types.ts';
import type { AgencyView, NameVersionView, UnitView, UserView } from './schema.ts';

/** Row → API shape conversions of the organisation module. */

export function nameVersionView(n: AgencyNameTable): NameVersionView {
  return {
    id: n.id,
    validFrom: n.valid_from,
    validTo: n.valid_to,
    name: n.name,
    shortName: n.short_name,
    abbreviation: n.abbreviation,
    parentName: n.parent_name,
    place: n.place,
    source: n.source,
  };
}

/** The name version in force on `date` (YYYY-MM-DD); versions are sorted by valid_from. Agencies' and provinces' names alike. */
export function nameAt<T extends Pick<AgencyNameTable, 'valid_from' | 'valid_to'>>(names: T[], date: string): T | undefined {
  let found: T | undefined;
  for (const n of names) {
    if ((n.valid_from === null || n.valid_from <= date) && (n.valid_to === null || n.valid_to >= date)) found = n;
  }
  return found ?? names[0];
}

export function agencyView(a: AgencyTable, names: AgencyNameTable[], today: string): AgencyView {
  return {
    id: a.id,
    code: a.code,
    hostname: a.hostname,
    address: a.address,
    phone: a.phone,
    email: a.email,
    website: a.website,
    isDemo: a.is_demo === 1,
    current: nameVersionView(nameAt(names, today)!),
    names: names.map(nameVersionView),
  };
}

export function unitView(u: UnitTable & { user_count?: string | number | bigint | null }): UnitView {
  return {
    id: u.id,
    name: u.name,
    shortName: u.short_name,
    abbreviation: u.abbreviation,
    kind: u.kind,
    isCoordinator: u.is_coordinator === 1,
    active: u.active === 1,
    sortOrder: u.sort_order,
    isDemo: u.is_demo === 1,
    userCount: Number(u.user_count ?? 0),
  };
}

export function userView(u: UserTable & { unit_name?: string | null }, roles: string[]): UserView {
  return {
    id: u.id,
    email: u.email,
    fullName: u.full_name,
    unitId: u.unit_id,
    unitName: u.unit_name ?? null,
    roles,
    active: u.active === 1,
    isDemo: u.is_demo === 1,
    lockedUntil: u.locked_until && u.locked_until > new Date().toISOString() ? u.locked_until : null,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
  };
}

/** The audited shape of a user: no hash, no counters. */
export function userAuditShape(u: UserTable, roles: readonly string[]) {
  return { email: u.email, fullName: u.full_name, unitId: u.unit_id, active: u.active === 1, roles: [...roles].sort() };
}

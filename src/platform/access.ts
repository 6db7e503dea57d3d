import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';

/** Roles from DESIGN.md; a user may hold several. */
export const ROLES = ['staff', 'unit_head', 'coordinator', 'editor', 'leader', 'admin', 'overseer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  staff: 'Cán bộ phòng',
  unit_head: 'Trưởng phòng',
  coordinator: 'Điều phối (Phòng HC-TH)',
  editor: 'Biên tập viên',
  leader: 'Lãnh đạo',
  admin: 'Quản trị hệ thống',
  overseer: 'Sở Nội vụ (giám sát)',
};

/** The signed-in user as services see it. */
export interface Actor {
  userId: string;
  agencyId: string;
  unitId: string | null;
  email: string;
  fullName: string;
  roles: Role[];
  ip?: string;
}

/** A module's policy: each permission lists the roles that hold it. */
export type Policy<P extends string> = Readonly<Record<P, readonly Role[]>>;

/**
 * The first call of every service function: checks that there is an actor, that one of its
 * roles holds `permission`, and that each given record belongs to the actor's agency.
 * Another agency's record answers 404, never 403, so its existence does not leak.
 * Example: `const actor = authorize(maybeActor, orgPolicy, 'units.write', unitRow)`.
 */
export function authorize<P extends string>(
  actor: Actor | undefined,
  policy: Policy<P>,
  permission: P,
  ...records: ({ agency_id: string } | undefined)[]
): Actor {
  if (!actor) throw new UnauthorizedError();
  for (const record of records) {
    if (!record || record.agency_id !== actor.agencyId) throw new NotFoundError();
  }
  if (!hasPermission(actor, policy, permission)) throw new ForbiddenError();
  return actor;
}

export function hasPermission<P extends string>(actor: Actor, policy: Policy<P>, permission: P): boolean {
  const allowed = policy[permission];
  return actor.roles.some((r) => allowed.includes(r));
}

/** Lists the permissions of a policy that the actor holds (sent to the admin app for menus). */
export function grantedPermissions<P extends string>(actor: Actor, policy: Policy<P>): P[] {
  return (Object.keys(policy) as P[]).filter((p) => hasPermission(actor, policy, p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * An actor that reads everything of one agency, for system work without a signed-in user
 * (CLI, report generation, seed). Never give it to code that writes on a user's behalf.
 * Example: `plans.list(systemReader(agencyId))`.
 */
export function systemReader(agencyId: string): Actor {
  return { userId: '', agencyId, unitId: null, email: 'system', fullName: 'hệ thống', roles: ['leader'] };
}

import { ROLES, type Policy } from '../../platform/access.ts';

/** Who may do what in the organisation module. */
export const orgPolicy = {
  'org.agency.read': ROLES,
  'org.agency.write': ['admin'],
  'org.units.read': ROLES,
  'org.units.write': ['admin'],
  'org.users.read': ['admin', 'coordinator'],
  'org.users.write': ['admin'],
} as const satisfies Policy<string>;

export type OrgPermission = keyof typeof orgPolicy;

import { ROLES, type Policy } from '../../platform/access.ts';

/**
 * Evidence and progress. Staff and unit heads record evidence of their own unit; the
 * coordinating office and admins record for any unit.
 */
export const evidencePolicy = {
  'evidence.read': ROLES,
  'evidence.write': ['staff', 'unit_head', 'coordinator', 'editor', 'admin'],
  'evidence.any_unit': ['coordinator', 'admin'],
} as const satisfies Policy<string>;

import { ROLES, type Policy } from '../../platform/access.ts';

/**
 * Administrative procedures. The coordinating office (which runs the one-stop desk) keeps the
 * catalog, applies announcement decisions and posts at the desk; editors help with the catalog.
 */
export const proceduresPolicy = {
  'procedures.read': ROLES,
  'procedures.write': ['coordinator', 'editor', 'admin'],
  'procedures.decide': ['coordinator', 'admin'],
  'procedures.results': ['coordinator', 'admin'],
} as const satisfies Policy<string>;

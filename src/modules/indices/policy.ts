import { ROLES, type Policy } from '../../platform/access.ts';

/**
 * Indices are public figures: everyone of the agency reads them; the coordinating office
 * enters and imports them and records their publication as evidence.
 */
export const indicesPolicy = {
  'indices.read': ROLES,
  'indices.write': ['coordinator', 'admin'],
  'indices.publish': ['coordinator', 'editor', 'admin'],
} as const satisfies Policy<string>;

import { ROLES, type Policy } from '../../platform/access.ts';

/**
 * Survey results are read by everyone of the agency (they are public anyway); the coordinating
 * office, which runs the one-stop desk, sets the questions.
 */
export const surveysPolicy = {
  'surveys.read': ROLES,
  'surveys.manage': ['coordinator', 'admin'],
} as const satisfies Policy<string>;

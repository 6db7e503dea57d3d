import { ROLES, type Policy } from '../../platform/access.ts';

/** Who may do what with plans. Leadership approves; the coordinating office owns the plan. */
export const plansPolicy = {
  'plans.read': ROLES,
  'plans.write': ['coordinator', 'admin'],
  'plans.import': ['coordinator', 'admin'],
  'plans.approve': ['leader'],
} as const satisfies Policy<string>;

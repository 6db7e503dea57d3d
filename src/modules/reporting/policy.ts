import { ROLES, type Policy } from '../../platform/access.ts';

/** Periodic reporting: units write and approve their own reports; the coordinating office runs the cycle. */
export const reportingPolicy = {
  'reports.read': ROLES,
  /** Every unit's report, read-only: the coordinating office, and the province's overseer (Sở Nội vụ). */
  'reports.read_all': ['coordinator', 'overseer'],
  'reports.edit': ['staff', 'unit_head'],
  'reports.approve': ['unit_head'],
  'reports.review': ['coordinator'],
  'periods.manage': ['coordinator', 'admin'],
} as const satisfies Policy<string>;

import type { Policy } from '../../platform/access.ts';

/**
 * The province's Department of Home Affairs (Sở Nội vụ) reads every agency of its province.
 * Only reading: the overseer writes nothing in another agency, and no other role holds this.
 */
export const oversightPolicy = {
  'oversight.read': ['overseer'],
} as const satisfies Policy<string>;

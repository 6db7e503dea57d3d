import type { Policy } from '../../platform/access.ts';
import { proceduresPolicy } from '../procedures/policy.ts';

/**
 * Processing results add no permission of their own: everyone of the agency reads them
 * (`procedures.read`), the coordinating office that runs the one-stop desk enters, imports and
 * publishes them (`procedures.results`). The procedures module owns both.
 */
export const serviceStatsPolicy = {
  'procedures.read': proceduresPolicy['procedures.read'],
  'procedures.results': proceduresPolicy['procedures.results'],
} as const satisfies Policy<string>;

export type ServiceStatsPermission = keyof typeof serviceStatsPolicy;

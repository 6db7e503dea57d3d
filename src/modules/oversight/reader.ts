import type { Actor } from '../../platform/access.ts';

/**
 * The overseer as a reader of one agency of its province: the same person, placed in that
 * agency with the `overseer` role only. Other modules grant that role reading and nothing else,
 * so every write refuses it. Build it only after checking the agency is in the overseer's province.
 * Example: `plans.list(provinceReader(actor, agencyId))`.
 */
export function provinceReader(overseer: Actor, agencyId: string): Actor {
  return { userId: overseer.userId, agencyId, unitId: null, email: overseer.email, fullName: overseer.fullName, roles: ['overseer'], ip: overseer.ip };
}

import { ROLES, type Policy } from '../../platform/access.ts';

/**
 * Outreach events. Staff and unit heads record their own unit's events; the coordinating office
 * and admins record for any unit and keep the list of administrative areas and audiences.
 */
export const eventsPolicy = {
  'events.read': ROLES,
  'events.write': ['staff', 'unit_head', 'coordinator', 'editor', 'admin'],
  'events.any_unit': ['coordinator', 'admin'],
  'events.areas': ['coordinator', 'admin'],
} as const satisfies Policy<string>;

export type EventsPermission = keyof typeof eventsPolicy;

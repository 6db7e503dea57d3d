import { ROLES, type Policy } from '../../platform/access.ts';

/**
 * Social channels. Everyone of the agency sees posts and channel health; editors and the
 * coordinating office cross-post; any officer records a post made by hand for their work;
 * only admins connect channels (they hold the agency's page tokens).
 */
export const socialPolicy = {
  'social.read': ROLES,
  'social.post': ['editor', 'coordinator', 'leader', 'admin'],
  'social.record': ['staff', 'unit_head', 'editor', 'coordinator', 'leader', 'admin'],
  'social.channels': ['admin'],
} as const satisfies Policy<string>;

export type SocialPermission = keyof typeof socialPolicy;

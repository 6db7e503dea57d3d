import { ROLES, type Policy } from '../../platform/access.ts';

/**
 * The newsroom. Editors write; a leader or a second editor approves (never the author);
 * only leaders and admins may publish without approval, and must say why.
 */
export const publishingPolicy = {
  'articles.read': ROLES,
  'articles.write': ['editor', 'leader', 'admin'],
  'articles.approve': ['editor', 'leader', 'admin'],
  'articles.publish': ['editor', 'leader', 'admin'],
  'articles.force_publish': ['leader', 'admin'],
  'categories.write': ['editor', 'admin'],
  'media.write': ['editor', 'leader', 'admin'],
  'documents.write': ['editor', 'coordinator', 'admin'],
} as const satisfies Policy<string>;

export type PublishingPermission = keyof typeof publishingPolicy;

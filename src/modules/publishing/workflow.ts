import type { ArticleStatus } from '../../db/types.ts';

/** What can be done to an article; each action names the states it starts from and leads to. */
export const ARTICLE_ACTIONS = {
  edit: { from: ['draft', 'submitted', 'approved', 'scheduled', 'published', 'unpublished'], to: null },
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved', 'scheduled'], to: 'draft' },
  publish: { from: ['approved'], to: 'published' },
  schedule: { from: ['approved'], to: 'scheduled' },
  'cancel-schedule': { from: ['scheduled'], to: 'approved' },
  'force-publish': { from: ['draft', 'submitted', 'approved', 'scheduled', 'unpublished'], to: 'published' },
  'review-forced': { from: ['published', 'unpublished', 'archived'], to: null },
  unpublish: { from: ['published'], to: 'unpublished' },
  archive: { from: ['draft', 'unpublished', 'published'], to: 'archived' },
  restore: { from: ['unpublished', 'archived'], to: 'draft' },
  preview: { from: ['draft', 'submitted', 'approved', 'scheduled', 'published', 'unpublished', 'archived'], to: null },
} as const satisfies Record<string, { from: readonly ArticleStatus[]; to: ArticleStatus | null }>;

export type ArticleAction = keyof typeof ARTICLE_ACTIONS;

export const ACTION_LABELS: Record<ArticleAction, string> = {
  edit: 'sửa',
  submit: 'gửi duyệt',
  approve: 'duyệt',
  return: 'trả lại',
  publish: 'đăng',
  schedule: 'hẹn giờ đăng',
  'cancel-schedule': 'huỷ hẹn giờ',
  'force-publish': 'đăng không qua duyệt',
  'review-forced': 'xem lại bài đăng không qua duyệt',
  unpublish: 'gỡ bài',
  archive: 'lưu trữ',
  restore: 'khôi phục thành bản nháp',
  preview: 'xem trước',
};

export interface WorkflowSubject {
  status: ArticleStatus;
  createdBy: string | null;
  approvedBy: string | null;
  publishedBy: string | null;
  forced: boolean;
  forceReviewed: boolean;
}

export interface WorkflowActor {
  userId: string;
  can: (permission: 'articles.write' | 'articles.approve' | 'articles.publish' | 'articles.force_publish') => boolean;
}

/**
 * Why `actor` may not take `action` on the article, or null when it may. The four-eyes rule:
 * the author never approves their own article, and a forced publication is reviewed by
 * someone other than the person who forced it.
 */
export function refusal(action: ArticleAction, article: WorkflowSubject, actor: WorkflowActor): string | null {
  const rule = ARTICLE_ACTIONS[action];
  if (!(rule.from as readonly string[]).includes(article.status)) return `Không thể ${ACTION_LABELS[action]} bài ở trạng thái hiện tại.`;
  switch (action) {
    case 'approve':
      if (!actor.can('articles.approve')) return 'Bạn không có quyền duyệt bài.';
      if (article.createdBy === actor.userId) return 'Không thể tự duyệt bài của mình: cần lãnh đạo hoặc một biên tập viên khác duyệt.';
      return null;
    case 'return':
      return actor.can('articles.approve') ? null : 'Bạn không có quyền trả lại bài.';
    case 'publish':
    case 'schedule':
    case 'cancel-schedule':
    case 'unpublish':
      return actor.can('articles.publish') ? null : 'Bạn không có quyền đăng hoặc gỡ bài.';
    case 'force-publish':
      return actor.can('articles.force_publish') ? null : 'Chỉ lãnh đạo hoặc quản trị được đăng bài không qua duyệt.';
    case 'review-forced':
      if (!article.forced || article.forceReviewed) return 'Bài này không cần xem lại.';
      if (!actor.can('articles.approve')) return 'Bạn không có quyền xem lại bài.';
      if (article.publishedBy === actor.userId) return 'Người đã đăng không qua duyệt không thể tự xem lại: cần một người khác.';
      return null;
    case 'edit':
      if (!actor.can('articles.write')) return 'Bạn không có quyền sửa bài.';
      // A published article changes the public page at once: only someone who may approve does it.
      if (article.status === 'published' && (!actor.can('articles.approve') || article.createdBy === actor.userId)) return 'Bài đã đăng: hãy gỡ bài để sửa, hoặc nhờ người duyệt sửa.';
      return null;
    default:
      return actor.can('articles.write') ? null : 'Bạn không có quyền thao tác trên bài này.';
  }
}

/** The actions the actor may take now (the admin shows only these). */
export function allowedActions(article: WorkflowSubject, actor: WorkflowActor): ArticleAction[] {
  return (Object.keys(ARTICLE_ACTIONS) as ArticleAction[]).filter((a) => refusal(a, article, actor) === null);
}

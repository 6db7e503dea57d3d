import type { FeedbackPermission } from './policy.ts';

/** received → assigned → answered → approved → published → closed (see DESIGN.md, issue 8). */
export const FEEDBACK_STATUSES = ['received', 'assigned', 'answered', 'approved', 'published', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const STATUS_LABELS: Record<FeedbackStatus, string> = {
  received: 'Mới tiếp nhận',
  assigned: 'Đã chuyển đơn vị xử lý',
  answered: 'Chờ lãnh đạo duyệt',
  approved: 'Đã duyệt trả lời',
  published: 'Đã công khai',
  closed: 'Đã kết thúc',
};

/** Each step: the states it starts from, the state it leads to and the permission it needs. */
export const ACTIONS = {
  assign: { from: ['received', 'assigned'], to: 'assigned', permission: 'feedback.assign', label: 'Chuyển đơn vị xử lý' },
  answer: { from: ['assigned', 'answered'], to: 'answered', permission: 'feedback.answer', label: 'Soạn trả lời' },
  return: { from: ['answered'], to: 'assigned', permission: 'feedback.approve', label: 'Trả lại đơn vị' },
  approve: { from: ['answered'], to: 'approved', permission: 'feedback.approve', label: 'Duyệt trả lời' },
  publish: { from: ['approved'], to: 'published', permission: 'feedback.publish', label: 'Công khai' },
  close: { from: ['received', 'assigned', 'approved', 'published'], to: 'closed', permission: 'feedback.assign', label: 'Kết thúc' },
} as const satisfies Record<string, { from: readonly FeedbackStatus[]; to: FeedbackStatus; permission: FeedbackPermission; label: string }>;

export type FeedbackAction = keyof typeof ACTIONS;

/** Whether the sender sees an answer: once a leader approved it (published or not). */
export function hasApprovedAnswer(row: { approved_at: string | null }): boolean {
  return row.approved_at !== null;
}

/** What the sender's lookup says about a state: handling details stay internal. */
export function publicStatusLabel(status: FeedbackStatus, answered: boolean): string {
  if (answered) return 'Đã có kết quả trả lời';
  if (status === 'closed') return 'Đã kết thúc xử lý';
  return status === 'received' ? 'Đã tiếp nhận, đang phân loại' : 'Đang xem xét, xử lý';
}

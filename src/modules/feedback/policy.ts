import type { Policy } from '../../platform/access.ts';

/**
 * Feedback handling. The coordinating office receives, assigns to a unit and closes; the unit's
 * officers draft the answer (only for feedback assigned to their unit); a leader approves it
 * (never the one who drafted it); the coordinator or a leader publishes it when the sender agreed.
 * Officers of a unit read only their unit's feedback (`feedback.read_all` reads everything).
 */
export const feedbackPolicy = {
  'feedback.read': ['staff', 'unit_head', 'coordinator', 'leader', 'admin'],
  'feedback.read_all': ['coordinator', 'leader', 'admin'],
  'feedback.assign': ['coordinator', 'admin'],
  'feedback.answer': ['staff', 'unit_head', 'coordinator'],
  'feedback.approve': ['leader'],
  'feedback.publish': ['coordinator', 'leader', 'admin'],
} as const satisfies Policy<string>;

export type FeedbackPermission = keyof typeof feedbackPolicy;

import { addWorkingDays } from '../../platform/working-days.ts';

/**
 * Handling time of feedback, in working days from receipt, as the team read Nghị định
 * 20/2008/NĐ-CP (amended by 92/2017/NĐ-CP): feedback is sorted and passed to the unit that
 * handles it within 2 working days, and answered within 10 working days. The decree lets a
 * complex case take longer; the agency then closes it with a note to the sender. Kept here, in one
 * place, so the agency's legal officer can change them; public holidays are not counted out.
 */
export const ASSIGN_WORKING_DAYS = 2;
export const ANSWER_WORKING_DAYS = 10;

/** The deadlines of feedback received on `day` (YYYY-MM-DD, Vietnam time). */
export function deadlinesFor(day: string) {
  return { assignDueOn: addWorkingDays(day, ASSIGN_WORKING_DAYS), answerDueOn: addWorkingDays(day, ANSWER_WORKING_DAYS) };
}

/** Which deadline a row is past today, if any: not yet assigned, or not yet answered and approved. */
export function overdueOf(row: { status: string; assign_due_on: string; answer_due_on: string; approved_at: string | null }, today: string): 'assign' | 'answer' | null {
  if (row.approved_at !== null || row.status === 'closed') return null;
  if (today > row.answer_due_on) return 'answer';
  if (row.status === 'received' && today > row.assign_due_on) return 'assign';
  return null;
}

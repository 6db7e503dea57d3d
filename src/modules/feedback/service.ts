import type { SystemActor } from '../../platform/audit/service.ts';
import { newId } from '../../db/sql-helpers.ts';
import type { DeadlineItem } from '../notifications/reminders.ts';
import type { FeedbackDeps } from './deps.ts';
import { createHandling } from './handling.ts';
import { createFeedbackPublicRead } from './public-read.ts';
import * as repo from './repo.ts';
import { createSubmission } from './submit.ts';
import type { FeedbackTable } from '../../db/types.ts';

/**
 * Citizens' feedback (phản ánh, kiến nghị; Nghị định 20/2008/NĐ-CP, amended by 92/2017/NĐ-CP):
 * the public form's submission (submit.ts), the internal workflow (handling.ts), the sender's
 * lookup and the published answers (public-read.ts), and the handling deadlines for reminders.
 */
export function createFeedbackService(deps: FeedbackDeps) {
  const handling = createHandling(deps);
  const { db } = deps.database;

  /** Deadlines still running, for the daily reminders (notifications/reminders.ts). */
  async function deadlines(agencyId: string): Promise<DeadlineItem[]> {
    const rows = await repo.listOpen(db, agencyId);
    const allUnits = rows.some((r) => r.status === 'received') ? (await deps.org.unitDirectory(agencyId)).units.filter((u) => u.active).map((u) => u.id) : [];
    return rows.map((r) => {
      const waitingForUnit = r.status !== 'received' && r.unit_id !== null;
      return {
        key: `feedback:${r.id}:${waitingForUnit ? 'answer' : 'assign'}`,
        due: waitingForUnit ? r.answer_due_on : r.assign_due_on,
        // Until assigned, the coordinating office must sort it; then the unit must answer it.
        unitIds: waitingForUnit ? [r.unit_id!] : allUnits,
        roles: waitingForUnit ? ['staff', 'unit_head'] : ['coordinator'],
        what: waitingForUnit ? `Trả lời phản ánh ${r.code}` : `Phân loại, chuyển xử lý phản ánh ${r.code}`,
        body: r.subject,
        link: `/admin/feedback/${r.id}`,
        kind: 'feedback',
      };
    });
  }

  return {
    submit: createSubmission(deps),
    list: handling.list,
    get: handling.get,
    file: handling.file,
    assign: handling.assign,
    answer: handling.answer,
    returnToUnit: handling.returnToUnit,
    approve: handling.approve,
    publish: handling.publish,
    close: handling.close,
    deadlines,
    /** The public pages' read side (no actor). */
    portal: createFeedbackPublicRead(deps),
    /** Demo seed only: true when the agency already has feedback (the demo never adds to it). */
    async hasFeedback(agencyId: string) {
      return (await repo.countFeedback(db, agencyId)) > 0;
    },
    /** Demo seed only: complete rows flagged demo, each with its history, written as the system. */
    async writeDemo(agencyId: string, rows: FeedbackTable[], events: { feedbackId: string; action: string; from: string | null; to: string; at: string; note?: string }[], by: SystemActor) {
      await deps.database.transaction(async (trx) => {
        for (const r of rows) await repo.insertFeedback(trx, { ...r, agency_id: agencyId, is_demo: 1 });
        for (const e of events) await repo.insertEvent(trx, { id: newId(), agency_id: agencyId, feedback_id: e.feedbackId, action: e.action, from_status: e.from, to_status: e.to, note: e.note ?? null, actor_id: null, created_at: e.at });
        await deps.audit.record(trx, by, { action: 'create', entity: 'feedback', entityId: `demo:${agencyId}`, after: { rows: rows.length } });
      });
      deps.onPublicChange(agencyId);
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
export type FeedbackPortalApi = FeedbackService['portal'];

import type { FeedbackEventTable, FeedbackTable } from '../../db/types.ts';
import { overdueOf } from './deadlines.ts';
import { ACTIONS, STATUS_LABELS, type FeedbackStatus } from './workflow.ts';

/** History labels; 'receive' is the public form's step. */
const EVENT_LABELS: Record<string, string> = { receive: 'Tiếp nhận qua cổng thông tin', ...Object.fromEntries(Object.entries(ACTIONS).map(([k, a]) => [k, a.label])) };

export function listItemView(r: FeedbackTable, unitNames: Map<string, string>, today: string) {
  return {
    id: r.id,
    code: r.code,
    subject: r.subject,
    status: r.status as FeedbackStatus,
    statusLabel: STATUS_LABELS[r.status as FeedbackStatus],
    unitId: r.unit_id,
    unitName: r.unit_id ? (unitNames.get(r.unit_id) ?? null) : null,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    consentPublish: r.consent_publish === 1,
    receivedAt: r.received_at,
    assignDueOn: r.assign_due_on,
    answerDueOn: r.answer_due_on,
    overdue: overdueOf(r, today),
    isDemo: r.is_demo === 1,
  };
}

export function eventView(e: FeedbackEventTable, names: Map<string, { fullName: string }>) {
  return {
    id: e.id,
    action: e.action,
    label: EVENT_LABELS[e.action] ?? e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    note: e.note,
    actorName: e.actor_id ? (names.get(e.actor_id)?.fullName ?? 'Người dùng đã xoá') : e.action === 'receive' ? 'Người gửi (cổng thông tin)' : 'Hệ thống (dữ liệu mẫu)',
    at: e.created_at,
  };
}

import { Tag } from 'antd';
import { TAG_COLORS } from '../layout/theme';
import type { ReportStatus, TaskStatus } from '../reporting-types';

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  overdue: 'Quá hạn',
  at_risk: 'Có nguy cơ chậm',
};

/** The order statuses are counted in on cards and filters. */
export const TASK_STATUS_ORDER: TaskStatus[] = ['done', 'in_progress', 'at_risk', 'overdue', 'not_started'];

const TASK_STATUS_COLORS: Record<TaskStatus, string | undefined> = {
  not_started: undefined,
  in_progress: TAG_COLORS.blue,
  done: TAG_COLORS.green,
  overdue: TAG_COLORS.red,
  at_risk: TAG_COLORS.orange,
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  return <Tag color={TASK_STATUS_COLORS[status]}>{TASK_STATUS_LABELS[status] ?? status}</Tag>;
}

const REPORT_STATUS_COLORS: Record<ReportStatus, string | undefined> = {
  not_started: undefined,
  draft: undefined,
  pending_approval: TAG_COLORS.orange,
  submitted: TAG_COLORS.blue,
  accepted: TAG_COLORS.green,
  returned: TAG_COLORS.red,
};

/** A unit report's state, with the server's label ("Chờ trưởng phòng duyệt", "Đã gửi", …). */
export function ReportStatusTag({ status, label }: { status: ReportStatus; label: string }) {
  return <Tag color={REPORT_STATUS_COLORS[status]}>{label}</Tag>;
}

export function LateTag() {
  return <Tag color={TAG_COLORS.red}>Nộp muộn</Tag>;
}

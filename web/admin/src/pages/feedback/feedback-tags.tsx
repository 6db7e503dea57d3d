import { Tag } from 'antd';
import { TAG_COLORS } from '../../layout/theme';
import type { FeedbackItem, FeedbackStatus } from './feedback-types';

const COLORS: Record<FeedbackStatus, string | undefined> = {
  received: TAG_COLORS.orange,
  assigned: TAG_COLORS.blue,
  answered: TAG_COLORS.orange,
  approved: TAG_COLORS.purple,
  published: TAG_COLORS.green,
  closed: undefined,
};

export function FeedbackStatusTag({ item }: { item: Pick<FeedbackItem, 'status' | 'statusLabel'> }) {
  return <Tag color={COLORS[item.status]}>{item.statusLabel}</Tag>;
}

/** Past the deadline to assign (coordinating office) or to answer (the unit and the leader). */
export function OverdueTag({ item }: { item: Pick<FeedbackItem, 'overdue'> }) {
  if (!item.overdue) return null;
  return <Tag color={TAG_COLORS.red}>{item.overdue === 'assign' ? 'Quá hạn phân loại' : 'Quá hạn trả lời'}</Tag>;
}

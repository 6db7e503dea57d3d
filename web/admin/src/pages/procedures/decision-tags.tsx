import { Tag } from 'antd';
import { formatDate } from '../../format';
import { TAG_COLORS } from '../../layout/theme';
import type { Decision } from '../../procedure-types';

export function DecisionStatusTag({ status }: { status: Decision['status'] }) {
  return status === 'applied' ? <Tag color={TAG_COLORS.green}>Đã áp dụng</Tag> : <Tag>Bản nháp</Tag>;
}

/** Niêm yết: done (on which day), overdue (red), or due by a day. */
export function PostingTag({ decision }: { decision: Pick<Decision, 'postedOn' | 'postingDueOn' | 'postingOverdue'> }) {
  if (decision.postedOn) return <Tag color={TAG_COLORS.green}>Đã niêm yết {formatDate(decision.postedOn)}</Tag>;
  if (decision.postingOverdue) return <Tag color={TAG_COLORS.red}>Quá hạn niêm yết</Tag>;
  return <Tag color={TAG_COLORS.orange}>Chưa niêm yết</Tag>;
}

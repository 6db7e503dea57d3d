import { Space, Tag, Typography } from 'antd';
import { formatDate } from '../../format';
import { TAG_COLORS } from '../../layout/theme';
import type { Period } from '../../reporting-types';

export function PeriodStatusTag({ period }: { period: Period }) {
  if (period.status !== 'open') return <Tag>Đã đóng</Tag>;
  return period.locked ? <Tag color={TAG_COLORS.purple}>Đã khóa sổ</Tag> : <Tag color={TAG_COLORS.green}>Đang mở</Tag>;
}

/** The period's dates in one line: range, submission deadline, lock date. */
export function PeriodMeta({ period }: { period: Period }) {
  return (
    <Space wrap className="plan-meta">
      <PeriodStatusTag period={period} />
      <span>
        Từ {formatDate(period.startDate)} đến {formatDate(period.endDate)}
      </span>
      <span>Hạn nộp: {formatDate(period.submitDue)}</span>
      <Typography.Text type="secondary">Khóa sổ: {formatDate(period.lockDate)}</Typography.Text>
    </Space>
  );
}

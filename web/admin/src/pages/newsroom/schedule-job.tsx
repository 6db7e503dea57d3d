import { Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../format';
import { TAG_COLORS } from '../../layout/theme';
import type { Article } from '../../newsroom-types';

const STATES: Record<string, { label: string; color?: string }> = {
  queued: { label: 'Đang chờ đến giờ' },
  running: { label: 'Đang đăng', color: TAG_COLORS.blue },
  done: { label: 'Đã chạy', color: TAG_COLORS.green },
  failed: { label: 'Lỗi, sẽ thử lại', color: TAG_COLORS.orange },
  dead: { label: 'Thất bại', color: TAG_COLORS.red },
};

/** The scheduled-publish job of an article: its state, when it runs, attempts and the last error. */
export function ScheduleJobInfo({ job }: { job: Article['scheduleJob'] }) {
  if (!job) return <Typography.Text type="secondary">Không có lệnh đăng hẹn giờ nào trong hàng đợi.</Typography.Text>;
  const state = STATES[job.state] ?? { label: job.state };
  return (
    <Space wrap size="small">
      <span>Lệnh đăng:</span>
      <Tag color={state.color}>{state.label}</Tag>
      <span>chạy lúc {formatDateTime(job.runAt)}</span>
      {job.attempts > 0 && <span>· đã thử {job.attempts} lần</span>}
      {job.lastError && <Typography.Text type="danger">· Lỗi gần nhất: {job.lastError}</Typography.Text>}
    </Space>
  );
}

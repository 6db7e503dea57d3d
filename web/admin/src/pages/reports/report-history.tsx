import { Typography } from 'antd';
import { formatDateTime } from '../../format';
import type { ReportEvent } from '../../reporting-types';

const ACTION_LABELS: Record<string, string> = {
  save: 'Lưu báo cáo',
  request_approval: 'Trình trưởng phòng duyệt',
  submit: 'Duyệt và gửi',
  accept: 'Tiếp nhận',
  return: 'Trả lại',
  reopen: 'Mở lại',
};

/** Who did what to the report, oldest first, with the comments given. */
export function ReportHistory({ history }: { history: readonly ReportEvent[] }) {
  if (!history.length) return <Typography.Text type="secondary">Chưa có thao tác nào.</Typography.Text>;
  return (
    <ol className="history-list">
      {history.map((e, i) => (
        <li key={i}>
          {formatDateTime(e.at)} — {e.actorName}: <strong>{ACTION_LABELS[e.action] ?? e.action}</strong>
          {e.comment && <> — “{e.comment}”</>}
        </li>
      ))}
    </ol>
  );
}

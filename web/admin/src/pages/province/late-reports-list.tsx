import { List, Tag, Typography } from 'antd';
import { formatDate } from '../../format';
import type { LateReport } from '../../province-types';

/** Reports submitted after their due date, or not at all, with the agency when several are listed. */
export function LateReportsList({ items }: { items: readonly (LateReport & { agencyName?: string })[] }) {
  return (
    <List
      size="small"
      dataSource={[...items]}
      locale={{ emptyText: 'Không có báo cáo trễ hạn hay chưa nộp.' }}
      renderItem={(l) => (
        <List.Item extra={<Tag color={l.reason === 'late' ? 'orange' : 'red'}>{l.reason === 'late' ? 'Nộp trễ hạn' : 'Chưa nộp'}</Tag>}>
          <Typography.Text>
            {l.agencyName ? `${l.agencyName} — ` : ''}
            {l.periodLabel}: {l.unitName ?? 'báo cáo tổng hợp của cơ quan'} (hạn {formatDate(l.due)})
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

import { List, Tag, Typography } from 'antd';
import { formatDate } from '../../format';
import type { LateReport } from '../../province-types';

/** Reports submitted after their due date, or not at all, with the agency when several are listed. */
export function LateReportsList({ items }: { items: readonly (LateReport & { agencyName?: string })[] }) {
  // Plain text when there is none: the list's own grey empty text is below the contrast WCAG asks for.
  if (items.length === 0) return <Typography.Paragraph>Không có báo cáo trễ hạn hay chưa nộp.</Typography.Paragraph>;
  return (
    <List
      size="small"
      dataSource={[...items]}
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

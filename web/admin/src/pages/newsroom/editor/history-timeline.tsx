import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../format';
import type { NewsroomLabels } from '../../../hooks/use-newsroom-vocabulary';
import type { ArticleEvent } from '../../../newsroom-types';

const ACTION_LABELS: Record<string, string> = {
  create: 'Tạo bài',
  update: 'Sửa bài',
  submit: 'Gửi duyệt',
  approve: 'Duyệt',
  return: 'Trả lại',
  publish: 'Đăng bài',
  schedule: 'Hẹn giờ đăng',
  'cancel-schedule': 'Hủy hẹn giờ',
  'scheduled-publish': 'Tự động đăng theo giờ hẹn',
  'force-publish': 'Đăng khẩn (không qua duyệt)',
  'review-forced': 'Xem lại bài đăng khẩn',
  unpublish: 'Gỡ bài',
  archive: 'Lưu trữ',
  restore: 'Khôi phục',
};

const ACTION_COLORS: Record<string, string> = {
  return: 'red',
  unpublish: 'red',
  'force-publish': 'red',
  approve: 'green',
  publish: 'green',
  'scheduled-publish': 'green',
};

/** The server may name actions with '_' or '-'; one spelling for the lookups. */
const norm = (action: string) => action.replace(/_/g, '-');

/** Quá trình xử lý: who moved the article between states, when, and what they wrote. */
export function HistoryTimeline({ events, labels }: { events: readonly ArticleEvent[]; labels: NewsroomLabels }) {
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có bước xử lý nào" />;
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      className="article-history"
      items={ordered.map((e, i) => {
        const action = norm(e.action);
        const what = ACTION_LABELS[action] ?? `${e.fromStatus ? `${labels.statusLabel(e.fromStatus)} → ` : ''}${labels.statusLabel(e.toStatus)}`;
        return {
          key: `${e.at}-${i}`,
          color: ACTION_COLORS[action] ?? 'blue',
          content: (
            <div>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text> · <Typography.Text strong>{what}</Typography.Text> — {e.actorName}
              {e.fromStatus !== e.toStatus && (
                <Typography.Text type="secondary">
                  {' '}
                  ({e.fromStatus ? `${labels.statusLabel(e.fromStatus)} → ` : ''}
                  {labels.statusLabel(e.toStatus)})
                </Typography.Text>
              )}
              {e.note && <div className="article-history-note">{e.note}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

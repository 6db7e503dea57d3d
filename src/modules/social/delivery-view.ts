import type { SocialDeliveryTable } from '../../db/types.ts';
import { NETWORK_LABELS } from './limits.ts';
import type { DeliveryView } from './schema.ts';

export const STATE_LABELS: Record<SocialDeliveryTable['state'], string> = {
  draft: 'Bản nháp',
  scheduled: 'Hẹn giờ',
  publishing: 'Đang đăng',
  waiting: 'Chờ kết nối lại',
  published: 'Đã đăng',
  failed: 'Lỗi',
  deleted: 'Đã xoá',
};

type Row = SocialDeliveryTable & { article_id: string | null; post_title: string; link: string | null; plan_id: string | null; task_ids: string };

export function deliveryView(d: Row, channelNames: Map<string, string>): DeliveryView {
  return {
    id: d.id, postId: d.post_id, channelId: d.channel_id,
    channelName: d.channel_id ? (channelNames.get(d.channel_id) ?? NETWORK_LABELS[d.network] ?? d.network) : `${NETWORK_LABELS[d.network] ?? d.network} (ghi tay)`,
    network: d.network, title: d.title, message: d.message, state: d.state, stateLabel: STATE_LABELS[d.state],
    scheduledAt: d.scheduled_at, networkSide: d.network_side === 1, broadcast: d.broadcast > 0, attempts: d.attempts, nextAttemptAt: d.next_attempt_at,
    remoteUrl: d.remote_url, lastError: d.last_error, publishedAt: d.published_at, hasScreenshot: d.screenshot_file_id !== null, manual: d.channel_id === null,
    articleId: d.article_id, postTitle: d.post_title, link: d.link, planId: d.plan_id, taskIds: JSON.parse(d.task_ids) as string[], createdAt: d.created_at,
  };
}

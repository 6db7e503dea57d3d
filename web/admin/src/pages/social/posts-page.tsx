import { Button, Calendar, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDateTime } from '../../format';
import { useAction } from '../../hooks/use-action';
import { useApiGet } from '../../hooks/use-api-get';
import { toVnPicker } from '../newsroom/vn-time';
import { ManualModal } from './manual-modal';
import { STATE_COLORS, type Delivery } from './social-types';

const RETRYABLE = new Set(['failed', 'waiting', 'draft']);
const dayOf = (d: Delivery) => d.scheduledAt ?? d.publishedAt ?? d.createdAt;

/** Posts per channel: all of them, a calendar of what goes out when, and the failures to retry. */
export function PostsPage() {
  const canPost = useCan('social.post');
  const canRecord = useCan('social.record');
  const [tab, setTab] = useState('all');
  const [manual, setManual] = useState(false);
  const { data, loading, failed, reload } = useApiGet<Delivery[]>('/api/social/deliveries');
  const run = useAction();
  const rows = data ?? [];
  const problems = rows.filter((d) => d.state === 'failed' || d.state === 'waiting' || (d.state === 'publishing' && d.lastError));

  async function act(d: Delivery, what: 'retry' | 'delete') {
    const done = what === 'retry'
      ? await run(() => api.post(`/api/social/deliveries/${d.id}/retry`), 'Đã đưa bài vào hàng đợi đăng')
      : await run(() => api.delete(`/api/social/deliveries/${d.id}`), 'Đã xoá bài đăng');
    if (done !== undefined) reload();
  }

  const columns: TableColumnsType<Delivery> = [
    { title: 'Kênh', dataIndex: 'channelName' },
    { title: 'Bài', key: 'post', render: (_, d) => <Typography.Text ellipsis={{ tooltip: d.postTitle }} style={{ maxWidth: 280 }}>{d.title ?? d.message}</Typography.Text> },
    { title: 'Trạng thái', dataIndex: 'state', render: (_, d) => <Tag color={STATE_COLORS[d.state]}>{d.stateLabel}</Tag> },
    { title: 'Thời điểm', key: 'at', render: (_, d) => formatDateTime(d.publishedAt ?? d.scheduledAt ?? d.createdAt) },
    { title: 'Lần thử', dataIndex: 'attempts' },
    { title: 'Lỗi', dataIndex: 'lastError', render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : '—') },
    { title: 'Liên kết', dataIndex: 'remoteUrl', render: (url: string | null) => (url ? <a href={url} target="_blank" rel="noreferrer noopener">Xem bài</a> : '—') },
  ];
  if (canPost) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      render: (_, d) => (
        <Space>
          {RETRYABLE.has(d.state) && <Button size="small" onClick={() => act(d, 'retry')}>{d.state === 'draft' ? 'Đăng' : 'Thử lại'}</Button>}
          {d.state !== 'deleted' && d.state !== 'publishing' && <Button size="small" danger onClick={() => act(d, 'delete')}>Xoá</Button>}
        </Space>
      ),
    });
  }
  const table = (source: Delivery[]) => <Table<Delivery> rowKey="id" columns={columns} dataSource={source} loading={loading} pagination={{ pageSize: 20 }} locale={emptyTextFor(failed)} />;

  function cell(day: Dayjs) {
    const items = rows.filter((d) => d.state !== 'deleted' && toVnPicker(dayOf(d)).isSame(day, 'day'));
    return (
      <ul className="social-calendar-cell">
        {items.map((d) => (
          <li key={d.id}><Tag color={STATE_COLORS[d.state]}>{d.channelName}</Tag>{d.title ?? d.postTitle}</li>
        ))}
      </ul>
    );
  }

  return (
    <Page
      title="Bài đăng mạng xã hội"
      extra={
        <Space>
          <Button onClick={reload} loading={loading}>Tải lại</Button>
          {canRecord && <Button onClick={() => setManual(true)}>Ghi bài đăng thủ công</Button>}
          {canPost && <Link to="/social/compose"><Button type="primary">Soạn bài đăng</Button></Link>}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'all', label: 'Tất cả', children: table(rows) },
          { key: 'calendar', label: 'Lịch đăng', children: <Calendar cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)} /> },
          { key: 'problems', label: `Lỗi và chờ kết nối (${problems.length})`, children: table(problems) },
        ]}
      />
      <ManualModal open={manual} onClose={() => setManual(false)} onSaved={reload} />
    </Page>
  );
}

import { Button, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { DemoTag } from '../../components/demo-tag';
import { FormModal } from '../../components/form-modal';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDateTime } from '../../format';
import { useAction } from '../../hooks/use-action';
import { useApiGet } from '../../hooks/use-api-get';
import { ConnectModal } from './connect-modal';
import { HEALTH_COLORS, NETWORK_LABELS, type Channel, type Network } from './social-types';

/** Channel settings and token health (Hoạt động, Sắp hết hạn, Hết hạn, Bị thu hồi, Chưa kết nối). */
export function ChannelsPage() {
  const canManage = useCan('social.channels');
  const { data, loading, failed, reload } = useApiGet<Channel[]>('/api/social/channels');
  const [connecting, setConnecting] = useState<Channel>();
  const [adding, setAdding] = useState(false);
  const run = useAction();

  const columns: TableColumnsType<Channel> = [
    { title: 'Mạng', dataIndex: 'network', render: (n: Network) => NETWORK_LABELS[n] },
    { title: 'Tên kênh', dataIndex: 'name', render: (name: string, c) => <Space>{name}{c.isDemo && <DemoTag />}</Space> },
    { title: 'Tình trạng', dataIndex: 'health', render: (_, c) => <Tag color={HEALTH_COLORS[c.health]}>{c.healthLabel}</Tag> },
    { title: 'Ghi chú', dataIndex: 'healthNote', render: (note: string | null) => (note ? <Typography.Text ellipsis={{ tooltip: note }} style={{ maxWidth: 320 }}>{note}</Typography.Text> : '—') },
    { title: 'Mã truy cập', key: 'secret', render: (_, c) => (c.secretStored ? `Đã lưu (${c.secretHint ?? '…'})` : 'Chưa có') },
    { title: 'Hết hạn', dataIndex: 'tokenExpiresAt', render: (at: string | null) => formatDateTime(at) || '—' },
    { title: 'Bài đang chờ', dataIndex: 'waitingPosts' },
  ];
  if (canManage) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      render: (_, c) => (
        <Space>
          <Button size="small" onClick={() => setConnecting(c)}>{c.secretStored ? 'Kết nối lại' : 'Kết nối'}</Button>
          {c.secretStored && (
            <Button size="small" onClick={async () => (await run(() => api.post(`/api/social/channels/${c.id}/check`), 'Đã kiểm tra mã truy cập')) !== undefined && reload()}>
              Kiểm tra
            </Button>
          )}
          {c.secretStored && (
            <Button size="small" danger onClick={async () => (await run(() => api.delete(`/api/social/channels/${c.id}/connection`), 'Đã ngắt kết nối')) !== undefined && reload()}>
              Ngắt kết nối
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <Page title="Kênh mạng xã hội" extra={canManage && <Button type="primary" onClick={() => setAdding(true)}>Thêm kênh</Button>}>
      <Table<Channel> rowKey="id" columns={columns} dataSource={data ?? []} loading={loading} pagination={false} locale={emptyTextFor(failed)} />
      <ConnectModal channel={connecting} onClose={() => setConnecting(undefined)} onSaved={reload} />
      <FormModal<{ network: Network; name: string }, Channel>
        title="Thêm kênh"
        name="social-channel"
        open={adding}
        initialValues={{ network: 'facebook' }}
        onClose={() => setAdding(false)}
        onSubmit={(values) => api.post<Channel>('/api/social/channels', values)}
        onSaved={reload}
      >
        <Form.Item name="network" label="Mạng xã hội">
          <Select options={[{ value: 'facebook', label: 'Trang Facebook' }, { value: 'zalo', label: 'Zalo OA' }]} />
        </Form.Item>
        <Form.Item name="name" label="Tên kênh" rules={[{ required: true, message: 'Nhập tên kênh' }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </Page>
  );
}

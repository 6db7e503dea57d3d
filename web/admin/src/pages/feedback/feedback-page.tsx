import { Card, Checkbox, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDate, formatDateTime } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { FeedbackStatusTag, OverdueTag } from './feedback-tags';
import { feedbackPath, STATUS_OPTIONS, type FeedbackItem, type FeedbackStatus } from './feedback-types';

/** "Phản ánh, kiến nghị": what citizens sent through the portal, with its handling state and deadlines. */
export function FeedbackPage() {
  const [status, setStatus] = useState<FeedbackStatus>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const list = useApiGet<FeedbackItem[]>('/api/feedback', { status, overdue: overdue || undefined, q: q.trim() || undefined });

  const columns: TableColumnsType<FeedbackItem> = [
    { title: 'Mã', dataIndex: 'code', width: 150, render: (code: string, f) => <Link to={feedbackPath(f.id)}>{code}</Link> },
    { title: 'Tiêu đề', dataIndex: 'subject', render: (s: string, f) => <>{s} {f.isDemo && <DemoTag />}</> },
    { title: 'Tiếp nhận', dataIndex: 'receivedAt', width: 130, render: (d: string) => formatDateTime(d) },
    { title: 'Đơn vị xử lý', dataIndex: 'unitName', width: 140, render: (u: string | null) => u ?? '—' },
    { title: 'Trạng thái', key: 'status', width: 200, render: (_, f) => <Space size={4} wrap><FeedbackStatusTag item={f} /><OverdueTag item={f} /></Space> },
    { title: 'Hạn trả lời', dataIndex: 'answerDueOn', width: 110, render: (d: string, f) => (f.overdue ? <Typography.Text type="danger" strong>{formatDate(d)}</Typography.Text> : formatDate(d)) },
  ];

  return (
    <Page title="Phản ánh, kiến nghị">
      <Card>
        <Typography.Paragraph type="secondary">
          Phản ánh, kiến nghị gửi qua cổng thông tin (Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 92/2017/NĐ-CP): phân loại và chuyển đơn vị trong 2 ngày làm việc, trả lời trong 10 ngày làm việc kể từ khi tiếp nhận; câu trả lời do lãnh đạo duyệt và chỉ được công khai khi người gửi đồng ý.
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<FeedbackStatus> aria-label="Trạng thái" placeholder="Tất cả trạng thái" allowClear style={{ width: 220 }} options={STATUS_OPTIONS} value={status} onChange={setStatus} />
          <Input.Search aria-label="Tìm phản ánh" placeholder="Mã, tiêu đề, người gửi" allowClear style={{ width: 260 }} onSearch={setQ} />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>Chỉ phản ánh quá hạn</Checkbox>
        </Space>
        <Table<FeedbackItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading}
          locale={emptyTextFor(list.failed) ?? { emptyText: 'Chưa có phản ánh, kiến nghị nào' }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
        />
      </Card>
    </Page>
  );
}

import { Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/me-context';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import type { Decision } from '../../procedure-types';
import { DecisionStatusTag, PostingTag } from './decision-tags';
import { PostedButton } from './posted-button';
import { adminPaths } from './procedure-paths';
import './procedures.css';

/** "Quyết định công bố": announcement decisions, their application to the catalog and their posting deadline. */
export function DecisionsPage() {
  const canDecide = useCan('procedures.decide');
  const navigate = useNavigate();
  const list = useApiGet<Decision[]>('/api/procedure-decisions');

  const replace = (saved: Decision) => list.setData((list.data ?? []).map((d) => (d.id === saved.id ? saved : d)));

  const columns: TableColumnsType<Decision> = [
    {
      title: 'Số, ký hiệu',
      dataIndex: 'numberSymbol',
      width: 160,
      render: (n: string, d) => (
        <>
          <Link to={adminPaths.decision(d.id)}>{n}</Link> {d.isDemo && <DemoTag />}
        </>
      ),
    },
    { title: 'Cơ quan ban hành', dataIndex: 'issuer' },
    { title: 'Ngày ký', dataIndex: 'signedOn', width: 100, render: (d: string) => formatDate(d) },
    { title: 'Ngày hiệu lực', dataIndex: 'effectiveOn', width: 110, render: (d: string) => formatDate(d) },
    { title: 'Số thủ tục', key: 'items', width: 90, align: 'right', render: (_, d) => d.items.length },
    { title: 'Trạng thái', dataIndex: 'status', width: 115, render: (s: Decision['status']) => <DecisionStatusTag status={s} /> },
    {
      title: 'Hạn niêm yết',
      dataIndex: 'postingDueOn',
      width: 115,
      render: (due: string, d) => (d.postingOverdue ? <Typography.Text type="danger" strong>{formatDate(due)}</Typography.Text> : formatDate(due)),
    },
    {
      title: 'Niêm yết',
      key: 'posting',
      width: 190,
      render: (_, d) => (
        <span className="posting-cell">
          <PostingTag decision={d} />
          {canDecide && !d.postedOn && <PostedButton size="small" decision={d} onPosted={replace} />}
        </span>
      ),
    },
  ];

  return (
    <Page
      title="Quyết định công bố"
      extra={
        canDecide && (
          <Button type="primary" onClick={() => navigate(adminPaths.newDecision)}>
            Thêm quyết định
          </Button>
        )
      }
    >
      <Card>
        <Typography.Paragraph type="secondary">
          Quyết định công bố thủ tục mới, sửa đổi, bổ sung, thay thế, bãi bỏ. Áp dụng quyết định để cập nhật danh mục từ ngày hiệu lực; các thủ tục phải được công khai, niêm yết trong 5 ngày làm việc kể từ ngày ký.
        </Typography.Paragraph>
        <Table<Decision>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading}
          locale={emptyTextFor(list.failed) ?? { emptyText: 'Chưa có quyết định công bố nào' }}
          rowClassName={(d) => (d.postingOverdue ? 'row-overdue' : '')}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 1050 }}
        />
      </Card>
    </Page>
  );
}

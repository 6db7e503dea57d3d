import { Button, Card, Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/me-context';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDateTime } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import type { PlanSummary } from '../../plan-types';
import { PlanStatusTag } from './plan-tags';

const columns: TableColumnsType<PlanSummary> = [
  { title: 'Năm', dataIndex: 'year', width: 80 },
  { title: 'Số', dataIndex: 'numberText', render: (text: string | null) => text || '—', width: 140 },
  { title: 'Trích yếu', dataIndex: 'title', render: (title: string, plan) => <Link to={`/plans/${plan.id}`}>{title}</Link> },
  { title: 'Trạng thái', dataIndex: 'status', render: (status: PlanSummary['status']) => <PlanStatusTag status={status} /> },
  { title: 'Số nhiệm vụ', dataIndex: 'taskCount', align: 'right' },
  { title: 'Cập nhật', dataIndex: 'updatedAt', render: (at: string) => formatDateTime(at) },
];

export function PlansPage() {
  const canImport = useCan('plans.import');
  const navigate = useNavigate();
  const { data: plans, loading, failed } = useApiGet<PlanSummary[]>('/api/plans');
  return (
    <Page
      title="Kế hoạch"
      extra={
        canImport && (
          <Button type="primary" onClick={() => navigate('/plans/import')}>
            Nhập kế hoạch
          </Button>
        )
      }
    >
      <Card>
        <Table<PlanSummary>
          rowKey="id"
          columns={columns}
          dataSource={plans ?? []}
          loading={loading}
          locale={emptyTextFor(failed) ?? { emptyText: 'Chưa có kế hoạch nào' }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
        />
      </Card>
    </Page>
  );
}

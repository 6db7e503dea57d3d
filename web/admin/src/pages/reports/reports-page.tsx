import { Button, Card, Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/me-context';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { PlanPicker } from '../../components/plan-picker';
import { formatDate } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { usePlanChoice } from '../../hooks/use-plan-choice';
import type { Period } from '../../reporting-types';
import { OpenPeriodModal } from './open-period-modal';
import { PERIOD_KIND_LABELS } from './period-codes';
import { PeriodStatusTag } from './period-tags';

const columns: TableColumnsType<Period> = [
  { title: 'Kỳ báo cáo', dataIndex: 'label', render: (label: string, p) => <Link to={`/reports/periods/${p.id}`}>{label}</Link> },
  { title: 'Loại', dataIndex: 'kind', render: (kind: Period['kind']) => PERIOD_KIND_LABELS[kind] ?? kind },
  { title: 'Thời gian', key: 'range', render: (_, p) => `${formatDate(p.startDate)} – ${formatDate(p.endDate)}` },
  { title: 'Hạn nộp', dataIndex: 'submitDue', render: (d: string) => formatDate(d) },
  { title: 'Khóa sổ', dataIndex: 'lockDate', render: (d: string) => formatDate(d) },
  { title: 'Trạng thái', key: 'status', render: (_, p) => <PeriodStatusTag period={p} /> },
];

/** The reporting periods of a plan; the coordinator opens new ones. */
export function ReportsPage() {
  const canManage = useCan('periods.manage');
  const navigate = useNavigate();
  const { plans, plan, choose } = usePlanChoice();
  const periods = useApiGet<Period[]>(plan ? `/api/plans/${plan.id}/periods` : null);
  const opener = useModalTarget<void>();
  return (
    <Page
      title="Báo cáo định kỳ"
      extra={
        canManage &&
        plan && (
          <Button type="primary" onClick={() => opener.openFor()}>
            Mở kỳ báo cáo
          </Button>
        )
      }
    >
      <Card>
        <div className="filter-bar">
          <PlanPicker plans={plans} value={plan?.id} onChange={choose} />
        </div>
        <Table<Period>
          rowKey="id"
          columns={columns}
          dataSource={periods.data ?? []}
          loading={periods.loading}
          locale={emptyTextFor(periods.failed) ?? { emptyText: 'Chưa mở kỳ báo cáo nào' }}
          pagination={false}
          scroll={{ x: true }}
        />
      </Card>
      {plan && <OpenPeriodModal open={opener.open} plan={plan} onClose={opener.close} onSaved={(p) => navigate(`/reports/periods/${p.id}`)} />}
    </Page>
  );
}

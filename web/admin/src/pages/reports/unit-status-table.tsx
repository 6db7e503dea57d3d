import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { LateTag, ReportStatusTag } from '../../components/status-tags';
import { formatDateTime } from '../../format';
import type { UnitReportSummary } from '../../reporting-types';

/** Where each unit's report stands in the period, with a link to read it. */
export function UnitStatusTable({ periodId, reports }: { periodId: string; reports: readonly UnitReportSummary[] }) {
  const columns: TableColumnsType<UnitReportSummary> = [
    { title: 'Đơn vị', dataIndex: 'unitName' },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, r) => (
        <>
          <ReportStatusTag status={r.status} label={r.statusLabel} />
          {r.late && <LateTag />}
        </>
      ),
    },
    { title: 'Ngày gửi', dataIndex: 'submittedAt', render: (at: string | null) => formatDateTime(at) || '—' },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 100,
      render: (_, r) => (
        <Link to={`/reports/periods/${periodId}/units/${r.unitId}`} aria-label={`Xem báo cáo ${r.unitName}`}>
          Xem
        </Link>
      ),
    },
  ];
  return <Table<UnitReportSummary> rowKey="unitId" size="small" columns={columns} dataSource={[...reports]} pagination={false} scroll={{ x: true }} />;
}

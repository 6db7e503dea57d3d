import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { LateTag, ReportStatusTag } from '../../components/status-tags';
import { formatDateTime } from '../../format';
import type { UnitReportSummary } from '../../reporting-types';

/** Where each unit's report stands in the period, with a link to read it (none for a reader from outside the agency: `readOnly`). */
export function UnitStatusTable({ periodId, reports, readOnly = false }: { periodId: string; reports: readonly UnitReportSummary[]; readOnly?: boolean }) {
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
  return <Table<UnitReportSummary> rowKey="unitId" size="small" columns={readOnly ? columns.filter((c) => c.key !== 'actions') : columns} dataSource={[...reports]} pagination={false} scroll={{ x: true }} />;
}

import { Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/page';
import { useApiGet } from '../../hooks/use-api-get';
import type { PeriodReports } from '../../reporting-types';
import { PeriodMeta } from './period-tags';
import { UnitReportView } from './unit-report-view';

/** One unit's report of a period, as the coordinator opens it from the period's status table. */
export function UnitReportPage() {
  const { id, unitId } = useParams();
  const { data, failed } = useApiGet<PeriodReports>(`/api/periods/${id}/reports`);
  if (!data || data.period.id !== id || !unitId) {
    return (
      <Page title="Báo cáo đơn vị">
        {failed ? <Typography.Paragraph type="danger">Không tải được kỳ báo cáo. Vui lòng tải lại trang.</Typography.Paragraph> : <Spin />}
      </Page>
    );
  }
  const unitName = data.reports.find((r) => r.unitId === unitId)?.unitName ?? 'Đơn vị';
  return (
    <Page title={`Báo cáo ${data.period.label} — ${unitName}`} extra={<Link to={`/reports/periods/${id}`}>← Kỳ {data.period.label}</Link>}>
      <PeriodMeta period={data.period} />
      <UnitReportView period={data.period} unitId={unitId} />
    </Page>
  );
}

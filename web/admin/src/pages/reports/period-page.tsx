import { Card, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useCan, useMe } from '../../auth/me-context';
import { Page } from '../../components/page';
import { useApiGet } from '../../hooks/use-api-get';
import type { PeriodReports } from '../../reporting-types';
import { ConsolidatedCard } from './consolidated-card';
import { PeriodMeta } from './period-tags';
import { UnitReportView } from './unit-report-view';
import { UnitStatusTable } from './unit-status-table';

/**
 * A period: the coordinator (and readers without a unit) see every unit's status and the
 * consolidated report; staff and unit heads go straight to their own unit's report.
 */
export function PeriodPage() {
  const { id } = useParams();
  const me = useMe();
  const canReview = useCan('reports.review');
  const { data, failed } = useApiGet<PeriodReports>(`/api/periods/${id}/reports`);
  const back = <Link to={`/reports?plan=${data?.period.planId ?? ''}`}>← Các kỳ báo cáo</Link>;

  if (!data || data.period.id !== id) {
    return (
      <Page title="Kỳ báo cáo">
        {failed ? <Typography.Paragraph type="danger">Không tải được kỳ báo cáo. Vui lòng tải lại trang.</Typography.Paragraph> : <Spin />}
      </Page>
    );
  }
  const { period, reports } = data;
  if (!canReview && me.unit) {
    return (
      <Page title={`Báo cáo ${period.label} — ${me.unit.shortName || me.unit.name}`} extra={back}>
        <PeriodMeta period={period} />
        <UnitReportView period={period} unitId={me.unit.id} />
      </Page>
    );
  }
  return (
    <Page title={`Kỳ báo cáo ${period.label}`} extra={back}>
      <PeriodMeta period={period} />
      <Card title="Báo cáo của các đơn vị">
        <UnitStatusTable periodId={period.id} reports={reports} />
      </Card>
      <ConsolidatedCard periodId={period.id} />
    </Page>
  );
}

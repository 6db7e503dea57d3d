import { Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { DemoTag } from '../../components/demo-tag';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useVocabulary } from '../../hooks/use-vocabulary';
import type { OverseenAgency, OverseenPeriod } from '../../province-types';
import type { PlanProgress } from '../../reporting-types';
import { ProgressCards } from '../progress/progress-cards';
import { TaskProgressTable } from '../progress/task-progress-table';
import { UnitsTable } from '../progress/units-table';
import { UnitStatusTable } from '../reports/unit-status-table';
import { LateReportsList } from './late-reports-list';
import { YearSelect, yearFrom } from './year-select';

function PeriodCard({ agencyId, item }: { agencyId: string; item: OverseenPeriod }) {
  const { period, consolidated } = item;
  const file = (format: 'docx' | 'xlsx') => `/api/oversight/agencies/${agencyId}/periods/${period.id}/consolidated?format=${format}`;
  return (
    <Card
      size="small"
      title={`Kỳ báo cáo ${period.label}`}
      extra={
        <Space wrap>
          <Button size="small" href={file('docx')} download>
            {consolidated ? 'Báo cáo tổng hợp (DOCX)' : 'Dự thảo báo cáo tổng hợp (DOCX)'}
          </Button>
          <Button size="small" href={file('xlsx')} download>
            Phụ lục (XLSX)
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        Từ {formatDate(period.startDate)} đến {formatDate(period.endDate)}; hạn nộp {formatDate(period.submitDue)}.{' '}
        {consolidated ? `Báo cáo tổng hợp đã ban hành: số ${consolidated.numberText}, ngày ${formatDate(consolidated.signDate)}.` : 'Báo cáo tổng hợp chưa ban hành.'}
      </Typography.Paragraph>
      <UnitStatusTable periodId={period.id} reports={item.reports} readOnly />
    </Card>
  );
}

function PlanProgressCards({ agencyId, planId }: { agencyId: string; planId: string }) {
  const { data, failed } = useApiGet<PlanProgress>(`/api/oversight/agencies/${agencyId}/plans/${planId}/progress`);
  const vocabulary = useVocabulary();
  if (!data || data.planId !== planId) return failed ? <Typography.Paragraph type="danger">Không tải được tiến độ.</Typography.Paragraph> : <Spin />;
  return (
    <>
      <ProgressCards progress={data} />
      <Card title="Theo đơn vị chủ trì">
        <UnitsTable units={data.units} />
      </Card>
      <Card title="Tiến độ từng nhiệm vụ">
        <TaskProgressTable tasks={data.tasks} measureLabel={vocabulary.measureLabel} />
      </Card>
    </>
  );
}

/** One agency of the province as the overseer sees it: its plan's progress and its reports, read-only. */
export function ProvinceAgencyPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params);
  const { data, failed } = useApiGet<OverseenAgency>(`/api/oversight/agencies/${id}`, { year });
  const back = <Link to={`/province?year=${year}`}>← Toàn tỉnh</Link>;

  if (!data || data.agencyId !== id || data.year !== year) {
    return (
      <Page title="Cơ quan" extra={back}>
        {failed ? <Typography.Paragraph type="danger">Không tải được cơ quan này.</Typography.Paragraph> : <Spin />}
      </Page>
    );
  }
  return (
    <Page
      title={data.name}
      extra={
        <Space wrap>
          {back}
          <YearSelect value={year} onChange={(y) => setParams({ year: String(y) })} />
        </Space>
      }
    >
      <Card
        title={`Kế hoạch năm ${year}`}
        extra={
          <Space wrap>
            {data.isDemo && <DemoTag />}
            {data.plan && (
              <>
                <Button size="small" href={`/api/oversight/agencies/${id}/plans/${data.plan.id}/export?format=docx`} download>
                  Tải kế hoạch (DOCX)
                </Button>
                <Button size="small" href={`/api/oversight/agencies/${id}/plans/${data.plan.id}/export?format=xlsx`} download>
                  Bảng nhiệm vụ (XLSX)
                </Button>
              </>
            )}
          </Space>
        }
      >
        {data.plan ? (
          <Descriptions
            column={1}
            items={[
              { key: 'title', label: 'Kế hoạch', children: data.plan.title },
              { key: 'number', label: 'Số, ký hiệu', children: data.plan.numberText ?? '—' },
            ]}
          />
        ) : (
          <Typography.Paragraph>Cơ quan chưa có kế hoạch năm {year} được phê duyệt.</Typography.Paragraph>
        )}
      </Card>
      {data.plan && <PlanProgressCards agencyId={id} planId={data.plan.id} />}
      <Card title="Báo cáo định kỳ">
        {data.periods.length === 0 ? (
          <Typography.Paragraph>Chưa mở kỳ báo cáo nào.</Typography.Paragraph>
        ) : (
          <Space orientation="vertical" size="middle" className="full-width">
            {data.periods.map((p) => (
              <PeriodCard key={p.period.id} agencyId={id} item={p} />
            ))}
          </Space>
        )}
      </Card>
      <Card title="Báo cáo trễ hạn, chưa nộp">
        <LateReportsList items={data.lateReports} />
      </Card>
    </Page>
  );
}

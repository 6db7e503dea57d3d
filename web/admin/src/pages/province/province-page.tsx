import { Button, Card, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { DemoTag } from '../../components/demo-tag';
import { Page } from '../../components/page';
import { formatDate, formatPercent } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import type { ProvinceView } from '../../province-types';
import { LateReportsList } from './late-reports-list';
import { YearSelect, yearFrom } from './year-select';

type Row = ProvinceView['agencies'][number];

const rank = (n: number | null) => (n === null ? '—' : n);

function columns(year: number): TableColumnsType<Row> {
  return [
    { title: 'Hạng hoàn thành', dataIndex: 'completionRank', width: 110, align: 'center', render: rank },
    {
      title: 'Cơ quan',
      key: 'name',
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={`/province/agencies/${r.agencyId}?year=${year}`}>{r.name}</Link>
          {r.isDemo && <DemoTag />}
        </Space>
      ),
    },
    { title: 'Kế hoạch năm', key: 'plan', render: (_, r) => r.plan?.title ?? <Typography.Text type="secondary">Chưa có kế hoạch được phê duyệt</Typography.Text> },
    { title: 'Hoàn thành đúng hạn', key: 'completion', width: 150, align: 'right', render: (_, r) => `${formatPercent(r.completionRate)} (${r.tasksDoneOnTime}/${r.tasksDue})` },
    { title: 'Hạng đúng hạn', dataIndex: 'onTimeRank', width: 100, align: 'center', render: rank },
    { title: 'Báo cáo đúng hạn', key: 'onTime', width: 150, align: 'right', render: (_, r) => `${formatPercent(r.onTimeRate)} (${r.reportsOnTime}/${r.reportsDue})` },
    {
      title: 'Trễ / chưa nộp',
      key: 'late',
      width: 130,
      render: (_, r) => (
        <>
          {r.reportsLate > 0 && <Tag color="orange">{r.reportsLate} trễ</Tag>}
          {r.reportsMissing > 0 && <Tag color="red">{r.reportsMissing} chưa nộp</Tag>}
          {r.reportsLate + r.reportsMissing === 0 && '—'}
        </>
      ),
    },
  ];
}

/**
 * "Toàn tỉnh": the overseer's (Sở Nội vụ) dashboard. Every agency of its province ranked by plan
 * completion and on-time reporting, the late reports, and the roll-up report to download.
 * Read-only: nothing here changes an agency's data.
 */
export function ProvincePage() {
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params);
  const { data, failed } = useApiGet<ProvinceView>('/api/oversight/province', { year });
  const ready = data?.year === year;
  const title = ready && data.provinceName ? `Toàn tỉnh ${data.provinceName}` : 'Toàn tỉnh';

  return (
    <Page
      title={title}
      extra={
        <Space wrap>
          <YearSelect value={year} onChange={(y) => setParams({ year: String(y) })} />
          <Button href={`/api/oversight/province/rollup?year=${year}&format=docx`} download>
            Tải báo cáo tổng hợp (DOCX)
          </Button>
          <Button href={`/api/oversight/province/rollup?year=${year}&format=xlsx`} download>
            Tải bảng tổng hợp (XLSX)
          </Button>
        </Space>
      }
    >
      {!ready ? (
        failed ? <Typography.Paragraph type="danger">Không tải được số liệu toàn tỉnh. Vui lòng tải lại trang.</Typography.Paragraph> : <Spin />
      ) : (
        <>
          <Card title={`Xếp hạng các cơ quan năm ${year}`} extra={<Typography.Text type="secondary">Tính đến {formatDate(data.asOf)}</Typography.Text>}>
            {data.provinceCode === null && <Typography.Paragraph>Cơ quan của bạn chưa được gắn với tỉnh nào, nên chưa có cơ quan nào để theo dõi.</Typography.Paragraph>}
            <Table<Row> rowKey="agencyId" size="small" columns={columns(year)} dataSource={data.agencies} pagination={false} scroll={{ x: 900 }} />
            <Typography.Paragraph type="secondary" className="evidence-note">
              Tỉ lệ hoàn thành: nhiệm vụ hoàn thành đúng hạn trên nhiệm vụ đã đến hạn của kế hoạch năm. Tỉ lệ đúng hạn: báo cáo định kỳ của các đơn vị nộp đúng hạn trên số báo cáo đã đến hạn.
            </Typography.Paragraph>
          </Card>
          <Card title="Báo cáo trễ hạn, chưa nộp">
            <LateReportsList items={data.lateReports} />
          </Card>
        </>
      )}
    </Page>
  );
}

import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { withQuery } from '../../api';
import { useCan } from '../../auth/me-context';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDate, formatNumber } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { QuestionsModal } from './questions-modal';
import type { ElementScore, GroupResult, Questionnaire, SurveyResults } from './survey-types';

/** 87.333 → "87,33 %"; null → "—". */
const share = (v: number | null) => (v === null ? '—' : `${formatNumber(Math.round(v * 100) / 100)} %`);

function groupColumns(first: string, elements: ElementScore[]): TableColumnsType<GroupResult> {
  return [
    { title: first, dataIndex: 'label', fixed: 'left', width: 280 },
    { title: 'Số phiếu', dataIndex: 'responses', width: 90, align: 'right' },
    ...elements.map((e, i) => ({ title: e.label, key: e.element, width: 130, align: 'right' as const, render: (_: unknown, g: GroupResult) => share(g.elements[i]?.index ?? null) })),
    { title: 'Chỉ số chung', dataIndex: 'index', width: 110, align: 'right', render: (v: number | null) => <strong>{share(v)}</strong> },
  ];
}

/** "Khảo sát hài lòng": results per element, field, procedure and month of a period (this year by default); the questions; XLSX export. */
export function SurveysPage() {
  const canManage = useCan('surveys.manage');
  // The period: this year by default, any range of days on demand.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs().endOf('year')]);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const results = useApiGet<SurveyResults>('/api/surveys/results', period);
  const questions = useApiGet<Questionnaire>('/api/surveys/questions');
  const [editing, setEditing] = useState(false);
  const r = results.data;
  const empty = emptyTextFor(results.failed);

  const table = (title: string, first: string, rows: GroupResult[] | undefined) => (
    <Card title={title}>
      <Table<GroupResult> size="small" rowKey="key" loading={results.loading} dataSource={rows ?? []} columns={groupColumns(first, r?.elements ?? [])} pagination={false} scroll={{ x: 1100 }} locale={empty} />
    </Card>
  );

  return (
    <Page
      title="Khảo sát hài lòng"
      extra={
        <Space wrap>
          <DatePicker.RangePicker aria-label="Thời gian" format="DD/MM/YYYY" allowClear={false} value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
          <Button icon={<DownloadOutlined />} href={withQuery('/api/surveys/results.xlsx', period)} download>
            Xuất Excel
          </Button>
          {canManage && questions.data && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              Bộ câu hỏi
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        Phiếu do người dân, tổ chức gửi qua trang <a href="/khao-sat">/khao-sat</a> (mã QR trên bản niêm yết của từng thủ tục). Chỉ số hài lòng của một yếu tố là tỉ lệ câu trả lời “Hài lòng” hoặc “Rất hài lòng”; chỉ số chung là trung bình của các yếu tố, như cách tính SIPAS. Kết quả công khai tại <a href="/khao-sat/ket-qua">/khao-sat/ket-qua</a>.
      </Typography.Paragraph>
      {r && r.demoResponses > 0 && <Alert type="warning" showIcon title={`Trong ${r.responses} phiếu của thời gian đã chọn có ${r.demoResponses} phiếu mẫu (dữ liệu dùng thử).`} />}
      <Card>
        <Space size="large" wrap>
          <Statistic title="Chỉ số hài lòng chung" value={share(r?.index ?? null)} loading={results.loading} />
          <Statistic title="Số phiếu" value={r ? formatNumber(r.responses) : '—'} loading={results.loading} />
        </Space>
      </Card>
      <Card title="Theo yếu tố">
        <Table<ElementScore>
          size="small"
          rowKey="element"
          loading={results.loading}
          dataSource={r?.elements ?? []}
          pagination={false}
          locale={empty}
          columns={[
            { title: 'Yếu tố', dataIndex: 'label' },
            { title: 'Số câu trả lời', dataIndex: 'answers', align: 'right' },
            { title: 'Hài lòng, rất hài lòng', dataIndex: 'satisfied', align: 'right' },
            { title: 'Chỉ số hài lòng', dataIndex: 'index', align: 'right', render: share },
            { title: 'Điểm trung bình (1–5)', dataIndex: 'mean', align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v)) },
          ]}
        />
      </Card>
      {table('Theo lĩnh vực', 'Lĩnh vực', r?.byField)}
      {table('Theo thủ tục', 'Thủ tục', r?.byProcedure)}
      {table('Theo tháng', 'Tháng', r?.byMonth)}
      <Card title="Ý kiến khác">
        <Table
          size="small"
          rowKey={(c) => `${c.answeredOn}-${c.text}`}
          loading={results.loading}
          dataSource={r?.comments ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          locale={empty}
          columns={[
            { title: 'Ngày', dataIndex: 'answeredOn', width: 110, render: formatDate },
            { title: 'Thủ tục', dataIndex: 'procedure', width: 280, render: (p: string | null) => p ?? '—' },
            // Shown as text: whatever a citizen typed (markup included) is never rendered as HTML.
            { title: 'Ý kiến', dataIndex: 'text', render: (text: string, c) => <>{text} {c.isDemo && <DemoTag />}</> },
          ]}
        />
      </Card>
      {editing && questions.data && (
        <QuestionsModal
          questionnaire={questions.data}
          onClose={() => setEditing(false)}
          onSaved={(q) => {
            questions.setData(q);
            setEditing(false);
          }}
        />
      )}
    </Page>
  );
}

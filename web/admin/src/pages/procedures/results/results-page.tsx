import { Alert, Button, Card, DatePicker, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../api';
import { useCan } from '../../../auth/me-context';
import { DemoTag } from '../../../components/demo-tag';
import { emptyTextFor } from '../../../components/load-failed';
import { Page } from '../../../components/page';
import { formatNumber, formatPercent } from '../../../format';
import { useAction } from '../../../hooks/use-action';
import { useApiGet } from '../../../hooks/use-api-get';
import { useModalTarget } from '../../../hooks/use-modal-target';
import { useNotify } from '../../../hooks/use-notify';
import { TAG_COLORS } from '../../../layout/theme';
import type { ProcessingResult, PublishReport, ResultStat, ResultsSummary, ResultsVocabulary } from '../../../procedure-types';
import { BalanceTag } from './balance-tag';
import { currentMonth, monthText, type FigureKey } from './figures';
import { ResultFormModal } from './result-form-modal';
import { ResultsImportModal } from './results-import-modal';
import '../procedures.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const num = (key: FigureKey, title: string) => ({
  title,
  key,
  width: 92,
  align: 'right' as const,
  render: (_: unknown, r: { figures: ProcessingResult['figures'] }) => formatNumber(r.figures[key]),
});

/** The figures' columns, grouped as the one-stop software's reports group them. */
function figureColumns<T extends { figures: ProcessingResult['figures'] }>(): TableColumnsType<T> {
  return [
    num('carriedOver', 'Tồn kỳ trước'),
    { title: 'Tiếp nhận', children: [num('receivedOnline', 'Trực tuyến'), num('receivedInPerson', 'Trực tiếp'), num('receivedPostal', 'BCCI')] },
    { title: 'Đã giải quyết', children: [num('settledEarly', 'Trước hạn'), num('settledOnTime', 'Đúng hạn'), num('settledLate', 'Quá hạn')] },
    { title: 'Đang giải quyết', children: [num('pendingWithin', 'Trong hạn'), num('pendingOverdue', 'Quá hạn')] },
    num('returned', 'Trả lại'),
    num('withdrawn', 'Rút hồ sơ'),
  ] as TableColumnsType<T>;
}

/** "Kết quả giải quyết": monthly processing results (Quyết định 766/QĐ-TTg) — entry, import, rates, publication. */
export function ResultsPage() {
  const canEdit = useCan('procedures.results');
  const notify = useNotify();
  const run = useAction();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked && MONTH.test(asked) ? asked : currentMonth();
  const year = month.slice(0, 4);
  const setMonth = (m: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('month', m);
        return next;
      },
      { replace: true },
    );

  const vocabulary = useApiGet<ResultsVocabulary>('/api/service-stats/vocabulary');
  const rows = useApiGet<ProcessingResult[]>('/api/service-stats/results', { from: month, to: month });
  const summary = useApiGet<ResultsSummary>('/api/service-stats/summary', { from: `${year}-01`, to: `${year}-12` });
  const editor = useModalTarget<ProcessingResult>();
  const importer = useModalTarget<undefined>();
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<PublishReport>();

  const reload = () => {
    rows.reload();
    summary.reload();
  };

  async function publish() {
    setPublishing(true);
    try {
      const report = await api.post<PublishReport>('/api/service-stats/publish', { month });
      setPublished(report);
      notify.saved(`Đã công khai kết quả tháng ${monthText(month)}`);
    } catch (error) {
      notify.failed(error);
    } finally {
      setPublishing(false);
    }
  }

  async function remove(r: ProcessingResult) {
    if ((await run(() => api.delete(`/api/service-stats/results/${r.id}`), 'Đã xóa số liệu')) !== undefined) reload();
  }

  const monthColumns: TableColumnsType<ProcessingResult> = [
    {
      title: 'Thủ tục / lĩnh vực',
      key: 'target',
      fixed: 'left',
      width: 260,
      render: (_, r) => (
        <>
          {r.procedureCode ? (
            <span>
              <strong>{r.procedureCode}</strong> {r.procedureName ?? ''}
            </span>
          ) : (
            <span>
              Lĩnh vực: <strong>{r.fieldName ?? '—'}</strong> (tổng)
            </span>
          )}{' '}
          {r.isDemo && <DemoTag />}
        </>
      ),
    },
    ...figureColumns<ProcessingResult>(),
    { title: 'Tỉ lệ đúng hạn', dataIndex: 'onTimeRate', width: 100, align: 'right', render: (v: number | null) => formatPercent(v) },
    { title: 'Tỉ lệ trực tuyến', dataIndex: 'onlineRate', width: 100, align: 'right', render: (v: number | null) => formatPercent(v) },
    { title: 'Cân đối', key: 'balance', width: 200, render: (_, r) => <BalanceTag balanced={r.balanced} difference={r.difference} /> },
  ];
  if (canEdit) {
    monthColumns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 130,
      render: (_, r) => (
        <Space size="small">
          <Button size="small" onClick={() => editor.openFor(r)} aria-label={`Sửa số liệu ${r.procedureCode ?? r.fieldName ?? ''}`}>
            Sửa
          </Button>
          <Popconfirm title="Xóa số liệu dòng này?" okText="Xóa" okButtonProps={{ danger: true }} cancelText="Hủy" onConfirm={() => remove(r)}>
            <Button size="small" danger aria-label={`Xóa số liệu ${r.procedureCode ?? r.fieldName ?? ''}`}>
              Xóa
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  const statColumns: TableColumnsType<ResultStat> = [
    {
      title: 'Tháng',
      key: 'label',
      width: 110,
      render: (_, s) =>
        MONTH.test(s.key) ? (
          <Button type="link" className="link-button" onClick={() => setMonth(s.key)} aria-label={`Xem tháng ${monthText(s.key)}`}>
            {monthText(s.key)}
          </Button>
        ) : (
          <strong>{s.label}</strong>
        ),
    },
    { title: 'Tiếp nhận', dataIndex: 'received', width: 100, align: 'right', render: (n: number) => formatNumber(n) },
    { title: 'Đã giải quyết', dataIndex: 'settled', width: 110, align: 'right', render: (n: number) => formatNumber(n) },
    { title: 'Đang giải quyết', dataIndex: 'pending', width: 120, align: 'right', render: (n: number) => formatNumber(n) },
    { title: 'Tỉ lệ đúng hạn', dataIndex: 'onTimeRate', width: 120, align: 'right', render: (v: number | null) => formatPercent(v) },
    { title: 'Tỉ lệ trực tuyến', dataIndex: 'onlineRate', width: 120, align: 'right', render: (v: number | null) => formatPercent(v) },
    { title: 'Số dòng', dataIndex: 'rows', width: 80, align: 'right' },
    {
      title: 'Không cân đối',
      dataIndex: 'unbalancedRows',
      width: 120,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color={TAG_COLORS.red}>{n} dòng</Tag> : '—'),
    },
  ];
  const unbalanced = (rows.data ?? []).filter((r) => !r.balanced).length;

  return (
    <Page
      title="Kết quả giải quyết"
      extra={
        <Space wrap>
          <DatePicker
            aria-label="Tháng"
            picker="month"
            format="MM/YYYY"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          />
          {canEdit && <Button onClick={() => importer.openFor()}>Nhập từ tệp</Button>}
          {canEdit && <Button onClick={() => editor.openFor()}>Nhập số liệu</Button>}
          {canEdit && (
            <Popconfirm
              title={`Công khai kết quả tháng ${monthText(month)}?`}
              description="Ghi nhận đã công khai kết quả tháng này và ghi minh chứng cho nhiệm vụ công khai kết quả giải quyết TTHC của kế hoạch năm."
              okText="Công khai"
              cancelText="Hủy"
              onConfirm={() => publish()}
            >
              <Button type="primary" loading={publishing} disabled={(rows.data ?? []).length === 0}>
                Công khai tháng {monthText(month)}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Typography.Text type="secondary">
        Số liệu theo Quyết định 766/QĐ-TTg: tỉ lệ đúng hạn = (trước hạn + đúng hạn) / đã giải quyết; tỉ lệ trực tuyến = tiếp nhận trực tuyến / tiếp nhận. Một dòng cân đối khi đã giải quyết + đang giải quyết + trả lại + rút = tồn kỳ trước + tiếp nhận.
      </Typography.Text>
      {published && (
        <Alert
          type={published.evidenceRecorded ? 'success' : 'warning'}
          showIcon
          closable
          onClose={() => setPublished(undefined)}
          title={published.message}
          description={
            <a href={published.path} target="_blank" rel="noopener noreferrer">
              Xem trang thống kê trên cổng thông tin
            </a>
          }
        />
      )}
      <Card title={`Số liệu tháng ${monthText(month)}`} extra={unbalanced > 0 && <Typography.Text type="danger">{unbalanced} dòng không cân đối</Typography.Text>}>
        <Table<ProcessingResult>
          rowKey="id"
          size="small"
          bordered
          columns={monthColumns}
          dataSource={rows.data ?? []}
          loading={rows.loading}
          rowClassName={(r) => (r.balanced ? '' : 'row-unbalanced')}
          locale={emptyTextFor(rows.failed) ?? { emptyText: `Tháng ${monthText(month)} chưa có số liệu` }}
          pagination={false}
          scroll={{ x: 1700 }}
        />
      </Card>
      <Card title={`Tổng hợp năm ${year}`}>
        <Table<ResultStat>
          rowKey="key"
          size="small"
          columns={statColumns}
          dataSource={summary.data ? [...summary.data.months, summary.data.total] : []}
          loading={summary.loading}
          rowClassName={(s) => (s.key === month ? 'row-selected' : s.key === 'total' ? 'row-total' : '')}
          locale={emptyTextFor(summary.failed)}
          pagination={false}
          scroll={{ x: 900 }}
        />
      </Card>
      <ResultFormModal
        open={editor.open}
        result={editor.target}
        month={month}
        fields={vocabulary.data?.fields ?? []}
        onClose={editor.close}
        onSaved={(saved) => {
          if (saved.month !== month) setMonth(saved.month);
          reload();
        }}
      />
      <ResultsImportModal
        open={importer.open}
        onClose={importer.close}
        onImported={(months) => {
          if (months.length && !months.includes(month)) setMonth(months[months.length - 1]!);
          reload();
        }}
      />
    </Page>
  );
}

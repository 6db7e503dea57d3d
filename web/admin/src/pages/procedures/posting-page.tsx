import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useNotify } from '../../hooks/use-notify';
import type { Paged } from '../../newsroom-types';
import type { Decision, ProcedureField, ProcedureSummary } from '../../procedure-types';
import { PostingTag } from './decision-tags';
import { PostedButton } from './posted-button';
import { adminPaths, publicPaths } from './procedure-paths';
import './procedures.css';

interface Posting {
  id: string;
  postedOn: string;
  procedures: number;
}

/** A link to a printable sheet, opened in a new tab (print from there: the sheet has its own print styles). */
function SheetLink({ href, label, text = 'In phiếu' }: { href: string; label: string; text?: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
      <PrinterOutlined /> {text}
    </a>
  );
}

/** The PDF of a sheet (A4, for printing elsewhere or sending). */
function PdfLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
      <FilePdfOutlined /> PDF
    </a>
  );
}

/** Sheets of single procedures, found by code or name. */
function ProcedureSheets() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useApiGet<Paged<ProcedureSummary>>('/api/procedures', { q: q || undefined, pageSize: 10 });
  const columns: TableColumnsType<ProcedureSummary> = [
    { title: 'Mã', dataIndex: 'code', width: 140, render: (code: string) => <Link to={adminPaths.procedure(code)}>{code}</Link> },
    { title: 'Tên thủ tục', dataIndex: 'name' },
    {
      title: 'Phiếu niêm yết',
      key: 'sheet',
      width: 180,
      render: (_, p) => (
        <Space size="middle">
          <SheetLink href={publicPaths.postingSheet(p.code)} label={`In phiếu niêm yết thủ tục ${p.code}`} />
          <PdfLink href={publicPaths.postingSheetPdf(p.code)} label={`Phiếu niêm yết thủ tục ${p.code} (PDF)`} />
        </Space>
      ),
    },
  ];
  return (
    <>
      <Input.Search
        aria-label="Tìm thủ tục để in phiếu"
        placeholder="Mã hoặc tên thủ tục"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setQ(v.trim())}
        className="filter-bar"
        style={{ width: 320 }}
      />
      <Table<ProcedureSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={found.data?.items ?? []}
        loading={found.loading}
        locale={emptyTextFor(found.failed) ?? { emptyText: 'Không có thủ tục nào' }}
        pagination={false}
        footer={found.data && found.data.total > found.data.items.length ? () => `Hiện ${found.data?.items.length} trong ${found.data?.total} thủ tục; tìm theo mã hoặc tên để thu hẹp.` : undefined}
      />
    </>
  );
}

/** "Niêm yết": printable sheets for the one-stop desk, and recording that the catalog was posted. */
export function PostingPage() {
  const canDecide = useCan('procedures.decide');
  const notify = useNotify();
  const fields = useApiGet<ProcedureField[]>('/api/procedure-fields');
  const decisions = useApiGet<Decision[]>('/api/procedure-decisions');
  const [posting, setPosting] = useState(false);
  const [lastPosting, setLastPosting] = useState<Posting>();

  async function recordPosting() {
    setPosting(true);
    try {
      const saved = await api.post<Posting>('/api/procedure-postings', {});
      setLastPosting(saved);
      notify.saved(`Đã ghi nhận niêm yết ${saved.procedures} thủ tục ngày ${formatDate(saved.postedOn)}`);
    } catch (error) {
      notify.failed(error);
    } finally {
      setPosting(false);
    }
  }

  const unposted = (decisions.data ?? []).filter((d) => !d.postedOn);
  const replaceDecision = (saved: Decision) => decisions.setData((decisions.data ?? []).map((d) => (d.id === saved.id ? saved : d)));

  const fieldColumns: TableColumnsType<ProcedureField> = [
    { title: 'Lĩnh vực', dataIndex: 'name' },
    { title: 'Số thủ tục đang hiệu lực', dataIndex: 'procedureCount', width: 190, align: 'right' },
    {
      title: 'Phiếu niêm yết',
      key: 'sheet',
      width: 180,
      render: (_, f) =>
        f.procedureCount > 0 ? (
          <Space size="middle">
            <SheetLink href={publicPaths.fieldPostingSheet(f.slug)} label={`In phiếu niêm yết lĩnh vực ${f.name}`} />
            <PdfLink href={publicPaths.fieldPostingSheetPdf(f.slug)} label={`Phiếu niêm yết lĩnh vực ${f.name} (PDF)`} />
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Page
      title="Niêm yết"
      extra={
        canDecide && (
          <Popconfirm
            title="Ghi nhận đã niêm yết hôm nay?"
            description="Toàn bộ danh mục đang hiệu lực được ghi là đã niêm yết tại Bộ phận Một cửa hôm nay; phiếu “thay đổi” lần sau tính từ lần này."
            okText="Ghi nhận"
            cancelText="Hủy"
            onConfirm={() => recordPosting()}
          >
            <Button type="primary" loading={posting}>
              Ghi nhận đã niêm yết hôm nay
            </Button>
          </Popconfirm>
        )
      }
    >
      {lastPosting && (
        <Alert type="success" showIcon title={`Đã ghi nhận niêm yết ${lastPosting.procedures} thủ tục ngày ${formatDate(lastPosting.postedOn)}.`} closable onClose={() => setLastPosting(undefined)} />
      )}
      <Card title="Những thay đổi kể từ lần niêm yết trước">
        <Space orientation="vertical">
          <Typography.Text>Phiếu liệt kê các thủ tục ban hành mới, sửa đổi, thay thế, bãi bỏ kể từ lần niêm yết gần nhất, để thay tại bảng niêm yết.</Typography.Text>
          <Space wrap size="large">
            <SheetLink href={publicPaths.changesSheet} label="In phiếu các thay đổi kể từ lần niêm yết trước" text="In phiếu thay đổi" />
            <PdfLink href={publicPaths.changesSheetPdf} label="Phiếu các thay đổi kể từ lần niêm yết trước (PDF)" />
            <a href={publicPaths.changes} target="_blank" rel="noopener noreferrer">
              Trang “Thủ tục thay đổi” trên cổng thông tin
            </a>
          </Space>
        </Space>
      </Card>
      {unposted.length > 0 && (
        <Card title={`Quyết định chưa niêm yết (${unposted.length})`}>
          <Table<Decision>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={unposted}
            rowClassName={(d) => (d.postingOverdue ? 'row-overdue' : '')}
            columns={[
              { title: 'Số, ký hiệu', dataIndex: 'numberSymbol', render: (n: string, d) => <Link to={adminPaths.decision(d.id)}>{n}</Link> },
              { title: 'Ngày ký', dataIndex: 'signedOn', width: 110, render: (d: string) => formatDate(d) },
              { title: 'Hạn niêm yết', dataIndex: 'postingDueOn', width: 130, render: (due: string, d) => (d.postingOverdue ? <Typography.Text type="danger" strong>{formatDate(due)}</Typography.Text> : formatDate(due)) },
              { title: 'Tình trạng', key: 'state', width: 170, render: (_, d) => <PostingTag decision={d} /> },
              ...(canDecide ? [{ title: <span className="sr-only">Thao tác</span>, key: 'act', width: 130, render: (_: unknown, d: Decision) => <PostedButton size="small" decision={d} onPosted={replaceDecision} /> }] : []),
            ]}
          />
        </Card>
      )}
      <Card title="Phiếu niêm yết theo lĩnh vực">
        <Table<ProcedureField>
          rowKey="id"
          size="small"
          columns={fieldColumns}
          dataSource={fields.data ?? []}
          loading={fields.loading}
          locale={emptyTextFor(fields.failed) ?? { emptyText: 'Chưa có lĩnh vực nào' }}
          pagination={false}
        />
      </Card>
      <Card title="Phiếu niêm yết từng thủ tục">
        <ProcedureSheets />
      </Card>
    </Page>
  );
}

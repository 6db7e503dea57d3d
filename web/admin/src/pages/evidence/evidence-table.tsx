import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { formatDate, formatDateTime, formatQuantities } from '../../format';
import type { Vocabulary } from '../../hooks/use-vocabulary';
import type { Evidence } from '../../reporting-types';

interface Props {
  rows: readonly Evidence[];
  loading?: boolean;
  failed?: boolean;
  vocabulary: Vocabulary;
  unitName: (unitId: string | null) => string;
  /** Shows the tasks column when given. */
  taskName?: (taskId: string) => string;
  /** Shows "Rút" on the rows it returns true for. */
  canWithdraw?: (row: Evidence) => boolean;
  onWithdraw?: (row: Evidence) => void;
}

function Title({ row }: { row: Evidence }) {
  const withdrawn = row.status === 'withdrawn';
  return (
    <>
      <span className={withdrawn ? 'evidence-withdrawn' : undefined}>
        {row.link ? (
          <a href={row.link} target="_blank" rel="noreferrer">
            {row.title}
          </a>
        ) : (
          row.title
        )}
      </span>{' '}
      {withdrawn && <Tag>Đã rút</Tag>}
      {row.isDemo && <DemoTag />}
      {row.description && <Typography.Text type="secondary" className="evidence-note">{row.description}</Typography.Text>}
      {row.files.length > 0 && (
        <Typography.Text type="secondary" className="evidence-note">
          Tệp:{' '}
          {row.files.map((f, i) => (
            <span key={f.id}>
              {i > 0 && ', '}
              <a href={`/api/evidence/${row.id}/files/${f.id}`} download>
                {f.name}
              </a>
            </span>
          ))}
        </Typography.Text>
      )}
      {withdrawn && (
        <Typography.Text type="secondary" className="evidence-note">
          Rút ngày {formatDateTime(row.withdrawnAt)}: {row.withdrawnReason}
        </Typography.Text>
      )}
    </>
  );
}

/** Evidence rows; withdrawn ones stay listed, struck through and tagged "Đã rút". */
export function EvidenceTable({ rows, loading, failed = false, vocabulary, unitName, taskName, canWithdraw, onWithdraw }: Props) {
  const columns: TableColumnsType<Evidence> = [
    { title: 'Ngày', dataIndex: 'date', width: 110, render: (date: string) => formatDate(date) },
    { title: 'Minh chứng', key: 'title', render: (_, row) => <Title row={row} /> },
    { title: 'Loại', dataIndex: 'kind', width: 160, render: (kind: string) => vocabulary.kindLabel(kind) },
    { title: 'Đơn vị', dataIndex: 'unitId', width: 140, render: (unitId: string | null) => unitName(unitId) },
  ];
  if (taskName) {
    columns.push({ title: 'Nhiệm vụ', dataIndex: 'taskIds', width: 260, render: (ids: string[]) => ids.map((id) => <div key={id}>{taskName(id)}</div>) });
  }
  columns.push({ title: 'Số lượng', dataIndex: 'quantities', width: 200, render: (q: Record<string, number>) => formatQuantities(q, vocabulary.measureLabel) });
  if (onWithdraw) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 90,
      render: (_, row) =>
        row.status === 'active' && (canWithdraw?.(row) ?? true) ? (
          <Button size="small" danger onClick={() => onWithdraw(row)} aria-label={`Rút minh chứng ${row.title}`}>
            Rút
          </Button>
        ) : null,
    });
  }
  return (
    <Table<Evidence>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      rowClassName={(row) => (row.status === 'withdrawn' ? 'evidence-row-withdrawn' : '')}
      locale={emptyTextFor(failed) ?? { emptyText: 'Chưa có minh chứng nào' }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
    />
  );
}

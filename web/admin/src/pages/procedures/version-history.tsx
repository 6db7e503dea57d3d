import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../format';
import type { ProcedureLabels } from '../../hooks/use-procedure-vocabulary';
import { TAG_COLORS } from '../../layout/theme';
import type { Procedure } from '../../procedure-types';
import { adminPaths } from './procedure-paths';

type Version = Procedure['versions'][number];

/** Where a version came from: the catalog itself (entered, imported, corrected) or a decision's change. */
export function originLabel(origin: string, labels: ProcedureLabels): string {
  return origin === 'catalog' ? 'Cập nhật danh mục' : labels.changeKindLabel(origin);
}

const ORIGIN_COLORS: Record<string, string> = { new: TAG_COLORS.green, amended: TAG_COLORS.blue, replaced: TAG_COLORS.purple, abolished: TAG_COLORS.red };

interface Props {
  procedure: Procedure;
  labels: ProcedureLabels;
  /** Shows the text in force from that day. */
  onShow: (effectiveFrom: string) => void;
}

/** Lịch sử phiên bản: effective dates, origin and decision of every version, newest first. */
export function VersionHistory({ procedure, labels, onShow }: Props) {
  const columns: TableColumnsType<Version> = [
    { title: 'Phiên bản', dataIndex: 'versionNo', width: 90, align: 'right' },
    {
      title: 'Hiệu lực',
      key: 'period',
      width: 200,
      render: (_, v) => (v.effectiveTo ? `${formatDate(v.effectiveFrom)} – ${formatDate(v.effectiveTo)}` : `Từ ${formatDate(v.effectiveFrom)}`),
    },
    { title: 'Nguồn', dataIndex: 'origin', width: 170, render: (origin: string) => <Tag color={ORIGIN_COLORS[origin]}>{originLabel(origin, labels)}</Tag> },
    {
      title: 'Quyết định',
      dataIndex: 'decision',
      width: 220,
      render: (d: Version['decision']) => (d ? <Link to={adminPaths.decision(d.id)}>{`${d.numberSymbol} (${formatDate(d.signedOn)})`}</Link> : '—'),
    },
    { title: 'Tên thủ tục', dataIndex: 'name' },
    {
      title: 'Nội dung',
      key: 'show',
      width: 130,
      render: (_, v) =>
        v.versionNo === procedure.versionNo ? (
          <Tag>Đang xem</Tag>
        ) : v.origin === 'abolished' ? (
          '—'
        ) : (
          <Button size="small" onClick={() => onShow(v.effectiveFrom)} aria-label={`Xem nội dung phiên bản ${v.versionNo}`}>
            Xem
          </Button>
        ),
    },
  ];
  return (
    <Table<Version>
      rowKey="versionNo"
      size="small"
      columns={columns}
      dataSource={[...procedure.versions].sort((a, b) => b.versionNo - a.versionNo)}
      pagination={false}
      scroll={{ x: 900 }}
    />
  );
}

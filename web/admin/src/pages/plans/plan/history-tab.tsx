import { Button, Card, Select, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { emptyTextFor } from '../../../components/load-failed';
import { formatDateTime } from '../../../format';
import { useApiGet } from '../../../hooks/use-api-get';
import type { Plan, PlanDiff, Revision } from '../../../plan-types';
import { PlanDiffView } from './plan-diff-view';

interface Pair {
  from: number;
  to: number;
}

/** 0 is the plan as it is now. */
const CURRENT = 0;

/** The latest revision against the one before it (or against now, when there is only one). */
function defaultPair(revisions: readonly Revision[]): Pair | undefined {
  const latest = revisions[0]?.number;
  if (latest === undefined) return undefined;
  return latest > 1 ? { from: latest - 1, to: latest } : { from: latest, to: CURRENT };
}

/** "Lịch sử": every revision with who and why; any two compared field by field. */
export function HistoryTab({ plan }: { plan: Plan }) {
  const { data: revisions, loading, failed, reload } = useApiGet<Revision[]>(`/api/plans/${plan.id}/revisions`);
  const [picked, setPicked] = useState<Pair>();
  const pair = picked ?? defaultPair(revisions ?? []);
  const comparable = pair !== undefined && pair.from !== pair.to;
  const { data: diff, loading: diffLoading, failed: diffFailed } = useApiGet<PlanDiff>(comparable ? `/api/plans/${plan.id}/diff` : null, pair && { ...pair });

  // A change made on another tab adds a revision: load the list again.
  const seenRevision = useRef(plan.revision);
  useEffect(() => {
    if (seenRevision.current === plan.revision) return;
    seenRevision.current = plan.revision;
    setPicked(undefined);
    reload();
  }, [plan.revision, reload]);

  const options = [
    { value: CURRENT, label: 'Hiện tại' },
    ...(revisions ?? []).map((r) => ({ value: r.number, label: `Phiên bản ${r.number} (${formatDateTime(r.createdAt)})` })),
  ];

  const columns: TableColumnsType<Revision> = [
    { title: 'Phiên bản', dataIndex: 'number', width: 100 },
    { title: 'Thời gian', dataIndex: 'createdAt', width: 160, render: (at: string) => formatDateTime(at) },
    { title: 'Người thực hiện', dataIndex: 'actorName', width: 200 },
    { title: 'Lý do', dataIndex: 'reason' },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 150,
      render: (_, r) =>
        r.number > 1 ? (
          <Button size="small" onClick={() => setPicked({ from: r.number - 1, to: r.number })}>
            Xem thay đổi
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="page-stack">
      <Table<Revision>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={revisions ?? []}
        loading={loading}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        locale={emptyTextFor(failed) ?? { emptyText: 'Chưa có phiên bản nào: kế hoạch còn là dự thảo, các thay đổi chưa được ghi phiên bản.' }}
      />
      {pair && (
        <Card title="So sánh hai phiên bản" size="small">
          <Space wrap className="filter-bar">
            <Select aria-label="Từ phiên bản" value={pair.from} options={options} onChange={(from: number) => setPicked({ ...pair, from })} style={{ width: 280 }} />
            <span aria-hidden="true">→</span>
            <Select aria-label="Đến phiên bản" value={pair.to} options={options} onChange={(to: number) => setPicked({ ...pair, to })} style={{ width: 280 }} />
          </Space>
          {!comparable ? (
            <Typography.Text type="secondary">Hãy chọn hai phiên bản khác nhau.</Typography.Text>
          ) : diffFailed ? (
            <Typography.Text type="danger">Không tải được phần so sánh.</Typography.Text>
          ) : diff && !diffLoading ? (
            <PlanDiffView diff={diff} />
          ) : (
            <Spin />
          )}
        </Card>
      )}
    </div>
  );
}

import { Button, Card, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { useCan } from '../auth/me-context';
import { emptyTextFor } from '../components/load-failed';
import { Page } from '../components/page';
import { formatDateTime } from '../format';
import { useAction } from '../hooks/use-action';
import { useApiGet } from '../hooks/use-api-get';
import { TAG_COLORS } from '../layout/theme';
import type { Job, JobState } from '../types';

const STATES: Record<JobState, { label: string; color?: string }> = {
  queued: { label: 'Đang chờ' },
  running: { label: 'Đang chạy', color: TAG_COLORS.blue },
  done: { label: 'Hoàn thành', color: TAG_COLORS.green },
  failed: { label: 'Lỗi, sẽ thử lại', color: TAG_COLORS.orange },
  dead: { label: 'Thất bại', color: TAG_COLORS.red },
};

const RETRYABLE = new Set<JobState>(['failed', 'dead']);

function RetryButton({ job, onDone }: { job: Job; onDone: () => void }) {
  const run = useAction();
  const [busy, setBusy] = useState(false);
  async function retry() {
    setBusy(true);
    const retried = await run(() => api.post<Job>(`/api/jobs/${job.id}/retry`), 'Đã đưa công việc vào hàng đợi');
    setBusy(false);
    if (retried) onDone();
  }
  return (
    <Button size="small" loading={busy} onClick={retry}>
      Chạy lại
    </Button>
  );
}

export function JobsPage() {
  const canRetry = useCan('jobs.retry');
  const [state, setState] = useState<JobState>();
  const { data: jobs, loading, failed, reload } = useApiGet<Job[]>('/api/jobs', { state });

  const columns: TableColumnsType<Job> = [
    { title: 'Loại công việc', dataIndex: 'kind', render: (kind: string) => <code>{kind}</code> },
    {
      title: 'Trạng thái',
      dataIndex: 'state',
      render: (s: JobState) => <Tag color={STATES[s]?.color}>{STATES[s]?.label ?? s}</Tag>,
    },
    { title: 'Số lần chạy', key: 'attempts', render: (_, job) => `${job.attempts}/${job.maxAttempts}` },
    { title: 'Chạy lúc', dataIndex: 'runAt', render: formatDateTime },
    { title: 'Tạo lúc', dataIndex: 'createdAt', render: formatDateTime },
    { title: 'Kết thúc', dataIndex: 'finishedAt', render: (at: string | null) => formatDateTime(at) || '—' },
    {
      title: 'Lỗi gần nhất',
      dataIndex: 'lastError',
      render: (error: string | null) =>
        error ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: error }} style={{ maxWidth: 320 }}>
            {error}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];
  if (canRetry) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      render: (_, job) => (RETRYABLE.has(job.state) ? <RetryButton job={job} onDone={reload} /> : null),
    });
  }

  return (
    <Page
      title="Hàng đợi công việc"
      extra={
        <Button onClick={reload} loading={loading}>
          Tải lại
        </Button>
      }
    >
      <Card>
        <Select
          className="filter-bar"
          aria-label="Lọc theo trạng thái"
          placeholder="Mọi trạng thái"
          allowClear
          value={state}
          onChange={(s?: JobState) => setState(s)}
          options={(Object.keys(STATES) as JobState[]).map((s) => ({ value: s, label: STATES[s].label }))}
          style={{ width: 220 }}
        />
        <Table<Job>
          rowKey="id"
          columns={columns}
          dataSource={jobs ?? []}
          loading={loading}
          locale={emptyTextFor(failed)}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
        />
      </Card>
    </Page>
  );
}

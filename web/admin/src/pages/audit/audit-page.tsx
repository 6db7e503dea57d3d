import { Card, DatePicker, Select, Space, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../auth/me-context';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { formatDateTime } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import type { AuditEntry, AuditPage as AuditResult, User } from '../../types';
import { actionLabel, entityLabel } from './audit-labels';
import { AuditDiff } from './audit-diff';

interface AuditFilter {
  userId?: string;
  entity?: string;
  from?: string;
  to?: string;
}

const DEFAULT_PAGE_SIZE = 50;

const columns: TableColumnsType<AuditEntry> = [
  { title: 'Thời gian', dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 150 },
  { title: 'Người thực hiện', dataIndex: 'actorName' },
  { title: 'Hành động', dataIndex: 'action', render: actionLabel },
  { title: 'Đối tượng', dataIndex: 'entity', render: entityLabel },
  { title: 'Mã', dataIndex: 'entityId', render: (id: string) => <code>{id}</code> },
];

export function AuditPage() {
  // The people filter needs the user list, which only user administrators may read.
  const canListUsers = useCan('org.users.read');
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const { data, loading, failed } = useApiGet<AuditResult>('/api/audit', { ...filter, ...paging });
  const { data: users } = useApiGet<User[]>(canListUsers ? '/api/users' : null);

  function refine(patch: AuditFilter) {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  }

  function pickRange(range: [Dayjs | null, Dayjs | null] | null) {
    const [from, to] = range ?? [null, null];
    refine({ from: from ? toYmd(from) : undefined, to: to ? toYmd(to) : undefined });
  }

  return (
    <Page title="Nhật ký thay đổi">
      <Card>
        <Space wrap className="filter-bar">
          {canListUsers && (
            <Select
              aria-label="Người thực hiện"
              placeholder="Mọi người thực hiện"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filter.userId}
              onChange={(userId?: string) => refine({ userId })}
              options={(users ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.email})` }))}
              style={{ width: 280 }}
            />
          )}
          <Select
            aria-label="Đối tượng"
            placeholder="Mọi đối tượng"
            allowClear
            value={filter.entity}
            onChange={(entity?: string) => refine({ entity })}
            options={(data?.entities ?? []).map((code) => ({ value: code, label: entityLabel(code) }))}
            style={{ width: 200 }}
          />
          <DatePicker.RangePicker
            aria-label="Khoảng thời gian"
            format={DATE_FORMAT}
            placeholder={['Từ ngày', 'Đến ngày']}
            onChange={(range) => pickRange(range)}
          />
        </Space>
        <Table<AuditEntry>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          locale={emptyTextFor(failed)}
          scroll={{ x: true }}
          expandable={{ columnTitle: <span className="sr-only">Chi tiết</span>, expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `${total} bản ghi`,
            onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
        />
      </Card>
    </Page>
  );
}

import { Card, Table, Tag, type TableColumnsType } from 'antd';
import { emptyTextFor } from '../../components/load-failed';
import { useApiGet } from '../../hooks/use-api-get';
import type { Unit, UnitGroup } from '../../types';

function members(group: UnitGroup, units: readonly Unit[]): string {
  if (group.rule === 'all_professional') return 'Tất cả phòng chuyên môn';
  const names = new Map(units.map((u) => [u.id, u.abbreviation || u.name]));
  return group.unitIds.map((id) => names.get(id) ?? id).join(', ') || 'Chưa có đơn vị nào';
}

export function UnitGroupsCard({ units }: { units: readonly Unit[] }) {
  const { data, loading, failed } = useApiGet<UnitGroup[]>('/api/unit-groups');
  const columns: TableColumnsType<UnitGroup> = [
    { title: 'Nhóm', dataIndex: 'name' },
    { title: 'Thành viên', key: 'members', render: (_, group) => members(group, units) },
    {
      title: 'Tên gọi khác',
      dataIndex: 'aliases',
      render: (aliases: string[]) => (aliases.length ? aliases.map((alias) => <Tag key={alias}>{alias}</Tag>) : '—'),
    },
  ];
  return (
    <Card title="Nhóm đơn vị" size="small">
      <Table<UnitGroup>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data ?? []}
        loading={loading}
        pagination={false}
        locale={emptyTextFor(failed) ?? { emptyText: 'Chưa có nhóm đơn vị nào' }}
      />
    </Card>
  );
}

import { Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { ActiveTag } from '../../components/active-tag';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { useAction } from '../../hooks/use-action';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { TAG_COLORS } from '../../layout/theme';
import type { Unit } from '../../types';
import { UnitFormModal } from './unit-form-modal';
import { UnitGroupsCard } from './unit-groups-card';
import { UNIT_KIND_LABELS } from './unit-labels';

export function UnitsPage() {
  const canWrite = useCan('org.units.write');
  const { data: units, loading, failed, reload } = useApiGet<Unit[]>('/api/units');
  const editor = useModalTarget<Unit>();
  const run = useAction();

  async function setActive(unit: Unit, active: boolean) {
    if (await run(() => api.patch<Unit>(`/api/units/${unit.id}`, { active }))) reload();
  }

  const columns: TableColumnsType<Unit> = [
    {
      title: 'Tên',
      dataIndex: 'name',
      render: (name: string, unit) => (
        <>
          {name} {unit.isDemo && <DemoTag />}
        </>
      ),
    },
    { title: 'Viết tắt', dataIndex: 'abbreviation' },
    { title: 'Loại', dataIndex: 'kind', render: (kind: Unit['kind']) => UNIT_KIND_LABELS[kind] ?? kind },
    { title: 'Điều phối', dataIndex: 'isCoordinator', render: (yes: boolean) => (yes ? <Tag color={TAG_COLORS.purple}>Có</Tag> : '—') },
    { title: 'Số người dùng', dataIndex: 'userCount', align: 'right' },
    { title: 'Trạng thái', dataIndex: 'active', render: (active: boolean) => <ActiveTag active={active} /> },
  ];
  if (canWrite) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      render: (_, unit) => (
        <Space size="small" wrap>
          <Button size="small" onClick={() => editor.openFor(unit)}>
            Sửa
          </Button>
          <Popconfirm
            title={unit.active ? `Ngừng hoạt động đơn vị "${unit.name}"?` : `Kích hoạt lại đơn vị "${unit.name}"?`}
            okText="Đồng ý"
            cancelText="Hủy"
            onConfirm={() => setActive(unit, !unit.active)}
          >
            <Button size="small" danger={unit.active}>
              {unit.active ? 'Ngừng hoạt động' : 'Kích hoạt'}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Page
      title="Đơn vị"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => editor.openFor()}>
            Thêm đơn vị
          </Button>
        )
      }
    >
      <Card>
        <Table<Unit> rowKey="id" columns={columns} dataSource={units ?? []} loading={loading} locale={emptyTextFor(failed)} pagination={false} scroll={{ x: true }} />
      </Card>
      <UnitGroupsCard units={units ?? []} />
      <UnitFormModal open={editor.open} unit={editor.target} onClose={editor.close} onSaved={reload} />
    </Page>
  );
}

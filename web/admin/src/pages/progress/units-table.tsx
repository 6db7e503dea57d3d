import { Table, type TableColumnsType } from 'antd';
import type { UnitProgress } from '../../reporting-types';

const columns: TableColumnsType<UnitProgress> = [
  { title: 'Đơn vị', dataIndex: 'name' },
  { title: 'Nhiệm vụ chủ trì', dataIndex: 'tasks', align: 'right' },
  { title: 'Hoàn thành', dataIndex: 'done', align: 'right' },
  { title: 'Quá hạn', dataIndex: 'overdue', align: 'right' },
  { title: 'Minh chứng', dataIndex: 'evidence', align: 'right' },
];

/** Tasks each unit leads, how many are done or overdue, and the evidence it recorded. */
export function UnitsTable({ units }: { units: readonly UnitProgress[] }) {
  return <Table<UnitProgress> rowKey="unitId" size="small" columns={columns} dataSource={[...units]} pagination={false} scroll={{ x: true }} />;
}

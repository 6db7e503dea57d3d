import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../../api';
import { useAction } from '../../../hooks/use-action';
import { useModalTarget } from '../../../hooks/use-modal-target';
import { useUnitDirectory } from '../../../hooks/use-unit-directory';
import { formatDate } from '../../../format';
import type { Plan, TaskRow } from '../../../plan-types';
import { FlagTags } from '../plan-tags';
import type { AskReason } from './reason-prompt';
import { TaskFormModal, type TaskTarget } from './task-form-modal';

interface Props {
  plan: Plan;
  editable: boolean;
  askReason: AskReason;
  onChanged: () => void;
}

/** A group row's title spans the content, lead, coop, product and deadline columns. */
const GROUP_SPAN = 5;
const groupSpan = (row: TaskRow) => (row.kind === 'group' ? { colSpan: 0 } : {});

/** A short name for a row in confirmations and button labels. */
function rowName(row: TaskRow): string {
  const text = row.content.length > 60 ? `${row.content.slice(0, 60)}…` : row.content;
  return row.code ? `${row.code}. ${text}` : text;
}

function Due({ row }: { row: TaskRow }) {
  return (
    <>
      {row.dueText || '—'}
      {row.due?.end && (
        <Typography.Text type="secondary" className="due-end">
          Hạn: {formatDate(row.due.end)}
        </Typography.Text>
      )}
    </>
  );
}

function Product({ row }: { row: TaskRow }) {
  return (
    <>
      {row.product || '—'}
      {row.targets.length > 0 && (
        <Typography.Text type="secondary" className="task-targets">
          Chỉ tiêu: {row.targets.map((t) => `${t.quantity} ${t.measure}`).join('; ')}
        </Typography.Text>
      )}
    </>
  );
}

/** The appendix task table: edit, insert after the chosen row, move, delete. */
export function TasksTab({ plan, editable, askReason, onChanged }: Props) {
  const units = useUnitDirectory();
  const editor = useModalTarget<TaskTarget>();
  const run = useAction();
  const [selectedId, setSelectedId] = useState<string>();
  const rows = plan.tasks;
  const selected = rows.find((r) => r.id === selectedId);

  async function move(row: TaskRow, afterId: string | null) {
    const moved = await run(async () => {
      const reason = await askReason();
      // The server rebuilds the row on every PATCH and would drop a picked deadline unless it is sent again.
      const keepDue = row.due?.kind === 'date' && row.due.end ? { dueEnd: row.due.end } : {};
      return api.patch<TaskRow>(`/api/plan-tasks/${row.id}`, { afterId, ...keepDue, ...(reason ? { reason } : {}) });
    }, 'Đã chuyển dòng');
    if (moved) onChanged();
  }

  async function remove(row: TaskRow) {
    const done = await run(async () => {
      const reason = await askReason();
      await api.delete(`/api/plan-tasks/${row.id}`, reason ? { reason } : undefined);
      return true;
    }, 'Đã xóa dòng');
    if (done) {
      if (selectedId === row.id) setSelectedId(undefined);
      onChanged();
    }
  }

  function add(kind: 'task' | 'group') {
    // A new row joins the group of the row it follows.
    const near = selected ?? rows.at(-1);
    const groupCode = near ? (near.kind === 'group' ? near.code : near.groupCode) || null : null;
    editor.openFor({ kind, afterId: selected?.id, groupCode });
  }

  const columns: TableColumnsType<TaskRow> = [
    { title: 'TT', key: 'code', width: 44, render: (_, row) => (row.kind === 'group' ? <strong>{row.code}</strong> : (row.code || '-')) },
    {
      title: 'Nội dung, nhiệm vụ',
      dataIndex: 'content',
      width: 250,
      onCell: (row) => (row.kind === 'group' ? { colSpan: GROUP_SPAN } : {}),
      render: (content: string, row) =>
        row.kind === 'group' ? (
          <strong>{content}</strong>
        ) : (
          <>
            {content}
            {row.flags.length > 0 && (
              <div className="task-flags">
                <FlagTags flags={row.flags} />
              </div>
            )}
          </>
        ),
    },
    { title: 'Phòng chủ trì', key: 'lead', width: 115, onCell: groupSpan, render: (_, row) => row.lead.text || '—' },
    { title: 'Phòng phối hợp', key: 'coop', width: 125, onCell: groupSpan, render: (_, row) => row.coop.map((c) => c.text).join('; ') || '—' },
    { title: 'Kết quả/sản phẩm', key: 'product', width: 130, onCell: groupSpan, render: (_, row) => <Product row={row} /> },
    { title: 'Thời gian hoàn thành', key: 'due', width: 120, onCell: groupSpan, render: (_, row) => <Due row={row} /> },
  ];
  if (editable) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 132,
      fixed: 'right',
      render: (_, row, index) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} aria-label={`Sửa dòng ${rowName(row)}`} title="Sửa" onClick={() => editor.openFor({ row })} />
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={`Chuyển lên: ${rowName(row)}`}
            title="Chuyển lên"
            disabled={index === 0}
            onClick={() => move(row, index >= 2 ? rows[index - 2]!.id : null)}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={`Chuyển xuống: ${rowName(row)}`}
            title="Chuyển xuống"
            disabled={index === rows.length - 1}
            onClick={() => move(row, rows[index + 1]!.id)}
          />
          <Popconfirm title="Xóa dòng này?" description={rowName(row)} okText="Xóa" okButtonProps={{ danger: true }} cancelText="Hủy" onConfirm={() => remove(row)}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Xóa dòng ${rowName(row)}`} title="Xóa" />
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <div className="page-stack">
      {editable && (
        <Space wrap>
          <Button type="primary" onClick={() => add('task')}>
            Thêm nhiệm vụ
          </Button>
          <Button onClick={() => add('group')}>Thêm nhóm</Button>
          <Typography.Text type="secondary">
            {selected ? `Dòng mới sẽ được chèn sau dòng "${rowName(selected)}".` : 'Chọn một dòng để chèn dòng mới ngay sau dòng đó; nếu không, dòng mới ở cuối bảng.'}
          </Typography.Text>
        </Space>
      )}
      <Table<TaskRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: editable ? 948 : 784 }}
        rowClassName={(row) => (row.kind === 'group' ? 'task-group-row' : '')}
        rowSelection={
          editable
            ? {
                type: 'radio',
                columnTitle: <span className="sr-only">Chọn dòng</span>,
                selectedRowKeys: selectedId ? [selectedId] : [],
                onChange: (keys) => setSelectedId(keys[0] as string | undefined),
                getCheckboxProps: (row) => ({ 'aria-label': `Chọn dòng ${rowName(row)}` }),
              }
            : undefined
        }
        locale={{ emptyText: 'Kế hoạch chưa có nhiệm vụ nào' }}
      />
      <TaskFormModal open={editor.open} target={editor.target} plan={plan} units={units} askReason={askReason} onClose={editor.close} onSaved={onChanged} />
    </div>
  );
}

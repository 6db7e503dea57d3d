import { Button, Table, Typography, type TableColumnsType } from 'antd';
import { TaskStatusTag } from '../../components/status-tags';
import { formatDate, formatNumber } from '../../format';
import { taskLabel } from '../../hooks/use-plan-tasks';
import type { TaskProgress } from '../../reporting-types';

interface Props {
  tasks: readonly TaskProgress[];
  measureLabel: (measure: string) => string;
  /** Opens a task's evidence; none (a reader from outside the agency) shows the task as text. */
  onOpen?: (task: TaskProgress) => void;
}

function Targets({ task, measureLabel }: { task: TaskProgress; measureLabel: (m: string) => string }) {
  const achievedOnly = Object.entries(task.achieved).filter(([m, n]) => n !== 0 && !task.targets.some((t) => t.measure === m));
  if (task.targets.length === 0 && achievedOnly.length === 0) return <>—</>;
  return (
    <>
      {task.targets.map((t) => (
        <div key={t.measure}>
          {measureLabel(t.measure)}: {formatNumber(t.achieved)}/{formatNumber(t.quantity)}
        </div>
      ))}
      {achievedOnly.map(([m, n]) => (
        <Typography.Text type="secondary" className="evidence-note" key={m}>
          {measureLabel(m)}: {formatNumber(n)}
        </Typography.Text>
      ))}
    </>
  );
}

/** Every task with its targets against what evidence shows; a task opens its evidence. */
export function TaskProgressTable({ tasks, measureLabel, onOpen }: Props) {
  const columns: TableColumnsType<TaskProgress> = [
    {
      title: 'Nhiệm vụ',
      key: 'task',
      render: (_, task) =>
        onOpen ? (
          <Button type="link" className="link-button" onClick={() => onOpen(task)}>
            {taskLabel(task, 140)}
          </Button>
        ) : (
          taskLabel(task, 140)
        ),
    },
    { title: 'Chủ trì', dataIndex: 'leadText', width: 140, render: (text: string) => text || '—' },
    {
      title: 'Thời hạn',
      key: 'due',
      width: 130,
      render: (_, task) => (
        <>
          {task.dueText || '—'}
          {task.dueEnd && <Typography.Text type="secondary" className="due-end">Hạn: {formatDate(task.dueEnd)}</Typography.Text>}
        </>
      ),
    },
    { title: 'Chỉ tiêu / đạt được', key: 'targets', width: 230, render: (_, task) => <Targets task={task} measureLabel={measureLabel} /> },
    { title: 'Minh chứng', dataIndex: 'evidenceCount', width: 100, align: 'right' },
    { title: 'Trạng thái', dataIndex: 'status', width: 150, render: (status: TaskProgress['status']) => <TaskStatusTag status={status} /> },
  ];
  return <Table<TaskProgress> rowKey="taskId" size="small" columns={columns} dataSource={[...tasks]} pagination={false} scroll={{ x: 900 }} />;
}

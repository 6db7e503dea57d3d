import { Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { FieldChange, PlanDiff, TaskRow } from '../../../plan-types';
import { fieldLabel } from '../plan-labels';
import { describeValue } from './diff-values';

const changeColumns: TableColumnsType<FieldChange> = [
  { title: 'Trường', dataIndex: 'field', width: 180, render: fieldLabel },
  { title: 'Trước', key: 'before', render: (_, c) => <span className="diff-before">{describeValue(c.field, c.before)}</span> },
  { title: 'Sau', key: 'after', render: (_, c) => <span className="diff-after">{describeValue(c.field, c.after)}</span> },
];

function Changes({ changes }: { changes: FieldChange[] }) {
  return <Table<FieldChange> rowKey="field" size="small" columns={changeColumns} dataSource={changes} pagination={false} />;
}

function TaskList({ tasks }: { tasks: TaskRow[] }) {
  return (
    <ul className="diff-task-list">
      {tasks.map((t) => (
        <li key={t.id}>
          {t.kind === 'group' ? 'Nhóm ' : ''}
          {t.code ? `${t.code}. ` : ''}
          {t.content}
        </li>
      ))}
    </ul>
  );
}

/** What changed between two versions: plan fields, then rows added, removed and changed (before → after). */
export function PlanDiffView({ diff }: { diff: PlanDiff }) {
  const empty = !diff.fields.length && !diff.tasksAdded.length && !diff.tasksRemoved.length && !diff.tasksChanged.length;
  if (empty) return <Empty description="Hai phiên bản giống nhau" />;
  return (
    <div className="page-stack plan-diff">
      {diff.fields.length > 0 && (
        <section>
          <h2 className="diff-heading">Thông tin kế hoạch</h2>
          <Changes changes={diff.fields} />
        </section>
      )}
      {diff.tasksAdded.length > 0 && (
        <section>
          <h2 className="diff-heading">Dòng thêm mới ({diff.tasksAdded.length})</h2>
          <TaskList tasks={diff.tasksAdded} />
        </section>
      )}
      {diff.tasksRemoved.length > 0 && (
        <section>
          <h2 className="diff-heading">Dòng đã xóa ({diff.tasksRemoved.length})</h2>
          <TaskList tasks={diff.tasksRemoved} />
        </section>
      )}
      {diff.tasksChanged.length > 0 && (
        <section>
          <h2 className="diff-heading">Dòng thay đổi ({diff.tasksChanged.length})</h2>
          {diff.tasksChanged.map((t) => (
            <div key={t.id} className="diff-task">
              <Typography.Paragraph strong>{t.content}</Typography.Paragraph>
              <Changes changes={t.changes} />
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

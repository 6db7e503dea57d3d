import { AutoComplete, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { DocumentTask } from '../../../plan-types';
import { nameFilter, type UnitDirectory } from '../../../unit-names';
import { UnmatchedTag } from '../plan-tags';
import type { ReviewRow, RowWarning, TaskField } from './review-model';

interface Props {
  rows: ReviewRow[];
  warnings: Map<number, RowWarning[]>;
  units: UnitDirectory;
  /** Whether a unit name as written matches one of the agency's units or groups. */
  matched: (text: string) => boolean;
  onChange: (index: number, patch: Partial<DocumentTask>) => void;
}

/** A group row's title spans the content, lead, coop, product and deadline columns. */
const GROUP_SPAN = 5;

/** The messages of a row's warnings about `field`, under its input. */
function FieldWarnings({ list }: { list: RowWarning[] }) {
  if (!list.length) return null;
  return (
    <div className="field-warnings">
      {list.map((w) => (
        <Typography.Text key={w.message} type="warning" className="field-warning">
          {w.message}
        </Typography.Text>
      ))}
    </div>
  );
}

/** One editable cell: the input, then the warnings about its field (and the row's own, under the content). */
function Cell({ field, warnings, children }: { field: TaskField; warnings: RowWarning[]; children: (status: 'warning' | undefined) => ReactNode }) {
  const mine = warnings.filter((w) => w.field === field || (field === 'content' && w.field === null));
  return (
    <div>
      {children(mine.length ? 'warning' : undefined)}
      <FieldWarnings list={mine} />
    </div>
  );
}

/**
 * The appendix as read: group rows as headings, task rows editable in place. Every warning shows
 * on its row, under the field it is about.
 */
export function ReviewTasksTable({ rows, warnings, units, matched, onChange }: Props) {
  const taskCell = (render: (task: DocumentTask, index: number, list: RowWarning[], n: number) => ReactNode) => (_: unknown, row: ReviewRow) =>
    row.kind === 'task' ? render(row.task, row.index, warnings.get(row.index) ?? [], row.index + 1) : null;
  const spanGroup = (row: ReviewRow) => (row.kind === 'group' ? { colSpan: 0 } : {});

  const columns: TableColumnsType<ReviewRow> = [
    {
      title: 'TT',
      key: 'code',
      width: 44,
      render: (_, row) => (row.kind === 'group' ? <strong>{row.code}</strong> : (row.task.code || '-')),
    },
    {
      title: 'Nội dung, nhiệm vụ',
      key: 'content',
      width: 250,
      onCell: (row) => (row.kind === 'group' ? { colSpan: GROUP_SPAN } : {}),
      render: (_, row) =>
        row.kind === 'group' ? (
          <strong>{row.title}</strong>
        ) : (
          <Cell field="content" warnings={warnings.get(row.index) ?? []}>
            {(status) => (
              <Input.TextArea
                aria-label={`Nội dung, nhiệm vụ ${row.index + 1}`}
                value={row.task.content}
                status={status}
                autoSize={{ minRows: 1, maxRows: 6 }}
                onChange={(e) => onChange(row.index, { content: e.target.value })}
              />
            )}
          </Cell>
        ),
    },
    {
      title: 'Phòng chủ trì',
      key: 'lead',
      width: 160,
      onCell: spanGroup,
      render: taskCell((task, index, list, n) => (
        <Cell field="lead" warnings={list}>
          {(status) => (
            <>
              <AutoComplete
                aria-label={`Phòng chủ trì, nhiệm vụ ${n}`}
                value={task.lead}
                options={units.options}
                status={status}
                className="full-width"
                showSearch={{ filterOption: nameFilter }}
                onChange={(lead: string) => onChange(index, { lead })}
              />
              {!matched(task.lead) && <UnmatchedTag />}
            </>
          )}
        </Cell>
      )),
    },
    {
      title: 'Phòng phối hợp',
      key: 'coop',
      width: 170,
      onCell: spanGroup,
      render: taskCell((task, index, list, n) => (
        <Cell field="coop" warnings={list}>
          {(status) => (
            <>
              <Select
                aria-label={`Phòng phối hợp, nhiệm vụ ${n}`}
                mode="tags"
                value={task.coop}
                options={units.options}
                status={status}
                className="full-width"
                tokenSeparators={[';']}
                showSearch={{ filterOption: nameFilter }}
                onChange={(coop: string[]) => onChange(index, { coop })}
              />
              {task.coop.filter((name) => !matched(name)).map((name) => (
                <UnmatchedTag key={name} name={name} />
              ))}
            </>
          )}
        </Cell>
      )),
    },
    {
      title: 'Kết quả/sản phẩm',
      key: 'product',
      width: 130,
      onCell: spanGroup,
      render: taskCell((task, index, list, n) => (
        <Cell field="product" warnings={list}>
          {(status) => (
            <Input.TextArea
              aria-label={`Kết quả/sản phẩm, nhiệm vụ ${n}`}
              value={task.product}
              status={status}
              autoSize={{ minRows: 1, maxRows: 4 }}
              onChange={(e) => onChange(index, { product: e.target.value })}
            />
          )}
        </Cell>
      )),
    },
    {
      title: 'Thời gian hoàn thành',
      key: 'dueText',
      width: 140,
      onCell: spanGroup,
      render: taskCell((task, index, list, n) => (
        <Cell field="dueText" warnings={list}>
          {(status) => (
            <Input
              aria-label={`Thời gian hoàn thành, nhiệm vụ ${n}`}
              value={task.dueText}
              status={status}
              placeholder="Ví dụ: Quý II/2024"
              // The server reads the deadline again from the text when the plan is saved.
              onChange={(e) => onChange(index, { dueText: e.target.value, due: null })}
            />
          )}
        </Cell>
      )),
    },
  ];

  return (
    <Table<ReviewRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 894 }}
      rowClassName={(row) => (row.kind === 'group' ? 'task-group-row' : (warnings.get(row.index)?.length ? 'task-row-warning' : ''))}
      locale={{ emptyText: 'Không đọc được nhiệm vụ nào trong phụ lục' }}
    />
  );
}

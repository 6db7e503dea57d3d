import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api';
import { FormModal } from '../../../components/form-modal';
import { toYmd } from '../../../date-input';
import type { Plan, Target, TaskRow } from '../../../plan-types';
import type { UnitDirectory } from '../../../unit-names';
import type { AskReason } from './reason-prompt';
import { TaskFields } from './task-fields';

interface TaskValues {
  code?: string;
  groupCode?: string | null;
  content: string;
  lead?: string;
  coop?: string[];
  product?: string;
  targets?: Target[];
  dueText?: string;
  dueEnd?: Dayjs | null;
}

/** What the dialog edits: an existing row, or a new one of `kind` placed after `afterId`. */
export type TaskTarget = { row: TaskRow } | { kind: 'task' | 'group'; afterId?: string; groupCode: string | null };

interface Props {
  open: boolean;
  target: TaskTarget | undefined;
  plan: Plan;
  units: UnitDirectory;
  askReason: AskReason;
  onClose: () => void;
  onSaved: () => void;
}

/** "B.1" sits in "B"; top-level codes sit in no group. */
const parentCode = (code: string) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);

function initialValues(target: TaskTarget | undefined): Partial<TaskValues> {
  if (!target) return {};
  if (!('row' in target)) return { groupCode: target.groupCode ?? undefined, coop: [], targets: [] };
  const { row } = target;
  return {
    code: row.code || '',
    groupCode: row.groupCode || undefined,
    content: row.content,
    lead: row.lead.text,
    coop: row.coop.map((c) => c.text),
    product: row.product,
    targets: row.targets,
    dueText: row.dueText,
    // Only a date-kind deadline may have been picked; any other was read from the text.
    dueEnd: row.due?.kind === 'date' && row.due.end ? dayjs(row.due.end) : null,
  };
}

/** Adds or edits one row of the task table; asks for the reason first when the plan needs one. */
export function TaskFormModal({ open, target, plan, units, askReason, onClose, onSaved }: Props) {
  const row = target && 'row' in target ? target.row : undefined;
  const kind = row?.kind ?? (target && !('row' in target) ? target.kind : 'task');
  const groupOptions = plan.tasks.filter((t) => t.kind === 'group' && t.code).map((g) => ({ value: g.code!, label: `${g.code} — ${g.content}` }));

  function body(values: TaskValues) {
    const code = values.code?.trim() || null;
    if (kind === 'group') return { kind, code, groupCode: code ? parentCode(code) : null, content: values.content.trim() };
    let dueEnd: string | null | undefined;
    if (values.dueEnd) dueEnd = toYmd(values.dueEnd);
    // Cleared: let the server read the deadline from the text again.
    else if (row?.due?.kind === 'date') dueEnd = null;
    return {
      kind,
      code,
      groupCode: values.groupCode ?? null,
      content: values.content.trim(),
      lead: values.lead?.trim() ?? '',
      coop: (values.coop ?? []).map((c) => c.trim()).filter(Boolean),
      product: values.product?.trim() ?? '',
      targets: (values.targets ?? []).map((t) => ({ measure: t.measure.trim(), quantity: Number(t.quantity) })),
      dueText: values.dueText?.trim() ?? '',
      ...(dueEnd !== undefined ? { dueEnd } : {}),
    };
  }

  async function submit(values: TaskValues) {
    const reason = await askReason();
    const withReason = { ...body(values), ...(reason ? { reason } : {}) };
    if (row) return api.patch<TaskRow>(`/api/plan-tasks/${row.id}`, withReason);
    const afterId = target && !('row' in target) ? target.afterId : undefined;
    return api.post<TaskRow>(`/api/plans/${plan.id}/tasks`, { ...withReason, ...(afterId ? { afterId } : {}) });
  }

  const noun = kind === 'group' ? 'nhóm' : 'nhiệm vụ';
  return (
    <FormModal<TaskValues, TaskRow>
      title={row ? `Sửa ${noun}` : `Thêm ${noun}`}
      name="plan-task"
      open={open}
      onClose={onClose}
      initialValues={initialValues(target)}
      onSubmit={submit}
      onSaved={onSaved}
      width={kind === 'group' ? undefined : 720}
    >
      <TaskFields kind={kind} row={row} units={units} groupOptions={groupOptions} />
    </FormModal>
  );
}

import type { PlanView, TaskRowView } from './schema.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PlanDiff {
  from: number;
  to: number;
  fields: FieldChange[];
  tasksAdded: TaskRowView[];
  tasksRemoved: TaskRowView[];
  tasksChanged: { id: string; content: string; changes: FieldChange[] }[];
}

const PLAN_FIELDS = ['year', 'numberText', 'place', 'signDate', 'title', 'theme', 'status', 'basis', 'sections', 'budgetText', 'budgetLines', 'recipients', 'signer'] as const;
const TASK_FIELDS = ['kind', 'position', 'groupCode', 'code', 'content', 'lead', 'coop', 'product', 'targets', 'dueText', 'due'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-level difference between two snapshots of a plan; tasks are matched by id. */
export function diffSnapshots(a: PlanView, b: PlanView): PlanDiff {
  const fields = PLAN_FIELDS.filter((f) => !same(a[f], b[f])).map((f) => ({ field: f, before: a[f], after: b[f] }));
  const before = new Map(a.tasks.map((t) => [t.id, t]));
  const after = new Map(b.tasks.map((t) => [t.id, t]));
  const tasksChanged = b.tasks
    .filter((t) => before.has(t.id))
    .map((t) => {
      const old = before.get(t.id)!;
      return { id: t.id, content: t.content, changes: TASK_FIELDS.filter((f) => !same(old[f], t[f])).map((f) => ({ field: f, before: old[f], after: t[f] })) };
    })
    .filter((c) => c.changes.length > 0);
  return {
    from: a.revision,
    to: b.revision,
    fields,
    tasksAdded: b.tasks.filter((t) => !before.has(t.id)),
    tasksRemoved: a.tasks.filter((t) => !after.has(t.id)),
    tasksChanged,
  };
}

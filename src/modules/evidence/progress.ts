import type { Measure } from './measures.ts';

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'overdue' | 'at_risk';

export interface ProgressTask {
  id: string;
  dueEnd: string | null;
  targets: { measure: string; quantity: number }[];
}

export interface ProgressEvidence {
  date: string;
  quantities: Partial<Record<Measure, number>>;
}

export interface TaskProgress {
  status: TaskStatus;
  achieved: Record<string, number>;
  targets: { measure: string; quantity: number; achieved: number }[];
  evidenceCount: number;
  /** The day the task became done (targets met, or first evidence when it has none). */
  doneOn: string | null;
  due: boolean;
  doneOnTime: boolean;
}

/** A task due within this many days with little to show is "at risk". */
export const AT_RISK_DAYS = 14;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A task's state on `asOf` from its evidence: targets vs achieved per measure; done when every
 * target is met (a task without targets: when it has evidence and its period has ended, or it
 * is a one-off that has evidence); overdue when not done after its deadline; at risk when the
 * deadline is near and less than half of it is achieved.
 */
export function taskProgress(task: ProgressTask, evidence: ProgressEvidence[], asOf: string): TaskProgress {
  // Dates are YYYY-MM-DD: code-unit order is date order (as in the filter), and far cheaper than localeCompare.
  const relevant = evidence.filter((e) => e.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const achieved: Record<string, number> = {};
  let doneOn: string | null = null;
  for (const e of relevant) {
    for (const [m, q] of Object.entries(e.quantities)) achieved[m] = (achieved[m] ?? 0) + (q ?? 0);
    if (!doneOn && task.targets.length > 0 && task.targets.every((t) => (achieved[t.measure] ?? 0) >= t.quantity)) doneOn = e.date;
  }
  if (task.targets.length === 0 && relevant.length > 0) {
    // Without targets, a task running to the end of its period is done when that period ends.
    const first = relevant[0]!.date;
    doneOn = task.dueEnd && task.dueEnd > first ? (task.dueEnd <= asOf ? task.dueEnd : null) : first;
  }
  const due = task.dueEnd !== null && task.dueEnd <= asOf;
  const share = task.targets.length === 0 ? (relevant.length > 0 ? 0.5 : 0) : Math.min(...task.targets.map((t) => (t.quantity === 0 ? 1 : (achieved[t.measure] ?? 0) / t.quantity)));
  let status: TaskStatus;
  if (doneOn) status = 'done';
  else if (task.dueEnd && task.dueEnd < asOf) status = 'overdue';
  else if (task.dueEnd && task.dueEnd <= addDays(asOf, AT_RISK_DAYS) && share < 0.5) status = 'at_risk';
  else status = relevant.length > 0 ? 'in_progress' : 'not_started';
  return {
    status,
    achieved,
    targets: task.targets.map((t) => ({ ...t, achieved: achieved[t.measure] ?? 0 })),
    evidenceCount: relevant.length,
    doneOn,
    due,
    doneOnTime: doneOn !== null && (task.dueEnd === null || doneOn <= task.dueEnd),
  };
}

/** Tasks done by their deadline over tasks due by `asOf` (null when none is due yet). */
export function completionRate(progress: TaskProgress[]): number | null {
  const due = progress.filter((p) => p.due);
  if (due.length === 0) return null;
  return due.filter((p) => p.doneOnTime).length / due.length;
}

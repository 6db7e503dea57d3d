import { useMemo } from 'react';
import type { Plan, TaskRow } from '../plan-types';
import { useApiGet } from './use-api-get';

/** "A.1. Nội dung…" cut to a readable length. */
export function taskLabel(task: { code: string | null; content: string }, max = 90): string {
  const text = task.content.length > max ? `${task.content.slice(0, max)}…` : task.content;
  return task.code && task.code !== '-' ? `${task.code}. ${text}` : text;
}

/** A plan's task rows (groups left out) and an id → short name lookup; nothing while `planId` is unset. */
export function usePlanTasks(planId: string | undefined) {
  const { data } = useApiGet<Plan>(planId ? `/api/plans/${planId}` : null);
  return useMemo(() => {
    const tasks: TaskRow[] = data && data.id === planId ? data.tasks.filter((t) => t.kind === 'task') : [];
    const names = new Map(tasks.map((t) => [t.id, taskLabel(t)]));
    return { plan: data && data.id === planId ? data : undefined, tasks, taskName: (id: string) => names.get(id) ?? 'Nhiệm vụ khác' };
  }, [data, planId]);
}

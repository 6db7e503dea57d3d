import type { DocumentTask, ImportWarning, PlanDocument, UnitRef } from '../../../plan-types';

/** The task fields the review table edits in place. */
export type TaskField = 'content' | 'lead' | 'coop' | 'product' | 'dueText';

/** Plan fields the review form edits; a warning about one shows on its field. */
export const META_FIELDS = ['title', 'year', 'numberText', 'signDate', 'theme'] as const;
export type MetaField = (typeof META_FIELDS)[number];

export interface RowWarning {
  /** The field it is about; null for the row as a whole. */
  field: TaskField | null;
  message: string;
}

export interface ReviewWarnings {
  /** Warnings on no row or form field, for the list above the form. */
  general: ImportWarning[];
  /** Warnings on a plan field of the form. */
  meta: Partial<Record<MetaField, string[]>>;
  /** Warnings by task index (appendix.tasks[i]). */
  rows: Map<number, RowWarning[]>;
}

const TASK_PATH = /^appendix\.tasks\[(\d+)\](?:\.(\w+))?/;
const PLAN_PATH = /^plan\.(\w+)$/;

/** Server fields named by warning paths → the column that fixes them ("due" is fixed in the text). */
const TASK_FIELD_OF: Record<string, TaskField> = { content: 'content', lead: 'lead', coop: 'coop', product: 'product', dueText: 'dueText', due: 'dueText' };

const isMetaField = (name: string): name is MetaField => (META_FIELDS as readonly string[]).includes(name);

/** Missing values the review checks itself, live, instead of trusting the first reading. */
function emptyChecks(task: DocumentTask): RowWarning[] {
  const found: RowWarning[] = [];
  if (!task.content.trim()) found.push({ field: 'content', message: 'Nhiệm vụ không có nội dung.' });
  if (!task.lead.trim()) found.push({ field: 'lead', message: 'Nhiệm vụ chưa có đơn vị chủ trì.' });
  if (!task.dueText.trim()) found.push({ field: 'dueText', message: 'Nhiệm vụ chưa có thời gian hoàn thành.' });
  return found;
}

/**
 * The warnings still standing after the user's corrections. A warning about a field stands until
 * the user changes that field; empty content, lead and deadline are checked on the current values.
 */
export function reviewWarnings(original: PlanDocument, current: PlanDocument): ReviewWarnings {
  const result: ReviewWarnings = { general: [], meta: {}, rows: new Map() };
  const addRow = (i: number, w: RowWarning) => result.rows.set(i, [...(result.rows.get(i) ?? []), w]);
  const originalTasks = original.appendix?.tasks ?? [];
  const tasks = current.appendix?.tasks ?? [];

  for (const w of original.warnings) {
    const task = TASK_PATH.exec(w.path);
    if (task) {
      const i = Number(task[1]);
      const field = task[2] ? TASK_FIELD_OF[task[2]] : undefined;
      const now = tasks[i];
      if (!now) continue;
      // Emptiness is re-checked below on the current values.
      if (task[2] === 'content' || task[2] === 'lead' || task[2] === 'dueText') continue;
      if (field && JSON.stringify(now[field]) !== JSON.stringify(originalTasks[i]?.[field])) continue;
      addRow(i, { field: field ?? null, message: w.message });
      continue;
    }
    const plan = PLAN_PATH.exec(w.path);
    if (plan?.[1] && isMetaField(plan[1])) {
      const name = plan[1];
      if (current[name] === original[name]) result.meta[name] = [...(result.meta[name] ?? []), w.message];
      continue;
    }
    result.general.push(w);
  }
  tasks.forEach((t, i) => emptyChecks(t).forEach((w) => addRow(i, w)));
  return result;
}

/** Counts the warnings still standing. */
export function warningCount(w: ReviewWarnings): number {
  let n = w.general.length + Object.values(w.meta).reduce((sum, list) => sum + list.length, 0);
  for (const list of w.rows.values()) n += list.length;
  return n;
}

export type ReviewRow =
  | { key: string; kind: 'group'; code: string; title: string }
  | { key: string; kind: 'task'; index: number; task: DocumentTask };

/**
 * The appendix in reading order, as the server stores it: each group right before its first
 * task (parents first), groups without tasks at the end.
 */
export function reviewRows(appendix: PlanDocument['appendix']): ReviewRow[] {
  if (!appendix) return [];
  const rows: ReviewRow[] = [];
  const emitted = new Set<string>();
  const emitGroup = (g: { code: string; title: string }) => {
    emitted.add(g.code);
    rows.push({ key: `group-${g.code}`, kind: 'group', code: g.code, title: g.title });
  };
  appendix.tasks.forEach((task, index) => {
    if (task.group && !emitted.has(task.group)) {
      const target = appendix.groups.findIndex((g) => g.code === task.group);
      appendix.groups.forEach((g, i) => i <= target && !emitted.has(g.code) && emitGroup(g));
    }
    rows.push({ key: `task-${index}`, kind: 'task', index, task });
  });
  appendix.groups.forEach((g) => !emitted.has(g.code) && emitGroup(g));
  return rows;
}

/**
 * Whether a unit name as written matches a unit: the preview's answer for names it read, the
 * local matcher for names the user typed since.
 */
export function unitMatcher(previewUnits: readonly UnitRef[], matches: (text: string) => boolean) {
  const known = new Map(previewUnits.map((u) => [u.text, Boolean(u.unitId || u.groupId)]));
  return (text: string) => !text.trim() || (known.get(text) ?? matches(text));
}

/** A copy of the document with task `index` changed. */
export function withTask(doc: PlanDocument, index: number, patch: Partial<DocumentTask>): PlanDocument {
  if (!doc.appendix) return doc;
  const tasks = doc.appendix.tasks.map((t, i) => (i === index ? { ...t, ...patch } : t));
  return { ...doc, appendix: { ...doc.appendix, tasks } };
}

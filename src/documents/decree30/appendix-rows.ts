/**
 * The appendix task table as printed rows, shared by the DOCX and XLSX writers so that both show
 * the same table in the same order.
 */
import { foldVi } from '../../platform/vi-text.ts';
import type { PlanDocument, PlanTaskRow } from '../plan-document.ts';

type Appendix = NonNullable<PlanDocument['appendix']>;

export type AppendixField = 'tt' | 'content' | 'lead' | 'coop' | 'product' | 'due';

export interface AppendixColumn {
  title: string;
  field: AppendixField;
}

export type AppendixRow =
  | { kind: 'group'; code: string; label: string; title: string; depth: number }
  | { kind: 'task'; label: string; task: PlanTaskRow };

/** The columns of the signed Bắc Giang plan, used for whatever a plan's own columns leave out. */
export const DEFAULT_COLUMNS: readonly AppendixColumn[] = [
  { title: 'TT', field: 'tt' },
  { title: 'Nội dung, nhiệm vụ', field: 'content' },
  { title: 'Phòng chủ trì', field: 'lead' },
  { title: 'Phòng phối hợp', field: 'coop' },
  { title: 'Kết quả/sản phẩm', field: 'product' },
  { title: 'Thời gian hoàn thành', field: 'due' },
];

/** Folded words that identify a column, checked in this order ("thời gian" before "tt"). */
const FIELD_WORDS: readonly [AppendixField, RegExp][] = [
  ['lead', /chu tri/],
  ['coop', /phoi hop/],
  ['product', /ket qua|san pham/],
  ['due', /thoi gian|thoi han|\bhan\b|tien do/],
  ['content', /noi dung|nhiem vu|hoat dong/],
  ['tt', /^s?tt$|^so thu tu$/],
];

function fieldOf(title: string): AppendixField | null {
  const key = foldVi(title).replace(/[^a-z0-9/ ]/g, ' ').replace(/\s+/g, ' ').trim();
  return FIELD_WORDS.find(([, words]) => words.test(key))?.[0] ?? null;
}

/**
 * The plan's own column titles, in its order, each tied to the task field it shows. A field no
 * column names is added with its default title, so no task data is ever dropped from the print.
 */
export function appendixColumns(columns: readonly string[]): AppendixColumn[] {
  const result: AppendixColumn[] = [];
  for (const title of columns) {
    const field = fieldOf(title);
    if (field && !result.some((c) => c.field === field)) result.push({ title, field });
  }
  for (const fallback of DEFAULT_COLUMNS) {
    if (result.some((c) => c.field === fallback.field)) continue;
    if (fallback.field === 'tt') result.unshift(fallback);
    else result.push(fallback);
  }
  return result;
}

/** The text of one cell of a task row. */
export function taskCell(row: Extract<AppendixRow, { kind: 'task' }>, field: AppendixField): string {
  const { task } = row;
  switch (field) {
    case 'tt': return row.label;
    case 'content': return task.content;
    case 'lead': return task.lead;
    case 'coop': return task.coop.join(', ');
    case 'product': return task.product;
    case 'due': return task.dueText;
  }
}

/** "B.1" → ["B", "B.1"]: a group's code and its ancestors', outermost first. */
function codePath(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Group and task rows in print order. The document keeps groups and tasks apart, so the order is
 * rebuilt from the tasks: a group is printed just before its first task (its ancestors first),
 * which is where the signed plan has it. Groups without any task follow at the end, so that none
 * is lost. A group prints the last part of its code ("B.1" → "1") as the signed plan does; a task
 * without its own number prints "-".
 */
export function appendixRows(appendix: Appendix): AppendixRow[] {
  const byCode = new Map(appendix.groups.map((g) => [g.code, g]));
  const emitted = new Set<string>();
  const rows: AppendixRow[] = [];

  const emitGroup = (code: string): void => {
    for (const ancestor of codePath(code)) {
      const group = byCode.get(ancestor);
      if (!group || emitted.has(ancestor)) continue;
      emitted.add(ancestor);
      const parts = ancestor.split('.');
      rows.push({ kind: 'group', code: ancestor, label: parts[parts.length - 1] ?? ancestor, title: group.title, depth: parts.length - 1 });
    }
  };

  for (const task of appendix.tasks) {
    if (task.group !== null) emitGroup(task.group);
    rows.push({ kind: 'task', label: task.code ?? '-', task });
  }
  for (const group of appendix.groups) emitGroup(group.code);
  return rows;
}

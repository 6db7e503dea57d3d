/**
 * Turns the rows of a task table, however they were read (PDF text, DOCX table, XLSX sheet,
 * pasted tab-separated text), into groups and tasks. A numbered row with no lead, product or
 * deadline is a group heading ("B Công tác tuyên truyền"); any other row is a task. Group codes
 * join the parents' codes: "B" then "1" under it is "B.1".
 */
import type { ImportWarning, PlanDocument, PlanTaskGroup, PlanTaskRow } from '../plan-document.ts';
import { splitUnits } from './cell-kinds.ts';
import type { Column, ColumnKind } from './columns.ts';
import { parseDue } from './due-parser.ts';
import { clean } from './lines.ts';
import { labelRank, type NumberLabel } from './numbering.ts';

type Appendix = NonNullable<PlanDocument['appendix']>;

export interface RawRow {
  /** The TT label; null when the row has none. */
  label: NumberLabel | null;
  /** Cell texts by meaning; several lines of a cell are joined with "\n". */
  cells: Partial<Record<ColumnKind, string>>;
}

interface OpenGroup {
  code: string;
  label: string;
  rank: number;
}

function hasData(row: RawRow): boolean {
  return ['lead', 'coop', 'product', 'due'].some((k) => clean(row.cells[k as ColumnKind] ?? '') !== '');
}

/** "1.1" under "1" (code "B.1") → "B.1.1"; "2" under "B" → "B.2". */
function childCode(parent: OpenGroup | undefined, label: string): string {
  if (!parent) return label;
  const own = label.startsWith(`${parent.label}.`) ? label.slice(parent.label.length + 1) : label;
  return `${parent.code}.${own}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

export function buildAppendix(
  title: string,
  columns: readonly Column[],
  rows: readonly RawRow[],
  year: number | null,
): { appendix: Appendix; warnings: ImportWarning[] } {
  const groups: PlanTaskGroup[] = [];
  const tasks: PlanTaskRow[] = [];
  const warnings: ImportWarning[] = [];
  const stack: OpenGroup[] = [];
  const seen = new Map<string, string>();
  const hasDue = columns.some((c) => c.kind === 'due');

  const checkDuplicate = (scope: string, label: NumberLabel, path: string): void => {
    const key = `${scope}|${label.kind}|${label.label}`;
    const first = seen.get(key);
    if (first) {
      warnings.push({ path, message: `Số thứ tự "${label.label}" bị trùng${scope ? ` trong nhóm ${scope}` : ''} (đã có ở ${first}).` });
    } else {
      seen.set(key, path);
    }
  };

  for (const row of rows) {
    const label = row.label && row.label.kind !== 'dash' ? row.label : null;
    const content = clean(row.cells.content ?? '');
    if (label) {
      const rank = labelRank(label);
      while (stack.length && (stack[stack.length - 1]?.rank ?? 0) >= rank) stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (label && !hasData(row)) {
      const code = childCode(parent, label.label);
      const path = `appendix.groups[${groups.length}]`;
      checkDuplicate(parent?.code ?? '', label, path);
      groups.push({ code, title: content });
      stack.push({ code, label: label.label, rank: labelRank(label) });
      continue;
    }
    const i = tasks.length;
    const path = `appendix.tasks[${i}]`;
    if (label) checkDuplicate(parent?.code ?? '', label, `${path}.code`);
    const leads = splitUnits(row.cells.lead ?? '');
    const dueText = clean(row.cells.due ?? '');
    const due = dueText ? parseDue(dueText, year ? { year } : {}) : null;
    const task: PlanTaskRow = {
      group: parent?.code ?? null,
      ...(label ? { code: label.label } : {}),
      content,
      lead: leads[0] ?? '',
      coop: unique([...leads.slice(1), ...splitUnits(row.cells.coop ?? '')]),
      product: clean(row.cells.product ?? ''),
      dueText,
      due,
    };
    tasks.push(task);
    if (!task.content) warnings.push({ path: `${path}.content`, message: 'Nhiệm vụ không có nội dung.' });
    if (!task.lead) warnings.push({ path: `${path}.lead`, message: 'Nhiệm vụ chưa có đơn vị chủ trì.' });
    if (!dueText && hasDue) warnings.push({ path: `${path}.dueText`, message: 'Nhiệm vụ chưa có thời gian hoàn thành.' });
    else if (dueText && !due) warnings.push({ path: `${path}.due`, message: `Không hiểu được thời hạn "${dueText}"; đã giữ nguyên văn, cần chọn lại thời hạn.` });
  }
  if (!hasDue) warnings.push({ path: 'appendix.columns', message: 'Bảng nhiệm vụ không có cột thời gian hoàn thành.' });
  if (tasks.length === 0) warnings.push({ path: 'appendix.tasks', message: 'Phụ lục không có nhiệm vụ nào.' });
  return { appendix: { title, columns: columns.map((c) => c.title), groups, tasks }, warnings };
}

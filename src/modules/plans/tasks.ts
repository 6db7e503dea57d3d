import type { PlanTaskTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { parseDue } from '../../documents/import/due-parser.ts';
import type { ParsedDue, PlanDocument } from '../../documents/plan-document.ts';
import type { OrgService } from '../org/service.ts';
import { parseProductKinds } from './product-kinds.ts';

/** Warnings kept on a task row until someone fixes the cause. */
export const TASK_FLAGS = {
  lead_unmatched: 'Đơn vị chủ trì không khớp với đơn vị nào của cơ quan',
  coop_unmatched: 'Có đơn vị phối hợp không khớp với đơn vị nào của cơ quan',
  no_lead: 'Chưa có đơn vị chủ trì',
  due_unparsed: 'Không hiểu được thời hạn; hãy chọn ngày',
  no_due: 'Chưa có thời hạn',
} as const;

export interface TaskFields {
  kind: 'group' | 'task';
  groupCode: string | null;
  code: string | null;
  content: string;
  lead: string;
  coop: string[];
  product: string;
  targets: { measure: string; quantity: number }[];
  dueText: string;
  /** A deadline the user chose when the text cannot be parsed; wins over the text. */
  dueEnd?: string | null;
}

/**
 * Builds task rows ready to store: unit names resolved to units or groups (unmatched kept as
 * text and flagged), deadline parsed from the written text, product kinds read from the text.
 */
export async function buildTaskRows(org: OrgService, agencyId: string, planId: string, year: number, fields: TaskFields[], firstPosition = 0): Promise<PlanTaskTable[]> {
  const names = [...new Set(fields.flatMap((f) => [f.lead, ...f.coop]).filter(Boolean))];
  const matches = new Map((await org.matchUnitNames(agencyId, names)).map((m) => [m.text, m]));
  const ref = (text: string) => matches.get(text) ?? { text, unitId: null, groupId: null };
  const now = nowIso();
  return fields.map((f, i) => {
    const flags: string[] = [];
    const lead = f.lead ? ref(f.lead) : { text: '', unitId: null, groupId: null };
    const coop = f.coop.map(ref);
    let due: ParsedDue | null = null;
    if (f.kind === 'task') {
      if (!f.lead) flags.push('no_lead');
      else if (!lead.unitId && !lead.groupId) flags.push('lead_unmatched');
      if (coop.some((c) => !c.unitId && !c.groupId)) flags.push('coop_unmatched');
      // A date the user picked is marked manual, so later edits of other fields keep it.
      due = f.dueEnd ? ({ kind: 'date', date: f.dueEnd, end: f.dueEnd, manual: true } as ParsedDue) : f.dueText ? parseDue(f.dueText, { year }) : null;
      if (!f.dueText && !f.dueEnd) flags.push('no_due');
      else if (!due) flags.push('due_unparsed');
    }
    return {
      id: newId(),
      agency_id: agencyId,
      plan_id: planId,
      kind: f.kind,
      position: firstPosition + i,
      group_code: f.groupCode,
      code: f.code,
      content: f.content,
      lead_text: lead.text,
      lead_unit_id: lead.unitId,
      lead_group_id: lead.groupId,
      coop: JSON.stringify(coop),
      product: f.product,
      product_kinds: JSON.stringify(f.kind === 'task' ? parseProductKinds(f.product) : []),
      targets: JSON.stringify(f.targets),
      due_text: f.dueText,
      due: due ? JSON.stringify(due) : null,
      due_end: due?.end ?? null,
      flags: JSON.stringify(flags),
      created_at: now,
      updated_at: now,
    };
  });
}

/**
 * The appendix of a document as rows in reading order: each group row comes right before its
 * first task (parents before children), groups without tasks at the end.
 */
export function appendixRows(appendix: NonNullable<PlanDocument['appendix']>): TaskFields[] {
  const rows: TaskFields[] = [];
  const emitted = new Set<string>();
  // Groups listed before a task's group are its ancestors or earlier siblings: all precede it.
  const emitGroupsUpTo = (code: string) => {
    const target = appendix.groups.findIndex((g) => g.code === code);
    appendix.groups.forEach((g, i) => {
      if (i > target || emitted.has(g.code)) return;
      emitted.add(g.code);
      rows.push(groupRow(g));
    });
  };
  for (const t of appendix.tasks) {
    if (t.group && !emitted.has(t.group)) emitGroupsUpTo(t.group);
    rows.push({ kind: 'task', groupCode: t.group, code: t.code ?? null, content: t.content, lead: t.lead, coop: t.coop, product: t.product, targets: [], dueText: t.dueText });
  }
  for (const g of appendix.groups) if (!emitted.has(g.code)) rows.push(groupRow(g));
  return rows;
}

function groupRow(g: { code: string; title: string }): TaskFields {
  const parent = g.code.includes('.') ? g.code.slice(0, g.code.lastIndexOf('.')) : null;
  return { kind: 'group', groupCode: parent, code: g.code, content: g.title, lead: '', coop: [], product: '', targets: [], dueText: '' };
}

import type { PlanTable, PlanTaskTable } from '../../db/types.ts';
import type { ParsedDue, PlanDocument } from '../../documents/plan-document.ts';
import type { PlanView, TaskRowView } from './schema.ts';

type UnitRef = TaskRowView['lead'];

const parse = <T>(json: string | null, fallback: T): T => (json ? (JSON.parse(json) as T) : fallback);

export function taskView(t: PlanTaskTable): TaskRowView {
  return {
    id: t.id,
    kind: t.kind,
    position: t.position,
    groupCode: t.group_code,
    code: t.code,
    content: t.content,
    lead: { text: t.lead_text, unitId: t.lead_unit_id, groupId: t.lead_group_id },
    coop: parse<UnitRef[]>(t.coop, []),
    product: t.product,
    productKinds: parse<string[]>(t.product_kinds, []),
    targets: parse(t.targets, []),
    dueText: t.due_text,
    due: parse<ParsedDue | null>(t.due, null) as TaskRowView['due'],
    flags: parse<string[]>(t.flags, []),
  };
}

export function planView(p: PlanTable, tasks: PlanTaskTable[], originalFile: PlanView['originalFile']): PlanView {
  return {
    id: p.id,
    year: p.year,
    docType: p.doc_type,
    numberText: p.number_text,
    numberSuffix: p.number_suffix,
    place: p.place,
    signDate: p.sign_date,
    title: p.title,
    theme: p.theme,
    status: p.status,
    issuer: p.issuer,
    province: p.province,
    basis: parse(p.basis, []),
    sections: parse(p.sections, []),
    budgetText: p.budget_text,
    budgetLines: parse(p.budget_lines, []),
    recipients: parse(p.recipients, []),
    signer: parse(p.signer, null),
    channels: parse(p.channels, []),
    indices: parse(p.indices, []),
    appendixTitle: p.appendix_title,
    appendixColumns: parse(p.appendix_columns, []),
    originalFile,
    revision: p.revision,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    tasks: tasks.map(taskView),
  };
}

/** The stored plan as a document, for the Decree 30 writer, the XLSX writer and revisions. */
export function planDocumentOf(plan: PlanView): PlanDocument {
  const groups = plan.tasks.filter((t) => t.kind === 'group');
  const tasks = plan.tasks.filter((t) => t.kind === 'task');
  return {
    docType: 'KH',
    title: plan.title,
    year: plan.year,
    issuer: plan.issuer,
    parentAgency: null,
    province: plan.province,
    numberText: plan.numberText,
    numberSuffix: plan.numberSuffix,
    place: plan.place,
    signDate: plan.signDate,
    basis: plan.basis as PlanDocument['basis'],
    theme: plan.theme,
    sections: plan.sections as PlanDocument['sections'],
    budgetText: plan.budgetText,
    budgetLines: plan.budgetLines as PlanDocument['budgetLines'],
    recipients: plan.recipients,
    signer: plan.signer as PlanDocument['signer'],
    channels: plan.channels,
    indices: plan.indices,
    appendix:
      plan.tasks.length === 0 && !plan.appendixTitle
        ? null
        : {
            title: plan.appendixTitle ?? '',
            columns: plan.appendixColumns,
            groups: groups.map((g) => ({ code: g.code ?? '', title: g.content })),
            tasks: tasks.map((t) => ({
              group: t.groupCode,
              ...(t.code ? { code: t.code } : {}),
              content: t.content,
              lead: t.lead.text,
              coop: t.coop.map((c) => c.text),
              product: t.product,
              dueText: t.dueText,
              due: t.due as ParsedDue | null,
            })),
          },
    warnings: [],
  };
}

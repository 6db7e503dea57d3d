import { Type, type Static } from 'typebox';
import type { ReportDocument } from '../../documents/report-document.ts';

/**
 * What a coordinator may change in a draft report: its words — units' difficulties and
 * proposals as consolidated, the tasks for the next period, recipients, signer, the reference
 * to the plan. Never a figure: numbers come from evidence only.
 */
export const DraftEdits = Type.Object(
  {
    planReference: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    units: Type.Optional(Type.Array(Type.Object({ name: Type.String({ maxLength: 200 }), difficulties: Type.String({ maxLength: 20_000 }), proposals: Type.String({ maxLength: 20_000 }) }), { maxItems: 200 })),
    nextTasks: Type.Optional(Type.Array(Type.Object({ content: Type.String({ minLength: 1, maxLength: 5000 }), lead: Type.String({ maxLength: 300 }), dueText: Type.String({ maxLength: 200 }) }), { maxItems: 500 })),
    recipients: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 50 })),
    signer: Type.Optional(Type.Union([Type.Null(), Type.Object({ authority: Type.Union([Type.Null(), Type.String({ maxLength: 100 })]), title: Type.String({ maxLength: 200 }), name: Type.String({ maxLength: 200 }) })])),
  },
  { additionalProperties: false },
);

export type DraftEditsValue = Static<typeof DraftEdits>;

/** The computed document with the coordinator's words laid over it. */
export function applyDraftEdits(document: ReportDocument, edits: DraftEditsValue | undefined): ReportDocument {
  if (!edits) return document;
  return {
    ...document,
    ...(edits.planReference !== undefined ? { planReference: edits.planReference } : {}),
    ...(edits.units !== undefined ? { units: edits.units.map((u) => ({ ...u, status: document.units.find((d) => d.name === u.name)?.status ?? 'edited' })) } : {}),
    ...(edits.nextTasks !== undefined ? { nextTasks: edits.nextTasks } : {}),
    ...(edits.recipients !== undefined ? { recipients: edits.recipients } : {}),
    ...(edits.signer !== undefined ? { signer: edits.signer } : {}),
  };
}

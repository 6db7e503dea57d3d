// Shapes of the plans API (server: src/modules/plans/schema.ts, src/documents/plan-document.ts).

export type PlanStatus = 'draft' | 'approved' | 'in_force' | 'closed';

export interface PlanSummary {
  id: string;
  year: number;
  numberText: string | null;
  title: string;
  status: PlanStatus;
  taskCount: number;
  revision: number;
  updatedAt: string;
}

/** A unit name as written, resolved to a unit or a unit group when one matches. */
export interface UnitRef {
  text: string;
  unitId: string | null;
  groupId: string | null;
}

export interface Target {
  measure: string;
  quantity: number;
}

/** A deadline as understood; `end` (YYYY-MM-DD) is the last day it allows. */
export interface Due {
  kind: string;
  end: string | null;
  [detail: string]: unknown;
}

export type TaskFlag = 'lead_unmatched' | 'coop_unmatched' | 'no_lead' | 'due_unparsed' | 'no_due';

export interface TaskRow {
  id: string;
  kind: 'group' | 'task';
  position: number;
  groupCode: string | null;
  code: string | null;
  content: string;
  lead: UnitRef;
  coop: UnitRef[];
  product: string;
  productKinds: string[];
  targets: Target[];
  dueText: string;
  due: Due | null;
  flags: string[];
}

export interface BasisRef {
  text: string;
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

export interface PlanSection {
  number: string;
  heading: string;
  paragraphs: string[];
  children: PlanSection[];
}

export interface Signer {
  authority: string | null;
  title: string;
  name: string;
}

export interface Plan {
  id: string;
  year: number;
  docType: string;
  numberText: string | null;
  numberSuffix: string | null;
  place: string | null;
  signDate: string | null;
  title: string;
  theme: string | null;
  status: PlanStatus;
  issuer: string | null;
  province: string | null;
  basis: BasisRef[];
  sections: PlanSection[];
  budgetText: string | null;
  budgetLines: unknown[];
  recipients: string[];
  signer: Signer | null;
  channels: string[];
  indices: string[];
  appendixTitle: string | null;
  appendixColumns: string[];
  originalFile: { id: string; name: string; size: number; mime: string } | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  tasks: TaskRow[];
}

export interface Revision {
  id: string;
  number: number;
  reason: string;
  actorName: string;
  createdAt: string;
}

/** What changed between two revisions: the server's own shape. */
export type { FieldChange } from '../../../src/modules/plans/diff';
import type { FieldChange } from '../../../src/modules/plans/diff';

export interface PlanDiff {
  from: number;
  to: number;
  fields: FieldChange[];
  tasksAdded: TaskRow[];
  tasksRemoved: TaskRow[];
  tasksChanged: { id: string; content: string; changes: FieldChange[] }[];
}

// ---- import ------------------------------------------------------------------------------

// The imported document is the server's own type: one definition, so client and server never drift.
import type { PlanDocument, PlanTaskRow } from '../../../src/documents/plan-document';
export type { ImportWarning, PlanDocument } from '../../../src/documents/plan-document';
export type DocumentTask = PlanTaskRow;

export interface ImportFile {
  name: string;
  mime?: string;
  base64: string;
}

export interface ImportPreview {
  document: PlanDocument;
  units: UnitRef[];
}

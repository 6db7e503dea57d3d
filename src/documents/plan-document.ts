/**
 * The plan as a document: what importers produce and the Decree 30 writer consumes. It is
 * independent of the database (the plans module maps it to and from its tables), so the
 * importers and writers can be tested on documents alone.
 */

/** A deadline as written and as understood. `end` is the last day it allows (YYYY-MM-DD). */
export type ParsedDue =
  | { kind: 'date'; date: string; end: string }
  | { kind: 'month'; year: number; month: number; end: string }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4; end: string }
  | { kind: 'half'; year: number; half: 1 | 2; end: string }
  | { kind: 'year'; year: number; end: string }
  | { kind: 'recurring'; every: 'continuous' | 'month' | 'quarter' | 'half' | 'year'; year?: number; end: string | null };

/** A legal basis reference ("Căn cứ …"). */
export interface BasisRef {
  text: string;
  /** Document type word as written: "Kế hoạch", "Quyết định", "Nghị định", "Chỉ thị", … */
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

/** A numbered heading with its body; children are the next numbering level (I → 1 → a → -). */
export interface PlanSection {
  /** The label as written without punctuation: "I", "1", "1.1", "a", "-". */
  number: string;
  heading: string;
  /** Body paragraphs under the heading, before the first child. Plain text, one per paragraph. */
  paragraphs: string[];
  children: PlanSection[];
}

export interface BudgetLine {
  item: string;
  amount: number | null;
  source: string | null;
}

export interface PlanTaskGroup {
  /** Hierarchical code: "A", "B", "B.1", "I", "I.2" … (parent codes joined with "."). */
  code: string;
  title: string;
}

export interface PlanTaskRow {
  /** Code of the group the task sits in; null at top level. */
  group: string | null;
  /** TT as written, if the row has its own number ("A", "1", "-" rows have none). */
  code?: string;
  content: string;
  lead: string;
  coop: string[];
  product: string;
  dueText: string;
  due: ParsedDue | null;
}

export interface ImportWarning {
  /** Where it applies: "plan.signDate", "appendix.tasks[3].due", "appendix", … */
  path: string;
  message: string;
}

export interface PlanDocument {
  docType: 'KH';
  title: string;
  year: number | null;
  /** Issuing agency as named in the document ("Ban Dân tộc"). */
  issuer: string | null;
  /** Parent agency line of the header ("UBND TỈNH BẮC GIANG"), if the document has one. */
  parentAgency: string | null;
  province: string | null;
  /** "05/KH-BDT", or "/KH-BDT" while the number is blank. */
  numberText: string | null;
  /** "KH-BDT". */
  numberSuffix: string | null;
  place: string | null;
  signDate: string | null;
  basis: BasisRef[];
  theme: string | null;
  sections: PlanSection[];
  budgetText: string | null;
  budgetLines: BudgetLine[];
  recipients: string[];
  signer: { authority: string | null; title: string; name: string } | null;
  /** Communication channels the plan names (Cổng Thông tin điện tử, Facebook, Zalo, …). */
  channels: string[];
  /** Indices the plan names (PAR INDEX, PCI, PAPI, SIPAS). */
  indices: string[];
  appendix: {
    title: string;
    columns: string[];
    groups: PlanTaskGroup[];
    tasks: PlanTaskRow[];
  } | null;
  warnings: ImportWarning[];
}

import { Type, type Static } from 'typebox';
import { ProcedureData } from './procedure-data.ts';
import { IsoDate } from '../../platform/iso-date.ts';

const Id = Type.String({ maxLength: 64 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([Type.Null(), t]);

export const Field = Type.Object({ id: Id, name: Type.String(), slug: Type.String(), procedureCount: Type.Integer() });
export type FieldView = Static<typeof Field>;

export const VersionSummary = Type.Object({
  versionNo: Type.Integer(),
  effectiveFrom: IsoDate,
  effectiveTo: Type.Union([Type.Null(), IsoDate]),
  /** 'catalog' (entered, imported or corrected) or the change kind of the decision. */
  origin: Type.String(),
  decision: Type.Union([Type.Null(), Type.Object({ id: Id, numberSymbol: Type.String(), signedOn: IsoDate })]),
  name: Type.String(),
});

export const ProcedureSummary = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  fieldSlug: Type.String(),
  level: Type.String(),
  onlineLevel: Type.Union([Type.Null(), Type.String()]),
  effectiveFrom: IsoDate,
  versionNo: Type.Integer(),
  /** False when abolished (or not yet in force) on the date asked. */
  current: Type.Boolean(),
  isDemo: Type.Boolean(),
});
export type ProcedureSummaryView = Static<typeof ProcedureSummary>;

export const ProcessStep = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 500 }),
  responsible: Type.String({ minLength: 1, maxLength: 300 }),
  unitId: Type.Optional(Nullable(Id)),
  hours: Type.Number({ minimum: 0, maximum: 10_000 }),
});
export type ProcessStepInput = Static<typeof ProcessStep>;

export const ProcessCheck = Type.Object({
  totalHours: Type.Number(),
  /** Working days at 8 hours a day. */
  totalDays: Type.Number(),
  legalDays: Type.Union([Type.Null(), Type.Number()]),
  /** Null when the legal time is not a number; false when the steps take longer than the law allows. */
  withinLegalTime: Type.Union([Type.Null(), Type.Boolean()]),
});

export const Procedure = Type.Object({
  ...ProcedureSummary.properties,
  data: ProcedureData,
  versions: Type.Array(VersionSummary),
  process: Type.Array(Type.Object({ ...ProcessStep.properties, unitId: Type.Union([Type.Null(), Id]) })),
  processCheck: ProcessCheck,
});
export type ProcedureView = Static<typeof Procedure>;

export const ProcedureQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  field: Type.Optional(Type.String({ maxLength: 120 })),
  level: Type.Optional(Type.String({ maxLength: 100 })),
  onlineLevel: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Literal('none')])),
  /** The catalog as it stood on that day; today by default. */
  asOf: Type.Optional(IsoDate),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type ProcedureQueryInput = Static<typeof ProcedureQuery>;

export const CatalogImportInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 300 }),
  base64: Type.String({ minLength: 1 }),
  /** The day the imported texts are in force from; today by default. */
  effectiveFrom: Type.Optional(IsoDate),
  /** Import the good rows and leave the bad ones (otherwise nothing is written while any row is bad). */
  skipBadRows: Type.Optional(Type.Boolean()),
  /** Only check and report. */
  dryRun: Type.Optional(Type.Boolean()),
});

export const CatalogImportReport = Type.Object({
  format: Type.String(),
  written: Type.Boolean(),
  created: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  fileProblems: Type.Array(Type.String()),
  rows: Type.Array(Type.Object({ row: Type.Integer(), code: Type.Union([Type.Null(), Type.String()]), problems: Type.Array(Type.Object({ column: Type.Union([Type.Null(), Type.String()]), message: Type.String() })) })),
});
export type CatalogImportReportView = Static<typeof CatalogImportReport>;

export const DecisionItem = Type.Object({
  changeKind: Type.Union([Type.Literal('new'), Type.Literal('amended'), Type.Literal('replaced'), Type.Literal('abolished')]),
  /** The procedure's code (for 'replaced': the new procedure's code). */
  code: Type.String({ minLength: 1, maxLength: 60 }),
  /** For 'replaced': the code of the procedure it replaces. */
  replacesCode: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  /** For new / amended / replaced: the procedure as announced. */
  data: Type.Optional(Type.Union([Type.Null(), ProcedureData])),
});
export type DecisionItemInput = Static<typeof DecisionItem>;

export const DecisionInput = Type.Object({
  numberSymbol: Type.String({ minLength: 1, maxLength: 100 }),
  issuer: Type.String({ minLength: 1, maxLength: 300 }),
  signedOn: IsoDate,
  effectiveOn: IsoDate,
  fileId: Type.Optional(Nullable(Id)),
  items: Type.Array(DecisionItem, { minItems: 1, maxItems: 500 }),
  /** Plan tasks on disclosing procedures: applying the decision records evidence on them. */
  taskIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
});
export type DecisionInputBody = Static<typeof DecisionInput>;

export const Decision = Type.Object({
  id: Id,
  numberSymbol: Type.String(),
  issuer: Type.String(),
  signedOn: IsoDate,
  effectiveOn: IsoDate,
  status: Type.Union([Type.Literal('draft'), Type.Literal('applied')]),
  postingDueOn: IsoDate,
  postedOn: Type.Union([Type.Null(), IsoDate]),
  /** Not posted and past its legal posting deadline. */
  postingOverdue: Type.Boolean(),
  appliedAt: Type.Union([Type.Null(), Type.String()]),
  taskIds: Type.Array(Type.String()),
  planId: Type.Union([Type.Null(), Type.String()]),
  items: Type.Array(Type.Object({ changeKind: Type.String(), code: Type.String(), replacesCode: Type.Union([Type.Null(), Type.String()]), name: Type.String(), data: Type.Union([Type.Null(), ProcedureData]) })),
  file: Type.Union([Type.Null(), Type.Object({ fileId: Id, name: Type.String(), mime: Type.String(), size: Type.Integer() })]),
  isDemo: Type.Boolean(),
});
export type DecisionView = Static<typeof Decision>;

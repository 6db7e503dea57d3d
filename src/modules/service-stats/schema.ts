import { Type, type Static } from 'typebox';

// Null first: with coerceTypes, Ajv would otherwise turn null into "" for string members.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

/** YYYY-MM */
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Tháng, dạng YYYY-MM' });
const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

export const Figures = Type.Object({
  carriedOver: Count,
  receivedOnline: Count,
  receivedInPerson: Count,
  receivedPostal: Count,
  settledEarly: Count,
  settledOnTime: Count,
  settledLate: Count,
  pendingWithin: Count,
  pendingOverdue: Count,
  returned: Count,
  withdrawn: Count,
});

/** One month's figures for a procedure (by code) or, when the source has no breakdown, for a field. */
export const ResultInput = Type.Object({
  month: Month,
  procedureCode: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  fieldId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  ...Figures.properties,
});
export type ResultInputBody = Static<typeof ResultInput>;

const IndicatorProps = {
  received: Type.Integer(),
  settled: Type.Integer(),
  pending: Type.Integer(),
  /** (early + on time) / settled; null when nothing was settled. */
  onTimeRate: Rate,
  /** received online / received; null when nothing was received. */
  onlineRate: Rate,
  /** settled + pending + returned + withdrawn = carried over + received. */
  balanced: Type.Boolean(),
  difference: Type.Integer(),
};

export const Result = Type.Object({
  id: Type.String(),
  month: Month,
  procedureCode: Nullable(Type.String()),
  procedureName: Nullable(Type.String()),
  fieldId: Nullable(Type.String()),
  fieldName: Nullable(Type.String()),
  figures: Figures,
  ...IndicatorProps,
  source: Type.Union([Type.Literal('manual'), Type.Literal('import')]),
  isDemo: Type.Boolean(),
  updatedAt: Type.String(),
});
export type ResultView = Static<typeof Result>;

export const ResultQuery = Type.Object({
  from: Type.Optional(Month),
  to: Type.Optional(Month),
  fieldId: Type.Optional(Type.String({ maxLength: 64 })),
  procedureCode: Type.Optional(Type.String({ maxLength: 60 })),
});
export type ResultQueryValue = Static<typeof ResultQuery>;

export const RangeQuery = Type.Object({ from: Type.Optional(Month), to: Type.Optional(Month) });

/** Totals and rates of a group (a month, a field, a procedure, the whole range). */
export const Stat = Type.Object({
  /** The month (YYYY-MM), field id or procedure code; 'total' for the range. */
  key: Type.String(),
  label: Type.String(),
  figures: Figures,
  ...IndicatorProps,
  /** Rows behind it, and how many of them do not add up. */
  rows: Type.Integer(),
  unbalancedRows: Type.Integer(),
});
export type StatView = Static<typeof Stat>;

export const Summary = Type.Object({
  from: Month,
  to: Month,
  /** Every month of the range, empty ones included (figures 0, rates null). */
  months: Type.Array(Stat),
  /** The range: flows added up, stocks from the first and last month (see rates.ts periodFigures). */
  total: Stat,
  byField: Type.Array(Stat),
  byProcedure: Type.Array(Stat),
  hasDemo: Type.Boolean(),
});
export type SummaryView = Static<typeof Summary>;

export const ImportInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 300 }),
  base64: Type.String({ minLength: 1 }),
  /** The month of rows that have none (no Tháng column). */
  month: Type.Optional(Month),
  /** Write the good rows even when others have errors. */
  skipBadRows: Type.Optional(Type.Boolean()),
});
export type ImportInputBody = Static<typeof ImportInput>;

export const ImportIssue = Type.Object({ row: Nullable(Type.Integer()), column: Nullable(Type.String()), message: Type.String() });

export const ImportReport = Type.Object({
  fileName: Type.String(),
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]),
  sheet: Nullable(Type.Integer()),
  headerRow: Nullable(Type.Integer()),
  columns: Type.Array(Type.Object({ column: Type.String(), header: Type.String(), key: Nullable(Type.String()), label: Nullable(Type.String()) })),
  /** True when something was written (a clean file, or skipBadRows with good rows). */
  written: Type.Boolean(),
  /** True when the file has no error at all. */
  clean: Type.Boolean(),
  skipBadRows: Type.Boolean(),
  dataRows: Type.Integer(),
  goodRows: Type.Integer(),
  badRows: Type.Integer(),
  skippedRows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  /** Rows written whose figures do not add up (flagged, not corrected). */
  unbalanced: Type.Integer(),
  months: Type.Array(Month),
  errors: Type.Array(ImportIssue),
  warnings: Type.Array(ImportIssue),
});
export type ImportReportView = Static<typeof ImportReport>;

export const PublishInput = Type.Object({ month: Month });

export const PublishReport = Type.Object({
  month: Month,
  rows: Type.Integer(),
  /** The public page of the month. */
  path: Type.String(),
  evidenceRecorded: Type.Boolean(),
  evidenceId: Nullable(Type.String()),
  planId: Nullable(Type.String()),
  taskIds: Type.Array(Type.String()),
  /** Why no evidence was recorded, or what was recorded (Vietnamese). */
  message: Type.String(),
});
export type PublishReportView = Static<typeof PublishReport>;

export const Vocabulary = Type.Object({
  fields: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), required: Type.Boolean() })),
  /** The import template, in Vietnamese Markdown. */
  templateMarkdown: Type.String(),
});

import { Type, type Static } from 'typebox';
import { IsoDate } from '../../platform/iso-date.ts';

// Null first: with coerceTypes, Ajv would otherwise turn null into "" for string members.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const EvidenceKind = Type.Union([Type.Literal('article'), Type.Literal('social_post'), Type.Literal('event'), Type.Literal('procedure'), Type.Literal('document'), Type.Literal('other')]);
/** measure → quantity; unknown measures and negative numbers are refused by the service with a clear message. */
export const Quantities = Type.Record(Type.String({ maxLength: 40 }), Type.Number());

export const Evidence = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  kind: Type.String(),
  date: Type.String(),
  unitId: Nullable(Type.String()),
  title: Type.String(),
  description: Nullable(Type.String()),
  link: Nullable(Type.String()),
  quantities: Type.Record(Type.String(), Type.Number()),
  taskIds: Type.Array(Type.String()),
  files: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer(), mime: Type.String() })),
  source: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  status: Type.Union([Type.Literal('active'), Type.Literal('withdrawn')]),
  withdrawnAt: Nullable(Type.String()),
  withdrawnReason: Nullable(Type.String()),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
});

export const EvidenceInput = Type.Object(
  {
    planId: Type.String({ maxLength: 64 }),
    taskIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
    kind: EvidenceKind,
    date: IsoDate,
    unitId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    link: Type.Optional(Nullable(Type.String({ maxLength: 1000, pattern: '^https?://' }))),
    quantities: Type.Optional(Quantities),
    files: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 300 }), mime: Type.Optional(Type.String({ maxLength: 200 })), base64: Type.String() }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const EvidenceQuery = Type.Object({
  planId: Type.Optional(Type.String()),
  taskId: Type.Optional(Type.String()),
  unitId: Type.Optional(Type.String()),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  includeWithdrawn: Type.Optional(Type.Boolean()),
});

export const TaskProgressView = Type.Object({
  taskId: Type.String(),
  code: Nullable(Type.String()),
  content: Type.String(),
  leadUnitId: Nullable(Type.String()),
  leadText: Type.String(),
  dueText: Type.String(),
  dueEnd: Nullable(Type.String()),
  status: Type.String(),
  achieved: Type.Record(Type.String(), Type.Number()),
  targets: Type.Array(Type.Object({ measure: Type.String(), quantity: Type.Number(), achieved: Type.Number() })),
  evidenceCount: Type.Integer(),
  doneOn: Nullable(Type.String()),
});

export const PlanProgress = Type.Object({
  planId: Type.String(),
  asOf: Type.String(),
  completionRate: Nullable(Type.Number()),
  tasksDue: Type.Integer(),
  tasksDoneOnTime: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  totals: Type.Record(Type.String(), Type.Number()),
  tasks: Type.Array(TaskProgressView),
  units: Type.Array(Type.Object({ unitId: Type.String(), name: Type.String(), tasks: Type.Integer(), done: Type.Integer(), overdue: Type.Integer(), evidence: Type.Integer() })),
  months: Type.Array(Type.Object({ month: Type.String(), evidence: Type.Integer(), totals: Type.Record(Type.String(), Type.Number()) })),
});

export type EvidenceInputValue = Static<typeof EvidenceInput>;
export type EvidenceView = Static<typeof Evidence>;

import { Type, type Static } from 'typebox';
import { EVENT_KIND_CODES, type EventKind as EventKindCode } from './vocabulary.ts';
import { IsoDate } from '../../platform/iso-date.ts';

// Null first: with coerceTypes, Ajv would otherwise turn null into "" for string members.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const Id = Type.String({ maxLength: 64 });

// The cast keeps the static type a union of the codes (a mapped array would type as never).
export const EventKind = Type.Union(EVENT_KIND_CODES.map((k) => Type.Literal(k)) as [ReturnType<typeof Type.Literal<EventKindCode>>]);
export const MaterialRole = Type.Union([Type.Literal('material'), Type.Literal('photo'), Type.Literal('attendance')]);

export const Area = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parentCode: Nullable(Type.String()),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  replacedBy: Nullable(Type.String()),
  source: Nullable(Type.String()),
  isDemo: Type.Boolean(),
});

export const AreaQuery = Type.Object({
  on: Type.Optional(IsoDate),
  level: Type.Optional(Type.String({ maxLength: 20 })),
});

export const AreaImportInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 300 }), base64: Type.String({ maxLength: 14_000_000 }) },
  { additionalProperties: false },
);

export const AreaImportReport = Type.Object({
  fileName: Type.String(),
  written: Type.Boolean(),
  dataRows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), message: Type.String() })),
  /** Written anyway: codes a row refers to (parent, successor) that neither the file nor the list has yet. */
  warnings: Type.Array(Type.String()),
  message: Type.String(),
});

export const EventFile = Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer(), mime: Type.String(), role: Type.String() });

export const OutreachEvent = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  area: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  address: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  audiences: Type.Array(Type.String()),
  participantsTotal: Type.Integer(),
  participantsWomen: Type.Integer(),
  participantsEthnic: Type.Integer(),
  contentItems: Type.Array(Type.String()),
  planId: Nullable(Type.String()),
  taskIds: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  files: Type.Array(EventFile),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });

export const EventInput = Type.Object(
  {
    kind: EventKind,
    title: Type.String({ minLength: 1, maxLength: 500 }),
    startDate: IsoDate,
    endDate: IsoDate,
    areaId: Id,
    address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    unitId: Type.Optional(Nullable(Id)),
    audiences: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30, uniqueItems: true }),
    participantsTotal: Count,
    participantsWomen: Count,
    participantsEthnic: Count,
    contentItems: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 30 })),
    planId: Type.Optional(Nullable(Id)),
    taskIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);

export const EventQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  unitId: Type.Optional(Id),
  areaId: Type.Optional(Id),
  taskId: Type.Optional(Id),
});

export const MaterialInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 300 }), base64: Type.String({ maxLength: 28_000_000 }), role: MaterialRole },
  { additionalProperties: false },
);

export const Vocabulary = Type.Object({
  kinds: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  audiences: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  materialRoles: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  levels: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
});

export const AudiencesInput = Type.Object(
  { audiences: Type.Array(Type.Object({ code: Type.Optional(Type.String({ maxLength: 40 })), label: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 30 }) },
  { additionalProperties: false },
);

export type AreaView = Static<typeof Area>;
export type AreaImportReportView = Static<typeof AreaImportReport>;
export type EventView = Static<typeof OutreachEvent>;
export type EventInputValue = Static<typeof EventInput>;
export type EventQueryValue = Static<typeof EventQuery>;
export type MaterialInputValue = Static<typeof MaterialInput>;
export type AudiencesInputValue = Static<typeof AudiencesInput>;

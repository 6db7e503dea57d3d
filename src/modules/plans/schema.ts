import { Type, type Static } from 'typebox';

// Null first: with coerceTypes, Ajv would otherwise turn null into "" for string members.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('approved'), Type.Literal('in_force'), Type.Literal('closed')]);

export const Due = Type.Object({ kind: Type.String(), end: Nullable(Type.String()) }, { additionalProperties: true });

export const UnitRef = Type.Object({ text: Type.String(), unitId: Nullable(Type.String()), groupId: Nullable(Type.String()) });

export const Target = Type.Object({ measure: Type.String({ minLength: 1, maxLength: 50 }), quantity: Type.Number({ minimum: 0 }) });

export const TaskRow = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('group'), Type.Literal('task')]),
  position: Type.Integer(),
  groupCode: Nullable(Type.String()),
  code: Nullable(Type.String()),
  content: Type.String(),
  lead: UnitRef,
  coop: Type.Array(UnitRef),
  product: Type.String(),
  productKinds: Type.Array(Type.String()),
  targets: Type.Array(Target),
  dueText: Type.String(),
  due: Nullable(Due),
  flags: Type.Array(Type.String()),
});

export const PlanSummary = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  numberText: Nullable(Type.String()),
  title: Type.String(),
  status: PlanStatus,
  taskCount: Type.Integer(),
  revision: Type.Integer(),
  updatedAt: Type.String(),
});

export const Plan = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  docType: Type.String(),
  numberText: Nullable(Type.String()),
  numberSuffix: Nullable(Type.String()),
  place: Nullable(Type.String()),
  signDate: Nullable(Type.String()),
  title: Type.String(),
  theme: Nullable(Type.String()),
  status: PlanStatus,
  issuer: Nullable(Type.String()),
  province: Nullable(Type.String()),
  basis: Type.Array(Type.Unknown()),
  sections: Type.Array(Type.Unknown()),
  budgetText: Nullable(Type.String()),
  budgetLines: Type.Array(Type.Unknown()),
  recipients: Type.Array(Type.String()),
  signer: Nullable(Type.Unknown()),
  channels: Type.Array(Type.String()),
  indices: Type.Array(Type.String()),
  appendixTitle: Nullable(Type.String()),
  appendixColumns: Type.Array(Type.String()),
  originalFile: Nullable(Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer(), mime: Type.String() })),
  revision: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  tasks: Type.Array(TaskRow),
});

export const PlanPatch = Type.Object(
  {
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    numberText: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    place: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    signDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    theme: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    basis: Type.Optional(Type.Array(Type.Unknown())),
    sections: Type.Optional(Type.Array(Type.Unknown())),
    budgetText: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    budgetLines: Type.Optional(Type.Array(Type.Unknown())),
    recipients: Type.Optional(Type.Array(Type.String({ maxLength: 300 }))),
    signer: Type.Optional(Nullable(Type.Object({ authority: Nullable(Type.String()), title: Type.String(), name: Type.String() }))),
  },
  { additionalProperties: false },
);

export const TaskInput = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('group'), Type.Literal('task')])),
    groupCode: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    code: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    content: Type.String({ minLength: 1, maxLength: 5000 }),
    lead: Type.Optional(Type.String({ maxLength: 300 })),
    coop: Type.Optional(Type.Array(Type.String({ maxLength: 300 }))),
    product: Type.Optional(Type.String({ maxLength: 1000 })),
    targets: Type.Optional(Type.Array(Target)),
    dueText: Type.Optional(Type.String({ maxLength: 200 })),
    /** Explicit deadline end (YYYY-MM-DD) when the written text cannot be parsed. */
    dueEnd: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    /** Insert after this row (null: at the top); absent: at the end. */
    afterId: Type.Optional(Nullable(Type.String())),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const TaskPatch = Type.Partial(TaskInput, { additionalProperties: false });

export const StatusChange = Type.Object({ status: PlanStatus, reason: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });

export const ImportFile = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 300 }),
  mime: Type.Optional(Type.String({ maxLength: 200 })),
  base64: Type.String(),
});

export const ImportPreviewInput = Type.Object(
  { file: Type.Optional(ImportFile), text: Type.Optional(Type.String({ maxLength: 2_000_000 })) },
  { additionalProperties: false },
);

export const ImportSaveInput = Type.Object(
  { document: Type.Unknown(), file: Type.Optional(ImportFile) },
  { additionalProperties: false },
);

export const Revision = Type.Object({ id: Type.String(), number: Type.Integer(), reason: Type.String(), actorName: Type.String(), createdAt: Type.String() });

export type PlanView = Static<typeof Plan>;
export type TaskRowView = Static<typeof TaskRow>;
export type PlanPatchInput = Static<typeof PlanPatch>;
export type TaskInputValue = Static<typeof TaskInput>;
export type ImportFileInput = Static<typeof ImportFile>;

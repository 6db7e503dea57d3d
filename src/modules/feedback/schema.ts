import { Type, type Static } from 'typebox';

// Null first: with coerceTypes, Ajv would otherwise turn null into "" for string members.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
// Spelled out (not mapped from workflow.ts) so the static types keep each literal.
const Status = Type.Union([Type.Literal('received'), Type.Literal('assigned'), Type.Literal('answered'), Type.Literal('approved'), Type.Literal('published'), Type.Literal('closed')]);
const Action = Type.Union([Type.Literal('assign'), Type.Literal('answer'), Type.Literal('return'), Type.Literal('approve'), Type.Literal('publish'), Type.Literal('close')]);

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const FileParams = Type.Object({ id: Type.String({ maxLength: 64 }), fileId: Type.String({ maxLength: 64 }) });

export const ListQuery = Type.Object({
  status: Type.Optional(Status),
  unitId: Type.Optional(Type.String({ maxLength: 64 })),
  overdue: Type.Optional(Type.Boolean({ description: 'Chỉ những phản ánh đã quá hạn' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Từ khoá trong tiêu đề, mã hoặc tên người gửi' })),
}, { additionalProperties: false });

export const ListItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  subject: Type.String(),
  status: Status,
  statusLabel: Type.String(),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  procedureCode: Nullable(Type.String()),
  procedureName: Nullable(Type.String()),
  consentPublish: Type.Boolean(),
  receivedAt: Type.String(),
  assignDueOn: Type.String(),
  answerDueOn: Type.String(),
  overdue: Nullable(Type.Union([Type.Literal('assign'), Type.Literal('answer')])),
  isDemo: Type.Boolean(),
});

export const Detail = Type.Object({
  ...ListItem.properties,
  sender: Type.Object({ name: Type.String(), address: Type.String(), phone: Type.String(), email: Nullable(Type.String()) }),
  content: Type.String(),
  answerText: Nullable(Type.String()),
  answeredBy: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  publicQuestion: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  files: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), mime: Type.String(), size: Type.Number() })),
  history: Type.Array(Type.Object({ id: Type.String(), action: Type.String(), label: Type.String(), fromStatus: Nullable(Type.String()), toStatus: Type.String(), note: Nullable(Type.String()), actorName: Type.String(), at: Type.String() })),
  actions: Type.Array(Action),
});

export const AssignInput = Type.Object({ unitId: Type.String({ minLength: 1, maxLength: 64 }), note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
export const AnswerInput = Type.Object({ answer: Type.String({ maxLength: 10_000 }) }, { additionalProperties: false });
export const ReturnInput = Type.Object({ reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
export const PublishInput = Type.Object({ publicQuestion: Type.Optional(Type.String({ maxLength: 5000, description: 'Câu hỏi đăng công khai (đã bỏ thông tin cá nhân); mặc định là nội dung gốc' })) }, { additionalProperties: false });
export const CloseInput = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });

export type ListQueryValue = Static<typeof ListQuery>;

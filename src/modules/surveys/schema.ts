import { Type, type Static } from 'typebox';
import { IsoDate } from '../../platform/iso-date.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const Element = Type.Union([Type.Literal('access'), Type.Literal('procedure'), Type.Literal('officials'), Type.Literal('result'), Type.Literal('feedback')]);

export const Question = Type.Object({ id: Type.String(), element: Element, text: Type.String() });

export const Questionnaire = Type.Object({
  /** True while the agency uses the default questions (it has not saved its own). */
  isDefault: Type.Boolean(),
  elements: Type.Array(Type.Object({ key: Element, label: Type.String() })),
  questions: Type.Array(Question),
});

export const QuestionsInput = Type.Object({
  questions: Type.Array(Type.Object({ id: Type.Optional(Type.String({ maxLength: 64 })), element: Element, text: Type.String({ maxLength: 400 }) }), { maxItems: 60 }),
});
export type QuestionsInputBody = Static<typeof QuestionsInput>;

export const ResultsQuery = Type.Object({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  procedureCode: Type.Optional(Type.String({ maxLength: 60 })),
  field: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ResultsQueryValue = Static<typeof ResultsQuery>;

const Score = Type.Object({
  element: Element,
  label: Type.String(),
  answers: Type.Integer(),
  satisfied: Type.Integer(),
  index: Nullable(Type.Number()),
  mean: Nullable(Type.Number()),
});

export const GroupResult = Type.Object({
  key: Type.String(),
  label: Type.String(),
  responses: Type.Integer(),
  index: Nullable(Type.Number()),
  elements: Type.Array(Score),
});
export type GroupResultView = Static<typeof GroupResult>;

export const Results = Type.Object({
  from: Type.String(),
  to: Type.String(),
  responses: Type.Integer(),
  demoResponses: Type.Integer(),
  index: Nullable(Type.Number()),
  elements: Type.Array(Score),
  byField: Type.Array(GroupResult),
  byProcedure: Type.Array(GroupResult),
  byMonth: Type.Array(GroupResult),
  comments: Type.Array(Type.Object({ answeredOn: Type.String(), procedure: Nullable(Type.String()), text: Type.String(), isDemo: Type.Boolean() })),
});
export type ResultsView = Static<typeof Results>;

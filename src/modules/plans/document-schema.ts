import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { PlanDocument } from '../../documents/plan-document.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { IsoDate } from '../../platform/iso-date.ts';

const Str = Type.String({ maxLength: 20_000 });
const NStr = Type.Union([Str, Type.Null()]);

const Section: any = Type.Cyclic(
  { Section: Type.Object({ number: Str, heading: Str, paragraphs: Type.Array(Str), children: Type.Array(Type.Ref('Section')) }) },
  'Section',
);

/** The shape a client may send back after correcting a preview: checked before anything is written. */
export const PlanDocumentSchema = Type.Object({
  docType: Type.Literal('KH'),
  title: Type.String({ minLength: 1, maxLength: 1000 }),
  year: Type.Union([Type.Integer({ minimum: 2000, maximum: 2100 }), Type.Null()]),
  issuer: NStr,
  parentAgency: NStr,
  province: NStr,
  numberText: NStr,
  numberSuffix: NStr,
  place: NStr,
  signDate: Type.Union([IsoDate, Type.Null()]),
  basis: Type.Array(Type.Object({ text: Str, type: NStr, number: NStr, date: NStr, issuer: NStr })),
  theme: NStr,
  sections: Type.Array(Section),
  budgetText: NStr,
  budgetLines: Type.Array(Type.Object({ item: Str, amount: Type.Union([Type.Number(), Type.Null()]), source: NStr })),
  recipients: Type.Array(Str),
  signer: Type.Union([Type.Object({ authority: NStr, title: Str, name: Str }), Type.Null()]),
  channels: Type.Array(Str),
  indices: Type.Array(Str),
  appendix: Type.Union([
    Type.Object({
      title: Str,
      columns: Type.Array(Str),
      groups: Type.Array(Type.Object({ code: Type.String({ minLength: 1, maxLength: 50 }), title: Str })),
      tasks: Type.Array(
        Type.Object({
          group: NStr,
          code: Type.Optional(Str),
          content: Type.String({ minLength: 1, maxLength: 20_000 }),
          lead: Str,
          coop: Type.Array(Str),
          product: Str,
          dueText: Str,
          due: Type.Union([Type.Object({ kind: Str }, { additionalProperties: true }), Type.Null()]),
        }),
        { maxItems: 5000 },
      ),
    }),
    Type.Null(),
  ]),
  warnings: Type.Array(Type.Object({ path: Str, message: Str })),
});

/** Returns the document if it has the expected shape; a 400 naming the first bad field otherwise. */
export function checkPlanDocument(value: unknown): PlanDocument {
  if (Value.Check(PlanDocumentSchema, value)) return value as PlanDocument;
  const first = [...Value.Errors(PlanDocumentSchema, value)][0] as { instancePath?: string; path?: string; message?: string } | undefined;
  const where = first?.instancePath ?? first?.path ?? '';
  throw new BadRequestError(`Dữ liệu kế hoạch không hợp lệ${where ? ` tại "${where}"` : ''}: ${first?.message ?? 'sai cấu trúc'}.`);
}

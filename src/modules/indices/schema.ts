import { Type, type Static } from 'typebox';
import { IsoDate } from '../../platform/iso-date.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const IndexCode = Type.Union([Type.Literal('par'), Type.Literal('pci'), Type.Literal('papi'), Type.Literal('sipas'), Type.Literal('dept')], { description: 'par, pci, papi, sipas hoặc dept (chỉ số CCHC của cơ quan)' });

export const IndexValueInput = Type.Object({
  indexCode: IndexCode,
  component: Type.String({ maxLength: 20, description: '"total" hoặc mã thành phần (lv1…, cs1…, nd1…, yt1…)' }),
  year: Type.Integer({ minimum: 1900, maximum: 2200 }),
  value: Type.Number({ description: 'Giá trị, tối đa hai chữ số thập phân' }),
  rank: Type.Optional(Nullable(Type.Integer())),
  rankOf: Type.Optional(Nullable(Type.Integer())),
  source: Type.String({ maxLength: 600 }),
  sourceUrl: Type.Optional(Nullable(Type.String({ maxLength: 600 }))),
});
export type IndexValueInputBody = Static<typeof IndexValueInput>;

export const IndexValue = Type.Object({
  id: Type.String(),
  indexCode: IndexCode,
  indexName: Type.String(),
  component: Type.String(),
  componentName: Type.String(),
  year: Type.Integer(),
  value: Type.Number(),
  /** Vietnamese text of the value ("88,54"). */
  valueText: Type.String(),
  rank: Nullable(Type.Integer()),
  rankOf: Nullable(Type.Integer()),
  source: Type.String(),
  sourceUrl: Nullable(Type.String()),
  origin: Type.String(),
  updatedAt: Type.String(),
});
export type IndexValueView = Static<typeof IndexValue>;

export const IndexCatalog = Type.Array(Type.Object({
  code: IndexCode,
  name: Type.String(),
  fullName: Type.String(),
  publisher: Type.String(),
  subject: Type.String(),
  unit: Type.String(),
  components: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
}));

export const ImportInput = Type.Object({
  name: Type.String({ maxLength: 255 }),
  base64: Type.String({ maxLength: 8_000_000 }),
});
export type ImportInputBody = Static<typeof ImportInput>;

export const ImportReport = Type.Object({
  written: Type.Boolean(),
  dataRows: Type.Integer(),
  created: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Nullable(Type.Integer()), message: Type.String() })),
});
export type ImportReportView = Static<typeof ImportReport>;

export const PublicationInput = Type.Object({
  year: Type.Integer({ minimum: 1900, maximum: 2200, description: 'Năm của chỉ số được công bố' }),
  kind: Type.Union([Type.Literal('article'), Type.Literal('infographic')]),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  link: Type.String({ minLength: 1, maxLength: 600, description: 'Địa chỉ tin bài hoặc infographic (đường dẫn trên cổng hoặc http(s)://)' }),
  publishedOn: IsoDate,
});
export type PublicationInputBody = Static<typeof PublicationInput>;

export const Publication = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  link: Type.String(),
  publishedOn: Type.String(),
  planId: Nullable(Type.String()),
  evidenceId: Nullable(Type.String()),
  message: Type.Optional(Type.String()),
});
export type PublicationView = Static<typeof Publication>;

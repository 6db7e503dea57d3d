import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { CHANGE_KINDS, CHANNELS, ONLINE_LEVELS, PROCEDURE_LEVELS, ProcedureData } from './procedure-data.ts';
import { CatalogImportInput, CatalogImportReport, Decision, DecisionInput, Field, Procedure, ProcedureQuery, ProcedureSummary, ProcessStep } from './schema.ts';
import type { ProceduresService } from './service.ts';
import { IsoDate } from '../../platform/iso-date.ts';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** Catalog files travel as base64 JSON. */
const IMPORT_BODY_LIMIT = 30 * 1024 * 1024;

/** Administrative procedures: /api/procedures…, /api/procedure-decisions…, /api/procedure-postings. */
export async function procedureRoutes(app: FastifyInstance, { procedures }: { procedures: ProceduresService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Thủ tục hành chính'];
  const { catalog, decisions } = procedures;

  r.get('/api/procedures/vocabulary', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Cấp thực hiện, cách thức nộp, mức độ trực tuyến, loại thay đổi', response: { 200: Type.Object({ levels: Type.Array(Type.String()), channels: Type.Record(Type.String(), Type.String()), onlineLevels: Type.Record(Type.String(), Type.String()), changeKinds: Type.Record(Type.String(), Type.String()) }) } },
    handler: async () => ({ levels: [...PROCEDURE_LEVELS], channels: CHANNELS, onlineLevels: ONLINE_LEVELS, changeKinds: CHANGE_KINDS }),
  });
  r.get('/api/procedure-fields', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Lĩnh vực', response: { 200: Type.Array(Field) } },
    handler: (req) => catalog.fields(actorOf(req)),
  });
  r.get('/api/procedures', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Danh mục thủ tục hành chính (theo ngày: asOf)', querystring: ProcedureQuery, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(ProcedureSummary) }) } },
    handler: (req) => catalog.list(actorOf(req), req.query),
  });
  r.post('/api/procedures', {
    config: { access: { permission: 'procedures.write' } },
    schema: { tags, summary: 'Thêm hoặc sửa một thủ tục (tạo phiên bản mới có hiệu lực từ effectiveFrom)', body: Type.Object({ data: ProcedureData, effectiveFrom: Type.Optional(IsoDate) }), response: { 200: Procedure } },
    handler: (req) => catalog.save(actorOf(req), req.body.data, req.body.effectiveFrom),
  });
  r.post('/api/procedures/import', {
    config: { access: { permission: 'procedures.write' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Nhập danh mục từ XLSX, CSV hoặc JSON (báo cáo theo dòng; có lỗi thì không ghi gì, trừ khi chọn bỏ qua dòng lỗi)', body: CatalogImportInput, response: { 200: CatalogImportReport } },
    handler: (req) => catalog.importFile(actorOf(req), req.body),
  });
  r.get('/api/procedures/export', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Xuất danh mục (XLSX, CSV, JSON)', querystring: Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv'), Type.Literal('json')]), asOf: Type.Optional(IsoDate) }) },
    handler: async (req, reply) => {
      const file = await catalog.exportFile(actorOf(req), req.query.format, req.query.asOf);
      return reply.type(file.mime).header('content-disposition', contentDisposition(file.name)).send(file.bytes);
    },
  });
  r.get('/api/procedures/:code', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Một thủ tục: nội dung theo ngày, lịch sử phiên bản, quy trình nội bộ', params: CodeParams, querystring: Type.Object({ asOf: Type.Optional(IsoDate) }), response: { 200: Procedure } },
    handler: (req) => catalog.get(actorOf(req), req.params.code, req.query.asOf),
  });
  r.put('/api/procedures/:code/process', {
    config: { access: { permission: 'procedures.write' } },
    schema: { tags, summary: 'Quy trình nội bộ: các bước, người/bộ phận chịu trách nhiệm, thời gian (giờ)', params: CodeParams, body: Type.Object({ steps: Type.Array(ProcessStep, { maxItems: 100 }) }), response: { 200: Procedure } },
    handler: (req) => catalog.setProcess(actorOf(req), req.params.code, req.body.steps),
  });

  r.get('/api/procedure-decisions', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Quyết định công bố thủ tục hành chính', response: { 200: Type.Array(Decision) } },
    handler: (req) => decisions.list(actorOf(req)),
  });
  r.post('/api/procedure-decisions', {
    config: { access: { permission: 'procedures.decide' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Nhập một quyết định công bố (bản nháp)', body: DecisionInput, response: { 201: Decision } },
    handler: async (req, reply) => reply.code(201).send(await decisions.create(actorOf(req), req.body)),
  });
  r.get('/api/procedure-decisions/:id', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Một quyết định công bố', params: IdParams, response: { 200: Decision } },
    handler: (req) => decisions.get(actorOf(req), req.params.id),
  });
  r.put('/api/procedure-decisions/:id', {
    config: { access: { permission: 'procedures.decide' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Sửa quyết định chưa áp dụng', params: IdParams, body: DecisionInput, response: { 200: Decision } },
    handler: (req) => decisions.update(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/procedure-decisions/:id/apply', {
    config: { access: { permission: 'procedures.decide' } },
    schema: { tags, summary: 'Áp dụng quyết định vào danh mục (từ ngày hiệu lực), ghi minh chứng', params: IdParams, response: { 200: Decision } },
    handler: (req) => decisions.apply(actorOf(req), req.params.id),
  });
  r.post('/api/procedure-decisions/:id/posted', {
    config: { access: { permission: 'procedures.decide' } },
    schema: { tags, summary: 'Ghi ngày đã niêm yết, công khai các thủ tục của quyết định', params: IdParams, body: Type.Object({ postedOn: IsoDate }), response: { 200: Decision } },
    handler: (req) => decisions.markPosted(actorOf(req), req.params.id, req.body.postedOn),
  });
  r.post('/api/procedure-postings', {
    config: { access: { permission: 'procedures.decide' } },
    schema: { tags, summary: 'Ghi một lần niêm yết danh mục tại Bộ phận Một cửa', body: Type.Object({ postedOn: Type.Optional(IsoDate), note: Type.Optional(Type.String({ maxLength: 1000 })) }), response: { 200: Type.Object({ id: Type.String(), postedOn: Type.String(), procedures: Type.Integer() }) } },
    handler: (req) => procedures.recordPosting(actorOf(req), req.body),
  });
}

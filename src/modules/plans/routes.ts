import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import type { PlanExports } from './exports.ts';
import type { PlanImports } from './import-service.ts';
import { ImportPreviewInput, ImportSaveInput, Plan, PlanPatch, PlanSummary, Revision, StatusChange, TaskInput, TaskPatch, TaskRow } from './schema.ts';
import type { PlansService } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Reason = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) });
/** Imports carry the original file as base64: 20 MB of file is about 27 MB of JSON. */
const IMPORT_BODY_LIMIT = 30 * 1024 * 1024;

/** Plans, their task rows, import, revisions and exports: /api/plans…, /api/plan-tasks/… */
export async function planRoutes(app: FastifyInstance, { plans, imports, exports }: { plans: PlansService; imports: PlanImports; exports: PlanExports }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Kế hoạch'];

  r.get('/api/plans', {
    config: { access: { permission: 'plans.read' } },
    schema: { tags, summary: 'Danh sách kế hoạch', response: { 200: Type.Array(PlanSummary) } },
    handler: (req) => plans.list(actorOf(req)),
  });
  r.post('/api/plans/import/preview', {
    config: { access: { permission: 'plans.import' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Đọc thử tệp kế hoạch (PDF, DOCX, XLSX, văn bản) — chưa lưu gì', body: ImportPreviewInput, response: { 200: Type.Object({ document: Type.Unknown(), units: Type.Array(Type.Object({ text: Type.String(), unitId: Type.Union([Type.String(), Type.Null()]), groupId: Type.Union([Type.String(), Type.Null()]) })) }) } },
    handler: (req) => imports.preview(actorOf(req), req.body),
  });
  r.post('/api/plans/import/check', {
    config: { access: { permission: 'plans.import' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Kiểm tra lại bản xem trước đã sửa: đọc lại thời hạn, cảnh báo, đơn vị — chưa lưu gì', body: Type.Object({ document: Type.Unknown() }, { additionalProperties: false }) },
    handler: (req) => imports.check(actorOf(req), req.body),
  });
  r.post('/api/plans/import', {
    config: { access: { permission: 'plans.import' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Lưu kế hoạch đã đọc (sau khi người dùng kiểm tra, sửa)', body: ImportSaveInput, response: { 201: Plan } },
    handler: async (req, reply) => reply.code(201).send(await imports.save(actorOf(req), req.body)),
  });
  r.get('/api/plans/:id', {
    config: { access: { permission: 'plans.read' } },
    schema: { tags, summary: 'Một kế hoạch với bảng nhiệm vụ', params: IdParams, response: { 200: Plan } },
    handler: (req) => plans.get(actorOf(req), req.params.id),
  });
  r.patch('/api/plans/:id', {
    config: { access: { permission: 'plans.write' } },
    schema: { tags, summary: 'Sửa thông tin kế hoạch (sau phê duyệt: cần lý do, tạo phiên bản)', params: IdParams, body: PlanPatch, response: { 200: Plan } },
    handler: (req) => plans.update(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/plans/:id/status', {
    config: { access: { permission: 'plans.read' } },
    schema: { tags, summary: 'Phê duyệt, ban hành, kết thúc kế hoạch', params: IdParams, body: StatusChange, response: { 200: Plan } },
    handler: (req) => plans.setStatus(actorOf(req), req.params.id, req.body.status, req.body.reason),
  });
  r.post('/api/plans/:id/tasks', {
    config: { access: { permission: 'plans.write' } },
    schema: { tags, summary: 'Thêm dòng (nhóm hoặc nhiệm vụ)', params: IdParams, body: TaskInput, response: { 201: TaskRow } },
    handler: async (req, reply) => reply.code(201).send(await plans.addTask(actorOf(req), req.params.id, req.body)),
  });
  r.patch('/api/plan-tasks/:id', {
    config: { access: { permission: 'plans.write' } },
    schema: { tags, summary: 'Sửa một dòng nhiệm vụ (afterId: chuyển vị trí)', params: IdParams, body: TaskPatch, response: { 200: TaskRow } },
    handler: (req) => plans.updateTask(actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/plan-tasks/:id', {
    config: { access: { permission: 'plans.write' } },
    schema: { tags, summary: 'Xoá một dòng', params: IdParams, querystring: Reason, response: { 204: Type.Null() } },
    handler: async (req, reply) => {
      await plans.deleteTask(actorOf(req), req.params.id, req.query.reason);
      return reply.code(204).send(null);
    },
  });
  r.get('/api/plans/:id/revisions', {
    config: { access: { permission: 'plans.read' } },
    schema: { tags, summary: 'Lịch sử điều chỉnh', params: IdParams, response: { 200: Type.Array(Revision) } },
    handler: (req) => plans.revisions(actorOf(req), req.params.id),
  });
  r.get('/api/plans/:id/diff', {
    config: { access: { permission: 'plans.read' } },
    schema: { tags, summary: 'So sánh hai phiên bản (0 = hiện tại)', params: IdParams, querystring: Type.Object({ from: Type.Integer({ minimum: 0 }), to: Type.Integer({ minimum: 0 }) }) },
    handler: (req) => plans.diff(actorOf(req), req.params.id, req.query.from, req.query.to),
  });
  r.get('/api/plans/:id/export', {
    config: { access: { permission: 'plans.read' } },
    schema: { tags, summary: 'Xuất kế hoạch: DOCX theo Nghị định 30 hoặc bảng nhiệm vụ XLSX', params: IdParams, querystring: Type.Object({ format: Type.Union([Type.Literal('docx'), Type.Literal('xlsx')]) }) },
    handler: async (req, reply) => {
      const file = await exports.export(actorOf(req), req.params.id, req.query.format);
      return reply.type(file.mime).header('content-disposition', contentDisposition(file.name)).send(file.bytes);
    },
  });
  r.get('/api/plans/:id/original', {
    config: { access: { permission: 'plans.read' } },
    schema: { tags, summary: 'Tải tệp gốc đã ký', params: IdParams },
    handler: async (req, reply) => {
      const file = await plans.originalFile(actorOf(req), req.params.id);
      return reply.type(file.mime).header('content-disposition', contentDisposition(file.name)).send(file.content);
    },
  });
}

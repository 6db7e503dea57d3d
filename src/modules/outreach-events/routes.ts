import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { Area, AreaImportInput, AreaImportReport, AreaQuery, AudiencesInput, EventInput, EventQuery, MaterialInput, OutreachEvent, Vocabulary } from './schema.ts';
import type { EventsService } from './service.ts';

/** Uploads travel as base64 JSON: 20 MB of file is about 27 MB of body. */
const UPLOAD_BODY_LIMIT = 28 * 1024 * 1024;
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const FileParams = Type.Object({ id: Type.String({ maxLength: 64 }), fileId: Type.String({ maxLength: 64 }) });
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Outreach events and administrative areas: /api/events/… */
export async function eventRoutes(app: FastifyInstance, { events }: { events: EventsService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Hội nghị, tập huấn, hội thi'];

  r.get('/api/events/vocabulary', {
    config: { access: { permission: 'events.read' } },
    schema: { tags, summary: 'Hình thức, đối tượng tuyên truyền, loại tài liệu và cấp hành chính', response: { 200: Vocabulary } },
    handler: (req) => events.vocabulary(actorOf(req)),
  });
  r.put('/api/events/audiences', {
    config: { access: { permission: 'events.areas' } },
    schema: { tags, summary: 'Sửa danh sách đối tượng tuyên truyền', body: AudiencesInput, response: { 200: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })) } },
    handler: (req) => events.audiences.save(actorOf(req), req.body),
  });
  r.get('/api/events/areas', {
    config: { access: { permission: 'events.read' } },
    schema: { tags, summary: 'Đơn vị hành chính của tỉnh; với `on`, chỉ những đơn vị có hiệu lực ngày đó', querystring: AreaQuery, response: { 200: Type.Array(Area) } },
    handler: (req) => events.areas.list(actorOf(req), req.query),
  });
  r.post('/api/events/areas/import', {
    config: { access: { permission: 'events.areas' } },
    bodyLimit: 15 * 1024 * 1024,
    schema: { tags, summary: 'Nhập danh sách đơn vị hành chính từ XLSX/CSV; báo lỗi theo dòng, không ghi gì khi còn lỗi', body: AreaImportInput, response: { 200: AreaImportReport } },
    handler: (req) => events.areas.importFile(actorOf(req), req.body),
  });
  r.get('/api/events', {
    config: { access: { permission: 'events.read' } },
    schema: { tags, summary: 'Danh sách sự kiện, lọc theo năm, hình thức, đơn vị, xã, nhiệm vụ', querystring: EventQuery, response: { 200: Type.Array(OutreachEvent) } },
    handler: (req) => events.list(actorOf(req), req.query),
  });
  r.get('/api/events/export', {
    config: { access: { permission: 'events.read' } },
    schema: { tags, summary: 'Xuất danh sách sự kiện đã lọc ra tệp XLSX', querystring: EventQuery },
    handler: async (req, reply) => {
      const file = await events.exportXlsx(actorOf(req), req.query);
      return reply.type(XLSX_MIME).header('content-disposition', contentDisposition(file.name)).send(file.bytes);
    },
  });
  r.post('/api/events', {
    config: { access: { permission: 'events.write' } },
    schema: { tags, summary: 'Ghi một sự kiện; nếu gắn nhiệm vụ thì ghi minh chứng cho nhiệm vụ', body: EventInput, response: { 201: OutreachEvent } },
    handler: async (req, reply) => reply.code(201).send(await events.create(actorOf(req), req.body)),
  });
  r.get('/api/events/:id', {
    config: { access: { permission: 'events.read' } },
    schema: { tags, summary: 'Một sự kiện', params: IdParams, response: { 200: OutreachEvent } },
    handler: (req) => events.get(actorOf(req), req.params.id),
  });
  r.put('/api/events/:id', {
    config: { access: { permission: 'events.write' } },
    schema: { tags, summary: 'Sửa một sự kiện; minh chứng của nó được cập nhật (hoặc rút khi bỏ hết nhiệm vụ)', params: IdParams, body: EventInput, response: { 200: OutreachEvent } },
    handler: (req) => events.update(actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/events/:id', {
    config: { access: { permission: 'events.write' } },
    schema: { tags, summary: 'Xoá một sự kiện; minh chứng của nó được rút', params: IdParams, response: { 204: Type.Null() } },
    handler: async (req, reply) => {
      await events.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
  r.post('/api/events/:id/files', {
    config: { access: { permission: 'events.write' } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: { tags, summary: 'Đính kèm tài liệu, ảnh hoặc danh sách điểm danh (kiểm tra theo nội dung tệp)', params: IdParams, body: MaterialInput, response: { 201: OutreachEvent } },
    handler: async (req, reply) => reply.code(201).send(await events.materials.add(actorOf(req), req.params.id, req.body)),
  });
  r.get('/api/events/:id/files/:fileId', {
    config: { access: { permission: 'events.read' } },
    schema: { tags, summary: 'Tải tệp đính kèm của sự kiện', params: FileParams },
    handler: async (req, reply) => {
      const file = await events.materials.content(actorOf(req), req.params.id, req.params.fileId);
      return reply.type(file.mime).header('content-disposition', contentDisposition(file.name)).send(file.content);
    },
  });
  r.delete('/api/events/:id/files/:fileId', {
    config: { access: { permission: 'events.write' } },
    schema: { tags, summary: 'Gỡ một tệp đính kèm của sự kiện', params: FileParams, response: { 200: OutreachEvent } },
    handler: (req) => events.materials.remove(actorOf(req), req.params.id, req.params.fileId),
  });
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { ImportInput, ImportReport, IndexCatalog, IndexValue, IndexValueInput, Publication, PublicationInput } from './schema.ts';
import type { IndicesService } from './service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Uploads travel as base64 JSON: 2 MB of file is under 3 MB of body. */
const UPLOAD_BODY_LIMIT = 3 * 1024 * 1024;

/** PAR Index, PCI, PAPI, SIPAS and the agency's own index: /api/indices/… */
export async function indicesRoutes(app: FastifyInstance, { indices }: { indices: IndicesService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Chỉ số'];
  const Id = Type.Object({ id: Type.String({ maxLength: 64 }) });

  r.get('/api/indices/catalog', {
    config: { access: { permission: 'indices.read' } },
    schema: { tags, summary: 'Các chỉ số và thành phần của từng chỉ số', response: { 200: IndexCatalog } },
    handler: (req) => indices.catalog(actorOf(req)),
  });
  r.get('/api/indices', {
    config: { access: { permission: 'indices.read' } },
    schema: { tags, summary: 'Giá trị, xếp hạng và nguồn của các chỉ số theo năm', response: { 200: Type.Array(IndexValue) } },
    handler: (req) => indices.list(actorOf(req)),
  });
  r.post('/api/indices', {
    config: { access: { permission: 'indices.write' } },
    schema: { tags, summary: 'Nhập giá trị một chỉ số (hoặc một thành phần) của một năm; trùng năm và chỉ số thì từ chối', body: IndexValueInput, response: { 200: IndexValue } },
    handler: (req) => indices.create(actorOf(req), req.body),
  });
  r.put('/api/indices/:id', {
    config: { access: { permission: 'indices.write' } },
    schema: { tags, summary: 'Sửa giá trị một chỉ số', params: Id, body: IndexValueInput, response: { 200: IndexValue } },
    handler: (req) => indices.update(actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/indices/:id', {
    config: { access: { permission: 'indices.write' } },
    schema: { tags, summary: 'Xoá giá trị một chỉ số', params: Id, response: { 204: Type.Null() } },
    handler: async (req, reply) => {
      await indices.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
  r.post('/api/indices/import', {
    config: { access: { permission: 'indices.write' } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: { tags, summary: 'Nhập tệp XLSX; báo lỗi theo dòng, không ghi gì khi còn dòng lỗi', body: ImportInput, response: { 200: ImportReport } },
    handler: (req) => indices.importXlsx(actorOf(req), req.body),
  });
  r.get('/api/indices/template.xlsx', {
    config: { access: { permission: 'indices.read' } },
    schema: { tags, summary: 'Tệp mẫu XLSX để nhập chỉ số' },
    handler: async (req, reply) => reply.type(XLSX).header('content-disposition', contentDisposition('mau-nhap-chi-so.xlsx')).send(await indices.template(actorOf(req))),
  });
  r.get('/api/indices/publications', {
    config: { access: { permission: 'indices.read' } },
    schema: { tags, summary: 'Tin bài, infographic về chỉ số đã ghi nhận', response: { 200: Type.Array(Publication) } },
    handler: (req) => indices.publications(actorOf(req)),
  });
  r.post('/api/indices/publications', {
    config: { access: { permission: 'indices.publish' } },
    schema: { tags, summary: 'Ghi nhận tin bài hoặc infographic về chỉ số đã đăng: minh chứng cho nhiệm vụ tuyên truyền PCI và các chỉ số của kế hoạch năm', body: PublicationInput, response: { 200: Publication } },
    handler: (req) => indices.publish(actorOf(req), req.body),
  });
}

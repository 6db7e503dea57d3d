import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { ImportInput, ImportReport, PublishInput, PublishReport, RangeQuery, Result, ResultInput, ResultQuery, Summary, Vocabulary } from './schema.ts';
import type { ServiceStatsService } from './service.ts';

/** Uploads travel as base64 JSON: 10 MB of file is about 14 MB of body. */
const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;

/** Processing results (766/QĐ-TTg): /api/service-stats/… */
export async function serviceStatsRoutes(app: FastifyInstance, { serviceStats }: { serviceStats: ServiceStatsService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Kết quả giải quyết TTHC'];

  r.get('/api/service-stats/vocabulary', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Lĩnh vực, các cột số liệu và mẫu tệp nhập', response: { 200: Vocabulary } },
    handler: (req) => serviceStats.vocabulary(actorOf(req)),
  });
  r.get('/api/service-stats/results', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Số liệu theo tháng (mặc định năm nay), lọc theo lĩnh vực hoặc thủ tục; mỗi dòng có tỉ lệ và cờ cân đối', querystring: ResultQuery, response: { 200: Type.Array(Result) } },
    handler: (req) => serviceStats.list(actorOf(req), req.query),
  });
  r.put('/api/service-stats/results', {
    config: { access: { permission: 'procedures.results' } },
    schema: { tags, summary: 'Nhập hoặc sửa số liệu một tháng của một thủ tục (mã) hoặc một lĩnh vực; số liệu không cân đối vẫn được nhận và được đánh dấu', body: ResultInput, response: { 200: Result } },
    handler: (req) => serviceStats.save(actorOf(req), req.body),
  });
  r.delete('/api/service-stats/results/:id', {
    config: { access: { permission: 'procedures.results' } },
    schema: { tags, summary: 'Xoá số liệu một dòng', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 204: Type.Null() } },
    handler: async (req, reply) => {
      await serviceStats.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
  r.get('/api/service-stats/summary', {
    config: { access: { permission: 'procedures.read' } },
    schema: { tags, summary: 'Tổng hợp theo tháng, lĩnh vực, thủ tục và cả kỳ: tỉ lệ đúng hạn, tỉ lệ trực tuyến', querystring: RangeQuery, response: { 200: Summary } },
    handler: (req) => serviceStats.summary(actorOf(req), req.query),
  });
  r.post('/api/service-stats/import', {
    config: { access: { permission: 'procedures.results' } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: { tags, summary: 'Nhập tệp XLSX/CSV xuất từ phần mềm một cửa; báo lỗi theo dòng, không ghi gì khi còn lỗi (trừ khi bỏ qua dòng lỗi)', body: ImportInput, response: { 200: ImportReport } },
    handler: (req) => serviceStats.importResults(actorOf(req), req.body),
  });
  r.post('/api/service-stats/publish', {
    config: { access: { permission: 'procedures.results' } },
    schema: { tags, summary: 'Công khai kết quả một tháng: ghi minh chứng cho nhiệm vụ công khai kết quả giải quyết TTHC của kế hoạch năm', body: PublishInput, response: { 200: PublishReport } },
    handler: (req) => serviceStats.publishMonth(actorOf(req), req.body.month),
  });
}

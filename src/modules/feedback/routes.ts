import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { AnswerInput, AssignInput, CloseInput, Detail, FileParams, IdParams, ListItem, ListQuery, PublishInput, ReturnInput } from './schema.ts';
import type { FeedbackService } from './service.ts';

/** Feedback handling in the admin: /api/feedback/… */
export async function feedbackRoutes(app: FastifyInstance, { feedback }: { feedback: FeedbackService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Phản ánh, kiến nghị'];
  const detail = { 200: Detail };

  r.get('/api/feedback', {
    config: { access: { permission: 'feedback.read' } },
    schema: { tags, summary: 'Danh sách phản ánh (mới nhất trước), lọc theo trạng thái, đơn vị, quá hạn, từ khoá; cán bộ phòng chỉ thấy phản ánh giao cho phòng mình', querystring: ListQuery, response: { 200: Type.Array(ListItem) } },
    handler: (req) => feedback.list(actorOf(req), req.query),
  });
  r.get('/api/feedback/:id', {
    config: { access: { permission: 'feedback.read' } },
    schema: { tags, summary: 'Một phản ánh: người gửi, nội dung, tệp, câu trả lời, lịch sử xử lý và các bước người dùng được làm', params: IdParams, response: detail },
    handler: (req) => feedback.get(actorOf(req), req.params.id),
  });
  r.get('/api/feedback/:id/files/:fileId', {
    config: { access: { permission: 'feedback.read' } },
    schema: { tags, summary: 'Tải tệp đính kèm của phản ánh', params: FileParams },
    handler: async (req, reply) => {
      const f = await feedback.file(actorOf(req), req.params.id, req.params.fileId);
      return reply.type(f.mime).header('content-disposition', contentDisposition(f.name)).header('cache-control', 'private, no-store').send(f.content);
    },
  });
  r.post('/api/feedback/:id/assign', {
    config: { access: { permission: 'feedback.assign' } },
    schema: { tags, summary: 'Chuyển phản ánh cho đơn vị xử lý (hoặc chuyển đơn vị khác)', params: IdParams, body: AssignInput, response: detail },
    handler: (req) => feedback.assign(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/feedback/:id/answer', {
    config: { access: { permission: 'feedback.answer' } },
    schema: { tags, summary: 'Đơn vị được giao soạn (hoặc sửa) câu trả lời, gửi lãnh đạo duyệt', params: IdParams, body: AnswerInput, response: detail },
    handler: (req) => feedback.answer(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/feedback/:id/return', {
    config: { access: { permission: 'feedback.approve' } },
    schema: { tags, summary: 'Lãnh đạo trả lại câu trả lời cho đơn vị, kèm lý do', params: IdParams, body: ReturnInput, response: detail },
    handler: (req) => feedback.returnToUnit(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/feedback/:id/approve', {
    config: { access: { permission: 'feedback.approve' } },
    schema: { tags, summary: 'Lãnh đạo duyệt câu trả lời (không phải người soạn); người gửi thấy câu trả lời khi tra cứu', params: IdParams, response: detail },
    handler: (req) => feedback.approve(actorOf(req), req.params.id),
  });
  r.post('/api/feedback/:id/publish', {
    config: { access: { permission: 'feedback.publish' } },
    schema: { tags, summary: 'Công khai câu hỏi và câu trả lời trên cổng (chỉ khi người gửi đồng ý; không bao giờ kèm thông tin cá nhân)', params: IdParams, body: PublishInput, response: detail },
    handler: (req) => feedback.publish(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/feedback/:id/close', {
    config: { access: { permission: 'feedback.assign' } },
    schema: { tags, summary: 'Kết thúc xử lý; trước khi có câu trả lời phải nêu lý do (người gửi thấy khi tra cứu)', params: IdParams, body: CloseInput, response: detail },
    handler: (req) => feedback.close(actorOf(req), req.params.id, req.body),
  });
}

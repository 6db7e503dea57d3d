import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/auth/plugin.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { Questionnaire, QuestionsInput, Results, ResultsQuery } from './schema.ts';
import type { SurveysService } from './service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Satisfaction surveys: /api/surveys/… */
export async function surveysRoutes(app: FastifyInstance, { surveys }: { surveys: SurveysService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Khảo sát mức độ hài lòng'];

  r.get('/api/surveys/questions', {
    config: { access: { permission: 'surveys.read' } },
    schema: { tags, summary: 'Bộ câu hỏi khảo sát của cơ quan (mặc định theo mô hình SIPAS khi chưa sửa)', response: { 200: Questionnaire } },
    handler: (req) => surveys.questions(actorOf(req)),
  });
  r.put('/api/surveys/questions', {
    config: { access: { permission: 'surveys.manage' } },
    schema: { tags, summary: 'Thay bộ câu hỏi; mỗi yếu tố cần ít nhất một câu', body: QuestionsInput, response: { 200: Questionnaire } },
    handler: (req) => surveys.saveQuestions(actorOf(req), req.body),
  });
  r.get('/api/surveys/results', {
    config: { access: { permission: 'surveys.read' } },
    schema: { tags, summary: 'Kết quả theo yếu tố, lĩnh vực, thủ tục và tháng của một khoảng thời gian (mặc định năm nay), kèm ý kiến khác', querystring: ResultsQuery, response: { 200: Results } },
    handler: (req) => surveys.results(actorOf(req), req.query),
  });
  r.get('/api/surveys/results.xlsx', {
    config: { access: { permission: 'surveys.read' } },
    schema: { tags, summary: 'Xuất kết quả ra tệp XLSX', querystring: ResultsQuery },
    handler: async (req, reply) => {
      const file = await surveys.exportXlsx(actorOf(req), req.query);
      return reply.type(XLSX).header('content-disposition', contentDisposition(file.name)).send(file.bytes);
    },
  });
}

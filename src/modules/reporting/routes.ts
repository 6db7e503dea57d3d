import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { ConsolidationService } from './consolidation-service.ts';
import { DraftEdits } from './draft-edits.ts';
import type { ReportingService } from './service.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { IsoDate } from '../../platform/iso-date.ts';

const Id = Type.String({ maxLength: 64 });
const ReportParams = Type.Object({ id: Id, unitId: Id });
const Comment = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
const ReportBody = Type.Object(
  {
    narratives: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 20_000 }))),
    difficulties: Type.Optional(Type.String({ maxLength: 20_000 })),
    proposals: Type.Optional(Type.String({ maxLength: 20_000 })),
  },
  { additionalProperties: false },
);

/** Reporting periods and unit reports: /api/plans/:id/periods, /api/periods/… */
export async function reportingRoutes(app: FastifyInstance, { reporting, consolidation }: { reporting: ReportingService; consolidation: ConsolidationService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Báo cáo định kỳ'];

  r.get('/api/plans/:id/periods', {
    config: { access: { permission: 'reports.read' } },
    schema: { tags, summary: 'Các kỳ báo cáo của kế hoạch', params: Type.Object({ id: Id }) },
    handler: (req) => reporting.listPeriods(actorOf(req), req.params.id),
  });
  r.post('/api/periods', {
    config: { access: { permission: 'periods.manage' } },
    schema: {
      tags, summary: 'Mở kỳ báo cáo (mặc định theo Nghị định 09/2019, sửa được)',
      body: Type.Object({ planId: Id, code: Type.String({ maxLength: 10, description: '2024-03, 2024-Q1, 2024-H1, 2024' }), startDate: Type.Optional(IsoDate), endDate: Type.Optional(IsoDate), submitDue: Type.Optional(IsoDate), lockDate: Type.Optional(IsoDate) }, { additionalProperties: false }),
    },
    handler: async (req, reply) => reply.code(201).send(await reporting.openPeriod(actorOf(req), req.body)),
  });
  r.patch('/api/periods/:id', {
    config: { access: { permission: 'periods.manage' } },
    schema: {
      tags, summary: 'Sửa ngày của kỳ báo cáo, đóng hoặc mở lại kỳ', params: Type.Object({ id: Id }),
      body: Type.Object({ startDate: Type.Optional(IsoDate), endDate: Type.Optional(IsoDate), submitDue: Type.Optional(IsoDate), lockDate: Type.Optional(IsoDate), status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])) }, { additionalProperties: false }),
    },
    handler: (req) => reporting.updatePeriod(actorOf(req), req.params.id, req.body),
  });
  r.get('/api/periods/:id/reports', {
    config: { access: { permission: 'reports.read' } },
    schema: { tags, summary: 'Tình hình báo cáo của các đơn vị trong kỳ', params: Type.Object({ id: Id }) },
    handler: (req) => reporting.listReports(actorOf(req), req.params.id),
  });
  r.get('/api/periods/:id/reports/:unitId', {
    config: { access: { permission: 'reports.read' } },
    schema: { tags, summary: 'Báo cáo của một đơn vị (điền sẵn từ minh chứng trong kỳ)', params: ReportParams },
    handler: (req) => reporting.getReport(actorOf(req), req.params.id, req.params.unitId),
  });
  r.put('/api/periods/:id/reports/:unitId', {
    config: { access: { permission: 'reports.edit' } },
    schema: { tags, summary: 'Lưu nội dung báo cáo của đơn vị', params: ReportParams, body: ReportBody },
    handler: (req) => reporting.saveReport(actorOf(req), req.params.id, req.params.unitId, req.body),
  });
  r.post('/api/periods/:id/reports/:unitId/request-approval', {
    config: { access: { permission: 'reports.edit' } },
    schema: { tags, summary: 'Trình trưởng phòng duyệt', params: ReportParams },
    handler: (req) => reporting.requestApproval(actorOf(req), req.params.id, req.params.unitId),
  });
  r.post('/api/periods/:id/reports/:unitId/submit', {
    config: { access: { permission: 'reports.approve' } },
    schema: { tags, summary: 'Trưởng phòng duyệt và gửi Phòng HC-TH', params: ReportParams },
    handler: (req) => reporting.approveAndSubmit(actorOf(req), req.params.id, req.params.unitId),
  });
  r.post('/api/periods/:id/reports/:unitId/accept', {
    config: { access: { permission: 'reports.review' } },
    schema: { tags, summary: 'Tiếp nhận báo cáo', params: ReportParams, body: Comment },
    handler: (req) => reporting.accept(actorOf(req), req.params.id, req.params.unitId, req.body.comment),
  });
  r.post('/api/periods/:id/reports/:unitId/return', {
    config: { access: { permission: 'reports.review' } },
    schema: { tags, summary: 'Trả lại báo cáo kèm ý kiến', params: ReportParams, body: Type.Object({ comment: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }) },
    handler: (req) => reporting.returnReport(actorOf(req), req.params.id, req.params.unitId, req.body.comment),
  });
  r.post('/api/periods/:id/reports/:unitId/reopen', {
    config: { access: { permission: 'reports.review' } },
    schema: { tags, summary: 'Mở lại báo cáo sau ngày khóa', params: ReportParams, body: Comment },
    handler: (req) => reporting.reopen(actorOf(req), req.params.id, req.params.unitId, req.body.comment ?? ''),
  });

  r.get('/api/periods/:id/consolidated', {
    config: { access: { permission: 'reports.read' } },
    schema: { tags, summary: 'Báo cáo tổng hợp của kỳ (dự thảo tính từ minh chứng, hoặc bản đã ban hành)', params: Type.Object({ id: Id }) },
    handler: (req) => consolidation.draft(actorOf(req), req.params.id),
  });
  r.get('/api/periods/:id/consolidated/file', {
    config: { access: { permission: 'reports.read' } },
    schema: { tags, summary: 'Tải báo cáo tổng hợp: DOCX (Nghị định 30) hoặc phụ lục XLSX', params: Type.Object({ id: Id }), querystring: Type.Object({ format: Type.Union([Type.Literal('docx'), Type.Literal('xlsx')]) }) },
    handler: async (req, reply) => {
      const file = await consolidation.file(actorOf(req), req.params.id, req.query.format);
      return reply.type(file.mime).header('content-disposition', contentDisposition(file.name)).send(file.bytes);
    },
  });
  r.put('/api/periods/:id/consolidated/draft', {
    config: { access: { permission: 'reports.review' } },
    schema: { tags, summary: 'Sửa lời văn của dự thảo báo cáo (không sửa số liệu)', params: Type.Object({ id: Id }), body: DraftEdits },
    handler: (req) => consolidation.editDraft(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/periods/:id/consolidated/finalize', {
    config: { access: { permission: 'reports.review' } },
    schema: { tags, summary: 'Ban hành báo cáo tổng hợp với số và ngày (bản chính thức được giữ nguyên)', params: Type.Object({ id: Id }), body: Type.Object({ numberText: Type.String({ maxLength: 30 }), date: IsoDate }, { additionalProperties: false }) },
    handler: (req) => consolidation.finalize(actorOf(req), req.params.id, req.body),
  });
}

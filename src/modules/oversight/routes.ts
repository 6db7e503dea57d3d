import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { actorOf } from '../../platform/auth/plugin.ts';
import { todayVi } from '../../platform/vi-text.ts';
import { PlanProgress } from '../evidence/schema.ts';
import { AgencyParams, AgencyPeriodParams, AgencyPlanParams, AgencyView, FormatQuery, ProvinceView, RollupQuery, YearQuery } from './schema.ts';
import type { OversightService } from './service.ts';

const thisYear = () => Number(todayVi().slice(0, 4));

/** Sends a generated file as a download under its own name. */
const download = (reply: FastifyReply, file: { name: string; mime: string; bytes: Uint8Array }) =>
  reply.type(file.mime).header('content-disposition', contentDisposition(file.name)).send(file.bytes);

/** The overseer's province view (read-only): /api/oversight/… */
export async function oversightRoutes(app: FastifyInstance, { oversight }: { oversight: OversightService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Toàn tỉnh (Sở Nội vụ)'];
  const access = { permission: 'oversight.read' };

  r.get('/api/oversight/province', {
    config: { access },
    schema: { tags, summary: 'Các cơ quan của tỉnh xếp hạng theo tỉ lệ hoàn thành kế hoạch và tỉ lệ báo cáo đúng hạn; các báo cáo trễ hạn', querystring: YearQuery, response: { 200: ProvinceView } },
    handler: (req) => oversight.province(actorOf(req), req.query.year ?? thisYear()),
  });
  r.get('/api/oversight/province/rollup', {
    config: { access },
    schema: { tags, summary: 'Tải báo cáo tổng hợp toàn tỉnh: DOCX (Nghị định 30) hoặc XLSX', querystring: RollupQuery },
    handler: async (req, reply) => download(reply, await oversight.rollupFile(actorOf(req), req.query.year ?? thisYear(), req.query.format)),
  });
  r.get('/api/oversight/agencies/:id', {
    config: { access },
    schema: { tags, summary: 'Một cơ quan của tỉnh: kế hoạch năm, tỉ lệ hoàn thành, các kỳ báo cáo và tình trạng nộp', params: AgencyParams, querystring: YearQuery, response: { 200: AgencyView } },
    handler: (req) => oversight.agency(actorOf(req), req.params.id, req.query.year ?? thisYear()),
  });
  r.get('/api/oversight/agencies/:id/plans/:planId/progress', {
    config: { access },
    schema: { tags, summary: 'Tiến độ một kế hoạch của cơ quan (như cơ quan tự xem)', params: AgencyPlanParams, response: { 200: PlanProgress } },
    handler: (req) => oversight.progress(actorOf(req), req.params.id, req.params.planId),
  });
  r.get('/api/oversight/agencies/:id/plans/:planId/export', {
    config: { access },
    schema: { tags, summary: 'Tải kế hoạch của cơ quan: DOCX theo Nghị định 30 hoặc bảng nhiệm vụ XLSX', params: AgencyPlanParams, querystring: FormatQuery },
    handler: async (req, reply) => download(reply, await oversight.planFile(actorOf(req), req.params.id, req.params.planId, req.query.format)),
  });
  r.get('/api/oversight/agencies/:id/periods/:periodId/consolidated', {
    config: { access },
    schema: { tags, summary: 'Tải báo cáo tổng hợp một kỳ của cơ quan (bản đã ban hành, hoặc dự thảo)', params: AgencyPeriodParams, querystring: FormatQuery },
    handler: async (req, reply) => download(reply, await oversight.consolidatedFile(actorOf(req), req.params.id, req.params.periodId, req.query.format)),
  });
}

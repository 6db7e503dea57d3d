import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { EVIDENCE_KINDS, MEASURES } from './measures.ts';
import { Evidence, EvidenceInput, EvidenceQuery, PlanProgress } from './schema.ts';
import type { EvidenceService } from './service.ts';
import { IsoDate } from '../../platform/iso-date.ts';

/** Evidence on tasks and plan progress: /api/evidence…, /api/plans/:id/progress. */
export async function evidenceRoutes(app: FastifyInstance, { evidence }: { evidence: EvidenceService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Minh chứng, tiến độ'];

  r.get('/api/evidence/vocabulary', {
    config: { access: { permission: 'evidence.read' } },
    schema: { tags, summary: 'Loại minh chứng và đơn vị đo', response: { 200: Type.Object({ kinds: Type.Record(Type.String(), Type.String()), measures: Type.Record(Type.String(), Type.String()) }) } },
    handler: async () => ({ kinds: EVIDENCE_KINDS, measures: MEASURES }),
  });
  r.get('/api/evidence', {
    config: { access: { permission: 'evidence.read' } },
    schema: { tags, summary: 'Danh sách minh chứng (lọc theo kế hoạch, nhiệm vụ, đơn vị, ngày)', querystring: EvidenceQuery, response: { 200: Type.Array(Evidence) } },
    handler: (req) => evidence.list(actorOf(req), req.query),
  });
  r.post('/api/evidence', {
    config: { access: { permission: 'evidence.write' } },
    bodyLimit: 30 * 1024 * 1024,
    schema: { tags, summary: 'Ghi một minh chứng cho một hay nhiều nhiệm vụ', body: EvidenceInput, response: { 201: Evidence } },
    handler: async (req, reply) => reply.code(201).send(await evidence.record(actorOf(req), req.body)),
  });
  r.post('/api/evidence/:id/withdraw', {
    config: { access: { permission: 'evidence.write' } },
    schema: { tags, summary: 'Rút một minh chứng (vẫn hiện, không còn được tính)', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }), response: { 200: Evidence } },
    handler: (req) => evidence.withdraw(actorOf(req), req.params.id, req.body.reason),
  });
  r.get('/api/plans/:id/progress', {
    config: { access: { permission: 'evidence.read' } },
    schema: { tags, summary: 'Tiến độ kế hoạch: theo nhiệm vụ, đơn vị, tháng; tỉ lệ hoàn thành', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), querystring: Type.Object({ asOf: Type.Optional(IsoDate) }), response: { 200: PlanProgress } },
    handler: (req) => evidence.progress(actorOf(req), req.params.id, req.query.asOf),
  });
  r.get('/api/evidence/:id/files/:fileId', {
    config: { access: { permission: 'evidence.read' } },
    schema: { tags, summary: 'Tải tệp đính kèm của minh chứng', params: Type.Object({ id: Type.String({ maxLength: 64 }), fileId: Type.String({ maxLength: 64 }) }) },
    handler: async (req, reply) => {
      const file = await evidence.file(actorOf(req), req.params.id, req.params.fileId);
      return reply.type(file.mime).header('content-disposition', contentDisposition(file.name)).send(file.content);
    },
  });
  r.get('/api/plans/:id/par-pack', {
    config: { access: { permission: 'evidence.read' } },
    schema: { tags, summary: 'Hồ sơ minh chứng Chỉ số CCHC (PAR Index) của năm: tệp ZIP', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) },
    handler: async (req, reply) => {
      const pack = await evidence.parPack(actorOf(req), req.params.id);
      return reply.type('application/zip').header('content-disposition', contentDisposition(pack.name)).send(pack.bytes);
    },
  });
}

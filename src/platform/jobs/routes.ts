import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../auth/plugin.ts';
import type { JobQueue } from './queue.ts';

const JobState = Type.Union(['queued', 'running', 'done', 'failed', 'dead'].map((s) => Type.Literal(s)));
const JobView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: Type.String(),
  runAt: Type.String(),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  idempotencyKey: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

export async function jobRoutes(app: FastifyInstance, opts: { jobs: JobQueue }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/api/jobs', {
    config: { access: { permission: 'jobs.read' } },
    schema: { tags: ['Hàng đợi'], summary: 'Công việc nền của cơ quan', querystring: Type.Object({ state: Type.Optional(JobState) }), response: { 200: Type.Array(JobView) } },
    handler: (req) => opts.jobs.list(actorOf(req), req.query.state as never),
  });
  r.post('/api/jobs/:id/retry', {
    config: { access: { permission: 'jobs.retry' } },
    schema: { tags: ['Hàng đợi'], summary: 'Chạy lại một công việc lỗi', params: Type.Object({ id: Type.String() }), response: { 200: JobView } },
    handler: (req) => opts.jobs.retry(actorOf(req), req.params.id),
  });
}

import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../db/database.ts';

/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers). */
export async function healthRoutes(app: FastifyInstance, opts: { database: Database }) {
  const Status = Type.Object({ status: Type.String(), database: Type.Optional(Type.String()) });
  app.get('/healthz', {
    config: { access: { public: true } },
    schema: { tags: ['Hệ thống'], summary: 'Tiến trình còn sống', response: { 200: Status } },
    handler: async () => ({ status: 'ok' }),
  });
  app.get('/readyz', {
    config: { access: { public: true } },
    schema: { tags: ['Hệ thống'], summary: 'Sẵn sàng phục vụ (cơ sở dữ liệu trả lời)', response: { 200: Status, 503: Status } },
    handler: async (_req, reply) => {
      const ok = await opts.database.ping();
      reply.code(ok ? 200 : 503);
      return { status: ok ? 'ok' : 'unavailable', database: opts.database.engine };
    },
  });
}

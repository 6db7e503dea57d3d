import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../auth/plugin.ts';
import type { AuditService } from './service.ts';

const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String({ description: 'ISO-8601 UTC' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export async function auditRoutes(app: FastifyInstance, opts: { audit: AuditService }) {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/audit', {
    config: { access: { permission: 'audit.read' } },
    schema: {
      tags: ['Nhật ký'],
      summary: 'Nhật ký thay đổi (lọc theo người, đối tượng, ngày)',
      querystring: Type.Object({
        userId: Type.Optional(Type.String()),
        entity: Type.Optional(Type.String()),
        entityId: Type.Optional(Type.String()),
        from: Type.Optional(Type.String({ format: 'date' })),
        to: Type.Optional(Type.String({ format: 'date' })),
        page: Type.Optional(Type.Integer({ minimum: 1 })),
        pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
      }),
      response: {
        200: Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), entities: Type.Array(Type.String()), items: Type.Array(AuditEntry) }),
      },
    },
    handler: (req) => opts.audit.list(actorOf(req), req.query),
  });
}

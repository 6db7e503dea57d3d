import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { NotificationsService } from './service.ts';

const Settings = Type.Object({ email: Type.Boolean(), inApp: Type.Boolean() }, { additionalProperties: false });

/** The signed-in user's notifications and notification settings. */
export async function notificationRoutes(app: FastifyInstance, { notifications }: { notifications: NotificationsService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Thông báo'];
  r.get('/api/notifications', {
    config: { access: { permission: 'notifications.own' } },
    schema: { tags, summary: 'Thông báo của tôi (mới nhất trước)' },
    handler: (req) => notifications.list(actorOf(req)),
  });
  r.post('/api/notifications/read', {
    config: { access: { permission: 'notifications.own' } },
    schema: { tags, summary: 'Đánh dấu đã đọc (một thông báo, hoặc tất cả khi không có id)', body: Type.Object({ id: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }), response: { 204: Type.Null() } },
    handler: async (req, reply) => {
      await notifications.markRead(actorOf(req), req.body.id ?? null);
      return reply.code(204).send(null);
    },
  });
  r.get('/api/me/notification-settings', {
    config: { access: { permission: 'notifications.own' } },
    schema: { tags, summary: 'Cài đặt nhận nhắc việc', response: { 200: Settings } },
    handler: (req) => notifications.settings(actorOf(req)),
  });
  r.put('/api/me/notification-settings', {
    config: { access: { permission: 'notifications.own' } },
    schema: { tags, summary: 'Bật/tắt nhắc việc qua thư và trong ứng dụng', body: Settings, response: { 200: Settings } },
    handler: (req) => notifications.updateSettings(actorOf(req), req.body),
  });
}

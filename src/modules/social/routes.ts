import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { Channel, ChannelConnect, ChannelCreate, ComposeInput, Delivery, DeliveryQuery, ManualInput, Preview } from './schema.ts';
import type { SocialService } from './service.ts';

/** A 5 MB screenshot travels as base64 JSON (about 7 MB). */
const MANUAL_BODY_LIMIT = 8 * 1024 * 1024;
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** Social channels and cross-posting: /api/social/… */
export async function socialRoutes(app: FastifyInstance, { social }: { social: SocialService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Mạng xã hội'];

  r.get('/api/social/channels', {
    config: { access: { permission: 'social.read' } },
    schema: { tags, summary: 'Các kênh Facebook, Zalo OA và tình trạng mã truy cập (không bao giờ trả về khoá bí mật)', response: { 200: Type.Array(Channel) } },
    handler: (req) => social.channels.list(actorOf(req)),
  });
  r.post('/api/social/channels', {
    config: { access: { permission: 'social.channels' } },
    schema: { tags, summary: 'Thêm kênh (chưa kết nối)', body: ChannelCreate, response: { 200: Channel } },
    handler: (req) => social.channels.create(actorOf(req), req.body),
  });
  r.put('/api/social/channels/:id/connection', {
    config: { access: { permission: 'social.channels' } },
    schema: { tags, summary: 'Kết nối hoặc kết nối lại: kiểm tra với mạng xã hội trước, chỉ lưu khi mã truy cập dùng được; bài đang chờ được gửi lại', params: IdParams, body: ChannelConnect, response: { 200: Channel } },
    handler: (req) => social.channels.connect(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/social/channels/:id/check', {
    config: { access: { permission: 'social.channels' } },
    schema: { tags, summary: 'Kiểm tra mã truy cập đang lưu với mạng xã hội và cập nhật tình trạng (không thay mã)', params: IdParams, response: { 200: Channel } },
    handler: (req) => social.channels.check(actorOf(req), req.params.id),
  });
  r.delete('/api/social/channels/:id/connection', {
    config: { access: { permission: 'social.channels' } },
    schema: { tags, summary: 'Ngắt kết nối: xoá mã truy cập đã lưu', params: IdParams, response: { 200: Channel } },
    handler: (req) => social.channels.disconnect(actorOf(req), req.params.id),
  });

  r.post('/api/social/preview', {
    config: { access: { permission: 'social.post' } },
    schema: { tags, summary: 'Đếm ký tự và kiểm tra giới hạn từng mạng (không lưu gì)', body: ComposeInput, response: { 200: Preview } },
    handler: (req) => social.posts.preview(actorOf(req), req.body),
  });
  r.post('/api/social/posts', {
    config: { access: { permission: 'social.post' } },
    schema: { tags, summary: 'Đăng chéo một bài viết đã đăng hoặc bài tự do lên các kênh: đăng ngay, hẹn giờ hoặc lưu nháp', body: ComposeInput, response: { 200: Type.Array(Delivery) } },
    handler: (req) => social.posts.compose(actorOf(req), req.body),
  });
  r.get('/api/social/deliveries', {
    config: { access: { permission: 'social.read' } },
    schema: { tags, summary: 'Bài đăng theo kênh (lọc theo trạng thái, theo ngày cho lịch)', querystring: DeliveryQuery, response: { 200: Type.Array(Delivery) } },
    handler: (req) => social.posts.list(actorOf(req), req.query),
  });
  r.get('/api/social/deliveries/:id', {
    config: { access: { permission: 'social.read' } },
    schema: { tags, summary: 'Một bài đăng trên một kênh', params: IdParams, response: { 200: Delivery } },
    handler: (req) => social.posts.get(actorOf(req), req.params.id),
  });
  r.post('/api/social/deliveries/:id/retry', {
    config: { access: { permission: 'social.post' } },
    schema: { tags, summary: 'Gửi lại bài lỗi, bài nháp hoặc bài đang chờ kết nối', params: IdParams, response: { 200: Delivery } },
    handler: (req) => social.posts.retry(actorOf(req), req.params.id),
  });
  r.delete('/api/social/deliveries/:id', {
    config: { access: { permission: 'social.post' } },
    schema: { tags, summary: 'Xoá bài (trên mạng xã hội nếu đã đăng) và rút minh chứng', params: IdParams, response: { 200: Delivery } },
    handler: (req) => social.posts.remove(actorOf(req), req.params.id),
  });
  r.post('/api/social/manual', {
    config: { access: { permission: 'social.record' } },
    bodyLimit: MANUAL_BODY_LIMIT,
    schema: { tags, summary: 'Ghi một bài đăng thủ công (mạng, địa chỉ, ngày, ảnh chụp) làm minh chứng cho nhiệm vụ', body: ManualInput, response: { 200: Type.Object({ id: Type.String() }) } },
    handler: async (req) => ({ id: await social.manual.record(actorOf(req), req.body) }),
  });
  r.get('/api/social/deliveries/:id/screenshot', {
    config: { access: { permission: 'social.read' } },
    schema: { tags, summary: 'Ảnh chụp của bài đăng thủ công', params: IdParams },
    handler: async (req, reply) => {
      const file = await social.manual.screenshot(actorOf(req), req.params.id);
      return reply.type(file.mime).header('content-disposition', contentDisposition(file.name)).send(file.content);
    },
  });
}

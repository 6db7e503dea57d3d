import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import {
  ARTICLE_LANGUAGES, ARTICLE_STATUS_LABELS, Article, ArticleInput, ArticleList, ArticleQuery, Category, CategoryInput, LEGAL_DOCUMENT_TYPES, LegalDocument,
  LegalDocumentInput, LegalDocumentList, LegalDocumentQuery, MediaItem, MediaUpload, Note, PublishInput, Reason, Revision, RevisionDiff, StoredFile, Upload,
} from './schema.ts';
import type { PublishingService } from './service.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** Uploads travel as base64 JSON: 20 MB of file is about 27 MB of body. */
const UPLOAD_BODY_LIMIT = 30 * 1024 * 1024;

/** The newsroom API: /api/categories, /api/media, /api/articles…, /api/legal-documents. */
export async function publishingRoutes(app: FastifyInstance, { publishing }: { publishing: PublishingService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Cổng thông tin: tin bài, văn bản'];
  const { categories, media, articles, documents } = publishing;

  r.get('/api/publishing/vocabulary', {
    config: { access: { permission: 'articles.read' } },
    schema: { tags, summary: 'Trạng thái bài, ngôn ngữ, loại văn bản', response: { 200: Type.Object({ statuses: Type.Record(Type.String(), Type.String()), languages: Type.Record(Type.String(), Type.String()), documentTypes: Type.Array(Type.String()) }) } },
    handler: async () => ({ statuses: ARTICLE_STATUS_LABELS, languages: ARTICLE_LANGUAGES, documentTypes: [...LEGAL_DOCUMENT_TYPES] }),
  });

  r.get('/api/categories', {
    config: { access: { permission: 'articles.read' } },
    schema: { tags, summary: 'Chuyên mục', response: { 200: Type.Array(Category) } },
    handler: (req) => categories.list(actorOf(req)),
  });
  r.post('/api/categories', {
    config: { access: { permission: 'categories.write' } },
    schema: { tags, summary: 'Thêm chuyên mục', body: CategoryInput, response: { 201: Category } },
    handler: async (req, reply) => reply.code(201).send(await categories.create(actorOf(req), req.body)),
  });
  r.put('/api/categories/:id', {
    config: { access: { permission: 'categories.write' } },
    schema: { tags, summary: 'Sửa chuyên mục', params: IdParams, body: CategoryInput, response: { 200: Category } },
    handler: (req) => categories.update(actorOf(req), req.params.id, req.body),
  });
  r.post('/api/categories/defaults', {
    config: { access: { permission: 'categories.write' } },
    schema: { tags, summary: 'Tạo các chuyên mục mặc định theo nội dung tuyên truyền CCHC', response: { 200: Type.Array(Category) } },
    handler: (req) => categories.createDefaults(actorOf(req)),
  });

  r.get('/api/media', {
    config: { access: { permission: 'articles.read' } },
    schema: { tags, summary: 'Thư viện ảnh', querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }), response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(MediaItem) }) } },
    handler: (req) => media.list(actorOf(req), req.query.page, req.query.pageSize),
  });
  r.post('/api/media', {
    config: { access: { permission: 'media.write' } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: { tags, summary: 'Tải ảnh lên thư viện (JPEG, PNG, WebP, GIF; tự tạo các cỡ ảnh)', body: MediaUpload, response: { 201: MediaItem } },
    handler: async (req, reply) => reply.code(201).send(await media.upload(actorOf(req), req.body)),
  });
  r.put('/api/media/:id', {
    config: { access: { permission: 'media.write' } },
    schema: { tags, summary: 'Sửa mô tả ảnh', params: IdParams, body: Type.Object({ alt: Type.String({ minLength: 1, maxLength: 500 }) }), response: { 200: MediaItem } },
    handler: (req) => media.updateAlt(actorOf(req), req.params.id, req.body.alt),
  });
  r.post('/api/publishing/files', {
    config: { access: { permission: 'articles.write' } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: { tags, summary: 'Tải tệp đính kèm (PDF, DOCX) hoặc âm thanh phát thanh', body: Upload, response: { 201: StoredFile } },
    handler: async (req, reply) => reply.code(201).send(await media.uploadFile(actorOf(req), req.body)),
  });

  r.get('/api/articles', {
    config: { access: { permission: 'articles.read' } },
    schema: { tags, summary: 'Danh sách bài viết (lọc theo trạng thái, chuyên mục, tác giả, ngày)', querystring: ArticleQuery, response: { 200: ArticleList } },
    handler: (req) => articles.list(actorOf(req), req.query),
  });
  r.post('/api/articles', {
    config: { access: { permission: 'articles.write' } },
    bodyLimit: 2 * 1024 * 1024,
    schema: { tags, summary: 'Viết bài mới (bản nháp)', body: ArticleInput, response: { 201: Article } },
    handler: async (req, reply) => reply.code(201).send(await articles.create(actorOf(req), req.body)),
  });
  r.get('/api/articles/:id', {
    config: { access: { permission: 'articles.read' } },
    schema: { tags, summary: 'Một bài viết với lịch sử và các thao tác được phép', params: IdParams, response: { 200: Article } },
    handler: (req) => articles.get(actorOf(req), req.params.id),
  });
  r.put('/api/articles/:id', {
    config: { access: { permission: 'articles.write' } },
    bodyLimit: 2 * 1024 * 1024,
    schema: { tags, summary: 'Sửa bài viết (gửi kèm version; 409 khi người khác vừa sửa)', params: IdParams, body: ArticleInput, response: { 200: Article } },
    handler: (req) => articles.update(actorOf(req), req.params.id, req.body),
  });

  const step = (path: string, action: 'submit' | 'approve' | 'return' | 'publish' | 'cancel-schedule' | 'force-publish' | 'review-forced' | 'unpublish' | 'archive' | 'restore', summary: string, permission: string, body: typeof Note | typeof Reason | typeof PublishInput) =>
    r.post(`/api/articles/:id/${path}`, {
      config: { access: { permission } },
      schema: { tags, summary, params: IdParams, body, response: { 200: Article } },
      handler: (req) => articles.transition(actorOf(req), req.params.id, action, (req.body ?? {}) as { note?: string; reason?: string; at?: string }),
    });
  step('submit', 'submit', 'Gửi bài để duyệt', 'articles.write', Note);
  step('approve', 'approve', 'Duyệt bài (không phải tác giả)', 'articles.approve', Note);
  step('return', 'return', 'Trả lại bài kèm ý kiến', 'articles.approve', Reason);
  step('publish', 'publish', 'Đăng bài đã duyệt ngay, hoặc hẹn giờ khi có thời điểm trong tương lai', 'articles.publish', PublishInput);
  step('cancel-schedule', 'cancel-schedule', 'Huỷ hẹn giờ đăng', 'articles.publish', Note);
  step('force-publish', 'force-publish', 'Đăng không qua duyệt (nêu lý do; bài được đánh dấu đến khi có người xem lại)', 'articles.force_publish', Reason);
  step('review-forced', 'review-forced', 'Xem lại bài đã đăng không qua duyệt', 'articles.approve', Note);
  step('unpublish', 'unpublish', 'Gỡ bài khỏi Cổng (nêu lý do)', 'articles.publish', Reason);
  step('archive', 'archive', 'Lưu trữ bài', 'articles.write', Note);
  step('restore', 'restore', 'Khôi phục bài đã gỡ/lưu trữ thành bản nháp', 'articles.write', Note);

  r.post('/api/articles/:id/preview-link', {
    config: { access: { permission: 'articles.write' } },
    schema: { tags, summary: 'Tạo đường dẫn xem trước riêng', params: IdParams, response: { 200: Type.Object({ path: Type.String() }) } },
    handler: (req) => articles.createPreviewLink(actorOf(req), req.params.id),
  });
  r.delete('/api/articles/:id/preview-link', {
    config: { access: { permission: 'articles.write' } },
    schema: { tags, summary: 'Thu hồi đường dẫn xem trước', params: IdParams, response: { 200: Article } },
    handler: (req) => articles.revokePreviewLink(actorOf(req), req.params.id),
  });
  r.get('/api/articles/:id/revisions', {
    config: { access: { permission: 'articles.read' } },
    schema: { tags, summary: 'Các phiên bản của bài', params: IdParams, response: { 200: Type.Array(Revision) } },
    handler: (req) => articles.revisions(actorOf(req), req.params.id),
  });
  r.get('/api/articles/:id/revisions/:version/diff', {
    config: { access: { permission: 'articles.read' } },
    schema: { tags, summary: 'Thay đổi của một phiên bản so với phiên bản trước', params: Type.Object({ id: Type.String({ maxLength: 64 }), version: Type.Integer({ minimum: 1 }) }), response: { 200: RevisionDiff } },
    handler: (req) => articles.diff(actorOf(req), req.params.id, req.params.version),
  });
  r.get('/api/articles/:id/files/:fileId', {
    config: { access: { permission: 'articles.read' } },
    schema: { tags, summary: 'Tải tệp đính kèm của bài', params: Type.Object({ id: Type.String({ maxLength: 64 }), fileId: Type.String({ maxLength: 64 }) }) },
    handler: async (req, reply) => {
      const file = await articles.file(actorOf(req), req.params.id, req.params.fileId);
      return reply.type(file.mime).header('content-disposition', contentDisposition(file.name)).send(file.content);
    },
  });

  r.get('/api/legal-documents', {
    config: { access: { permission: 'articles.read' } },
    schema: { tags, summary: 'Văn bản', querystring: LegalDocumentQuery, response: { 200: LegalDocumentList } },
    handler: (req) => documents.list(actorOf(req), req.query),
  });
  r.post('/api/legal-documents', {
    config: { access: { permission: 'documents.write' } },
    schema: { tags, summary: 'Thêm văn bản', body: LegalDocumentInput, response: { 201: LegalDocument } },
    handler: async (req, reply) => reply.code(201).send(await documents.create(actorOf(req), req.body)),
  });
  r.put('/api/legal-documents/:id', {
    config: { access: { permission: 'documents.write' } },
    schema: { tags, summary: 'Sửa văn bản', params: IdParams, body: LegalDocumentInput, response: { 200: LegalDocument } },
    handler: (req) => documents.update(actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/legal-documents/:id', {
    config: { access: { permission: 'documents.write' } },
    schema: { tags, summary: 'Xoá văn bản', params: IdParams, response: { 204: Type.Null() } },
    handler: async (req, reply) => {
      await documents.remove(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
}

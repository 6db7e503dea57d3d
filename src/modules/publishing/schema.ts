import { Type, type Static } from 'typebox';
import { IsoDate } from '../../platform/iso-date.ts';

/** Editorial states of an article, in workflow order. */
export const ARTICLE_STATUS_LABELS = {
  draft: 'Bản nháp',
  submitted: 'Chờ duyệt',
  approved: 'Đã duyệt',
  scheduled: 'Hẹn giờ đăng',
  published: 'Đã đăng',
  unpublished: 'Đã gỡ',
  archived: 'Lưu trữ',
} as const;
export type ArticleStatusName = keyof typeof ARTICLE_STATUS_LABELS;

/**
 * Language versions an article may carry besides Vietnamese: BCP 47 / ISO 639-3 codes, so the
 * page's `lang` attribute is right for screen readers and translation tools.
 */
export const ARTICLE_LANGUAGES = {
  vi: 'Tiếng Việt',
  tyz: 'Tiếng Tày',
  nut: 'Tiếng Nùng',
  ium: 'Tiếng Dao',
  hnj: 'Tiếng Mông',
  sct: 'Tiếng Sán Chay',
  cjm: 'Tiếng Chăm',
  km: 'Tiếng Khmer',
} as const;
export type ArticleLanguage = keyof typeof ARTICLE_LANGUAGES;

/** Common legal document types (văn bản), as shown in the portal's filter. */
export const LEGAL_DOCUMENT_TYPES = ['Luật', 'Nghị định', 'Nghị quyết', 'Quyết định', 'Thông tư', 'Chỉ thị', 'Kế hoạch', 'Công văn', 'Thông báo', 'Báo cáo', 'Hướng dẫn', 'Khác'] as const;

const Id = Type.String({ maxLength: 64 });
const IsoDateTime = Type.String({ maxLength: 40 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([Type.Null(), t]);

export const ArticleStatus = Type.Union([
  Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('scheduled'),
  Type.Literal('published'), Type.Literal('unpublished'), Type.Literal('archived'),
]);

export const Category = Type.Object({
  id: Id,
  slug: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.Null(), Type.String()]),
  position: Type.Integer(),
  active: Type.Boolean(),
  publishedCount: Type.Integer(),
});
export type CategoryView = Static<typeof Category>;

export const CategoryInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  slug: Type.Optional(Type.String({ maxLength: 120 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  active: Type.Optional(Type.Boolean()),
});
export type CategoryInputBody = Static<typeof CategoryInput>;

export const MediaVariant = Type.Object({ width: Type.Integer(), mime: Type.String(), url: Type.String() });
export const MediaItem = Type.Object({
  id: Id,
  name: Type.String(),
  alt: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  /** The largest WebP variant, for previews and for pasting into a body. */
  url: Type.String(),
  variants: Type.Array(MediaVariant),
  createdAt: IsoDateTime,
});
export type MediaItemView = Static<typeof MediaItem>;

export const Upload = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 300 }),
  base64: Type.String({ minLength: 1 }),
});
export const MediaUpload = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 300 }),
  base64: Type.String({ minLength: 1 }),
  alt: Type.String({ minLength: 1, maxLength: 500 }),
});

export const StoredFile = Type.Object({ fileId: Id, name: Type.String(), mime: Type.String(), size: Type.Integer(), kind: Type.String() });
export type StoredFileView = Static<typeof StoredFile>;

export const Attachment = Type.Object({ fileId: Id, name: Type.String(), mime: Type.String(), size: Type.Integer(), label: Type.Union([Type.Null(), Type.String()]) });

export const Translation = Type.Object({
  lang: Type.String({ minLength: 2, maxLength: 8 }),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  summary: Type.String({ maxLength: 1000 }),
  bodyHtml: Type.String({ maxLength: 500_000 }),
});
export type TranslationView = Static<typeof Translation>;

export const ArticleEvent = Type.Object({
  action: Type.String(),
  fromStatus: Type.Union([Type.Null(), Type.String()]),
  toStatus: Type.String(),
  note: Type.Union([Type.Null(), Type.String()]),
  actorName: Type.String(),
  at: IsoDateTime,
});

export const ArticleSummary = Type.Object({
  id: Id,
  slug: Type.String(),
  title: Type.String(),
  status: ArticleStatus,
  categoryId: Id,
  categoryName: Type.String(),
  authorId: Type.Union([Type.Null(), Type.String()]),
  authorName: Type.String(),
  scheduledAt: Type.Union([Type.Null(), Type.String()]),
  publishedAt: Type.Union([Type.Null(), Type.String()]),
  updatedAt: IsoDateTime,
  version: Type.Integer(),
  /** Published without approval: flagged until someone reviews it. */
  forcePublished: Type.Boolean(),
  forceReviewed: Type.Boolean(),
  taskCount: Type.Integer(),
  isDemo: Type.Boolean(),
});
export type ArticleSummaryView = Static<typeof ArticleSummary>;

export const ArticleList = Type.Object({ total: Type.Integer(), items: Type.Array(ArticleSummary) });

export const Article = Type.Object({
  ...ArticleSummary.properties,
  summary: Type.String(),
  bodyHtml: Type.String(),
  byline: Type.Union([Type.Null(), Type.String()]),
  source: Type.Union([Type.Null(), Type.String()]),
  tags: Type.Array(Type.String()),
  cover: Type.Union([Type.Null(), MediaItem]),
  coverAlt: Type.Union([Type.Null(), Type.String()]),
  audio: Type.Union([Type.Null(), Attachment]),
  attachments: Type.Array(Attachment),
  translations: Type.Array(Translation),
  planId: Type.Union([Type.Null(), Type.String()]),
  taskIds: Type.Array(Type.String()),
  approvedBy: Type.Union([Type.Null(), Type.String()]),
  approvedAt: Type.Union([Type.Null(), Type.String()]),
  forceReason: Type.Union([Type.Null(), Type.String()]),
  /** The public address once published (path only). */
  publicPath: Type.String(),
  previewPath: Type.Union([Type.Null(), Type.String()]),
  /** The scheduled-publish job, when there is one: its state is shown beside the schedule. */
  scheduleJob: Type.Union([Type.Null(), Type.Object({ id: Id, state: Type.String(), runAt: Type.String(), attempts: Type.Integer(), lastError: Type.Union([Type.Null(), Type.String()]) })]),
  /** What the caller may do next (the admin shows only these buttons). */
  actions: Type.Array(Type.String()),
  history: Type.Array(ArticleEvent),
});
export type ArticleView = Static<typeof Article>;

export const ArticleInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  slug: Type.Optional(Type.String({ maxLength: 160 })),
  summary: Type.String({ maxLength: 1000 }),
  bodyHtml: Type.String({ maxLength: 500_000 }),
  categoryId: Id,
  byline: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  source: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
  coverMediaId: Type.Optional(Nullable(Id)),
  coverAlt: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  audioFileId: Type.Optional(Nullable(Id)),
  attachments: Type.Optional(Type.Array(Type.Object({ fileId: Id, label: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) }), { maxItems: 20 })),
  translations: Type.Optional(Type.Array(Translation, { maxItems: 10 })),
  taskIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  /** The version the editor started from; a stale one answers 409 instead of losing a colleague's edit. */
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type ArticleInputBody = Static<typeof ArticleInput>;

export const ArticleQuery = Type.Object({
  status: Type.Optional(ArticleStatus),
  categoryId: Type.Optional(Id),
  authorId: Type.Optional(Id),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  /** Only force-published articles not yet reviewed. */
  needsReview: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type ArticleQueryInput = Static<typeof ArticleQuery>;

export const Note = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) });
export const Reason = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 2000 }) });
export const PublishInput = Type.Object({
  /** A future instant schedules the article; absent or past publishes now. */
  at: Type.Optional(Type.String({ format: 'date-time' })),
});

export const Revision = Type.Object({
  version: Type.Integer(),
  createdAt: IsoDateTime,
  authorName: Type.String(),
  title: Type.String(),
});
export const RevisionDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  changes: Type.Array(Type.Object({ field: Type.String(), label: Type.String(), before: Type.String(), after: Type.String(), words: Type.Optional(Type.Array(Type.Object({ op: Type.Union([Type.Literal('same'), Type.Literal('add'), Type.Literal('del')]), text: Type.String() }))) })),
});

export const LegalDocument = Type.Object({
  id: Id,
  slug: Type.String(),
  numberSymbol: Type.String(),
  docType: Type.String(),
  issuer: Type.String(),
  signedOn: IsoDate,
  effectiveOn: Type.Union([Type.Null(), IsoDate]),
  subject: Type.String(),
  file: Type.Union([Type.Null(), Attachment]),
  published: Type.Boolean(),
  isDemo: Type.Boolean(),
  updatedAt: IsoDateTime,
});
export type LegalDocumentView = Static<typeof LegalDocument>;

export const LegalDocumentInput = Type.Object({
  numberSymbol: Type.String({ minLength: 1, maxLength: 100 }),
  docType: Type.String({ minLength: 1, maxLength: 100 }),
  issuer: Type.String({ minLength: 1, maxLength: 300 }),
  signedOn: IsoDate,
  effectiveOn: Type.Optional(Type.Union([Type.Null(), IsoDate])),
  subject: Type.String({ minLength: 1, maxLength: 2000 }),
  fileId: Type.Optional(Nullable(Id)),
  published: Type.Optional(Type.Boolean()),
});
export type LegalDocumentInputBody = Static<typeof LegalDocumentInput>;

export const LegalDocumentQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  docType: Type.Optional(Type.String({ maxLength: 100 })),
  year: Type.Optional(Type.Integer({ minimum: 1945, maximum: 2100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type LegalDocumentQueryInput = Static<typeof LegalDocumentQuery>;
export const LegalDocumentList = Type.Object({ total: Type.Integer(), items: Type.Array(LegalDocument) });

import { compiledOnce } from '../../db/compiled-query.ts';
import type { Executor } from '../../db/database.ts';
import { containsText, escapeLike, toCount } from '../../db/sql-helpers.ts';
import type { ArticleStatus, ArticleTable, CategoryTable, LegalDocumentTable, MediaTable } from '../../db/types.ts';

// ---- categories

export function listCategories(db: Executor, agencyId: string) {
  return db.selectFrom('categories').selectAll().where('agency_id', '=', agencyId).orderBy('position').orderBy('name').execute();
}

export function findCategory(db: Executor, id: string) {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCategoryBySlug(db: Executor, agencyId: string, slug: string) {
  return db.selectFrom('categories').selectAll().where('agency_id', '=', agencyId).where('slug', '=', slug).executeTakeFirst();
}

export function insertCategory(db: Executor, row: CategoryTable) {
  return db.insertInto('categories').values(row).execute();
}

export function updateCategory(db: Executor, agencyId: string, id: string, patch: Partial<CategoryTable>) {
  return db.updateTable('categories').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function publishedCountByCategory(db: Executor, agencyId: string) {
  const rows = await db
    .selectFrom('articles')
    .select(['category_id', (eb) => eb.fn.countAll().as('n')])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .groupBy('category_id')
    .execute();
  return new Map(rows.map((r) => [r.category_id, toCount(r.n as number)]));
}

// ---- media

export function insertMedia(db: Executor, row: MediaTable) {
  return db.insertInto('media').values(row).execute();
}

export function findMedia(db: Executor, id: string) {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listMediaByIds(db: Executor, agencyId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('media').selectAll().where('agency_id', '=', agencyId).where('id', 'in', ids).execute();
}

export async function listMedia(db: Executor, agencyId: string, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    db.selectFrom('media').selectAll().where('agency_id', '=', agencyId).orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    db.selectFrom('media').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(total.n as number) };
}

export function updateMediaAlt(db: Executor, agencyId: string, id: string, alt: string) {
  return db.updateTable('media').set({ alt }).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

/** An image is public while some published article shows it. */
export async function isMediaPublished(db: Executor, agencyId: string, mediaId: string) {
  const row = await db
    .selectFrom('article_media')
    .innerJoin('articles', 'articles.id', 'article_media.article_id')
    .select('articles.id')
    .where('article_media.agency_id', '=', agencyId)
    .where('article_media.media_id', '=', mediaId)
    .where('articles.status', '=', 'published')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- articles

export function insertArticle(db: Executor, row: ArticleTable) {
  return db.insertInto('articles').values(row).execute();
}

export function findArticle(db: Executor, id: string) {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findArticleBySlug(db: Executor, agencyId: string, slug: string) {
  return db.selectFrom('articles').selectAll().where('agency_id', '=', agencyId).where('slug', '=', slug).executeTakeFirst();
}

export function findArticleByPreviewToken(db: Executor, agencyId: string, token: string) {
  return db.selectFrom('articles').selectAll().where('agency_id', '=', agencyId).where('preview_token', '=', token).executeTakeFirst();
}

/** Updates the article only if it is still at `version` (optimistic locking); true when it was. */
export async function updateArticle(db: Executor, agencyId: string, id: string, version: number, patch: Partial<ArticleTable>) {
  const result = await db.updateTable('articles').set({ ...patch, version: version + 1 }).where('agency_id', '=', agencyId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Slugs of the agency's articles that start with `base` (to resolve collisions). */
export async function articleSlugsLike(db: Executor, agencyId: string, base: string) {
  const rows = await db.selectFrom('articles').select('slug').where('agency_id', '=', agencyId).where('slug', 'like', `${escapeLike(base)}%`).execute();
  return new Set(rows.map((r) => r.slug));
}

export interface ArticleFilter {
  agencyId: string;
  status?: ArticleStatus;
  categoryId?: string;
  authorId?: string;
  from?: string;
  to?: string;
  q?: string;
  needsReview?: boolean;
  limit: number;
  offset: number;
}

export async function listArticles(db: Executor, f: ArticleFilter) {
  let q = db.selectFrom('articles').where('agency_id', '=', f.agencyId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
  if (f.authorId) q = q.where('created_by', '=', f.authorId);
  // Dates filter on publication when there is one, else on the last change.
  if (f.from) q = q.where((eb) => eb(eb.fn.coalesce('published_at', 'updated_at'), '>=', f.from!));
  if (f.to) q = q.where((eb) => eb(eb.fn.coalesce('published_at', 'updated_at'), '<', `${f.to!}T23:59:59.999Z`));
  if (f.q) q = q.where(containsText('title', f.q));
  if (f.needsReview) q = q.where('force_reason', 'is not', null).where('force_reviewed_at', 'is', null);
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(total.n as number) };
}

const PUBLIC_CARD_COLUMNS = ['id', 'slug', 'title', 'summary', 'category_id', 'cover_media_id', 'cover_alt', 'published_at', 'updated_at', 'is_demo'] as const;

export function listPublished(db: Executor, agencyId: string, opts: { categoryId?: string; limit: number; offset?: number }) {
  let q = db.selectFrom('articles').select(PUBLIC_CARD_COLUMNS).where('agency_id', '=', agencyId).where('status', '=', 'published');
  if (opts.categoryId) q = q.where('category_id', '=', opts.categoryId);
  return q.orderBy('published_at', 'desc').orderBy('id').limit(opts.limit).offset(opts.offset ?? 0).execute();
}

export async function countPublished(db: Executor, agencyId: string, categoryId?: string) {
  let q = db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).where('agency_id', '=', agencyId).where('status', '=', 'published');
  if (categoryId) q = q.where('category_id', '=', categoryId);
  return toCount((await q.executeTakeFirstOrThrow()).n as number);
}

export function listPublishedForSitemap(db: Executor, agencyId: string) {
  return db.selectFrom('articles').select(['slug', 'updated_at', 'id']).where('agency_id', '=', agencyId).where('status', '=', 'published').orderBy('published_at', 'desc').execute();
}

/** Scheduled articles whose time has come (the job normally publishes them; this is the catch-up). */
export function listDueScheduled(db: Executor, now: string) {
  return db.selectFrom('articles').select(['id', 'agency_id', 'version']).where('status', '=', 'scheduled').where('scheduled_at', '<=', now).execute();
}

// ---- translations, attachments, media links

export function listTranslations(db: Executor, agencyId: string, articleId: string) {
  return db.selectFrom('article_translations').selectAll().where('agency_id', '=', agencyId).where('article_id', '=', articleId).orderBy('lang').execute();
}

export async function replaceTranslations(db: Executor, agencyId: string, articleId: string, rows: { lang: string; title: string; summary: string; body_html: string }[]) {
  await db.deleteFrom('article_translations').where('agency_id', '=', agencyId).where('article_id', '=', articleId).execute();
  if (rows.length > 0) await db.insertInto('article_translations').values(rows.map((r) => ({ ...r, agency_id: agencyId, article_id: articleId }))).execute();
}

export function listAttachments(db: Executor, agencyId: string, articleId: string) {
  return db
    .selectFrom('article_attachments')
    .innerJoin('files', 'files.id', 'article_attachments.file_id')
    .select(['article_attachments.file_id', 'article_attachments.label', 'files.name', 'files.mime', 'files.size'])
    .where('article_attachments.agency_id', '=', agencyId)
    .where('article_attachments.article_id', '=', articleId)
    .orderBy('article_attachments.position')
    .execute();
}

export async function replaceAttachments(db: Executor, agencyId: string, articleId: string, rows: { file_id: string; label: string | null }[]) {
  await db.deleteFrom('article_attachments').where('agency_id', '=', agencyId).where('article_id', '=', articleId).execute();
  if (rows.length > 0) await db.insertInto('article_attachments').values(rows.map((r, i) => ({ ...r, agency_id: agencyId, article_id: articleId, position: i }))).execute();
}

export async function replaceArticleMedia(db: Executor, agencyId: string, articleId: string, mediaIds: string[]) {
  await db.deleteFrom('article_media').where('agency_id', '=', agencyId).where('article_id', '=', articleId).execute();
  if (mediaIds.length > 0) await db.insertInto('article_media').values(mediaIds.map((media_id) => ({ agency_id: agencyId, article_id: articleId, media_id }))).execute();
}

export function fileMeta(db: Executor, agencyId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').select(['id', 'name', 'mime', 'size']).where('agency_id', '=', agencyId).where('id', 'in', ids).execute();
}

// ---- revisions and workflow events

export function insertRevision(db: Executor, row: { id: string; agency_id: string; article_id: string; version: number; snapshot: string; created_by: string | null; created_at: string }) {
  return db.insertInto('article_revisions').values(row).execute();
}

export function listRevisions(db: Executor, agencyId: string, articleId: string) {
  return db.selectFrom('article_revisions').selectAll().where('agency_id', '=', agencyId).where('article_id', '=', articleId).orderBy('version', 'desc').execute();
}

export function findRevisions(db: Executor, agencyId: string, articleId: string, versions: number[]) {
  return db.selectFrom('article_revisions').selectAll().where('agency_id', '=', agencyId).where('article_id', '=', articleId).where('version', 'in', versions).execute();
}

export function insertEvent(db: Executor, row: { id: string; agency_id: string; article_id: string; action: string; from_status: string | null; to_status: string; note: string | null; actor_id: string | null; actor_name: string; created_at: string }) {
  return db.insertInto('article_events').values(row).execute();
}

export function listEvents(db: Executor, agencyId: string, articleId: string) {
  return db.selectFrom('article_events').selectAll().where('agency_id', '=', agencyId).where('article_id', '=', articleId).orderBy('created_at').orderBy('id').execute();
}

// ---- legal documents

export function insertDocument(db: Executor, row: LegalDocumentTable) {
  return db.insertInto('legal_documents').values(row).execute();
}

export function findDocument(db: Executor, id: string) {
  return db.selectFrom('legal_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDocumentBySlug(db: Executor, agencyId: string, slug: string) {
  return db.selectFrom('legal_documents').selectAll().where('agency_id', '=', agencyId).where('slug', '=', slug).executeTakeFirst();
}

export function updateDocument(db: Executor, agencyId: string, id: string, patch: Partial<LegalDocumentTable>) {
  return db.updateTable('legal_documents').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function deleteDocument(db: Executor, agencyId: string, id: string) {
  return db.deleteFrom('legal_documents').where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export async function documentSlugsLike(db: Executor, agencyId: string, base: string) {
  const rows = await db.selectFrom('legal_documents').select('slug').where('agency_id', '=', agencyId).where('slug', 'like', `${escapeLike(base)}%`).execute();
  return new Set(rows.map((r) => r.slug));
}

export interface DocumentFilter {
  agencyId: string;
  publishedOnly: boolean;
  /** Matched on the number and symbol or the subject (case-insensitive). */
  q?: string;
  /** Ids from the search index, when the portal searched with folding. */
  ids?: string[];
  docType?: string;
  year?: number;
  limit: number;
  offset: number;
}

export async function listDocuments(db: Executor, f: DocumentFilter) {
  let q = db.selectFrom('legal_documents').where('agency_id', '=', f.agencyId);
  if (f.publishedOnly) q = q.where('published', '=', 1);
  if (f.ids) q = f.ids.length === 0 ? q.where('id', '=', '') : q.where('id', 'in', f.ids);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([containsText('number_symbol', text), containsText('subject', text)]));
  }
  if (f.docType) q = q.where('doc_type', '=', f.docType);
  if (f.year) q = q.where('signed_on', '>=', `${f.year}-01-01`).where('signed_on', '<=', `${f.year}-12-31`);
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('signed_on', 'desc').orderBy('number_symbol').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(total.n as number) };
}

export async function documentFacets(db: Executor, agencyId: string) {
  const rows = await db.selectFrom('legal_documents').select(['doc_type', 'signed_on']).where('agency_id', '=', agencyId).where('published', '=', 1).execute();
  return { docTypes: [...new Set(rows.map((r) => r.doc_type))], years: [...new Set(rows.map((r) => Number(r.signed_on.slice(0, 4))))].sort((a, b) => b - a) };
}

// ---- the public article page

/**
 * A published article by slug with its category, and whether it has language versions or
 * attachments: the article page in one query (the lists are read only when there are some).
 */
/** The article page's one query, compiled once (compiled-query.ts): pages not in the cache run it often. */
const publishedArticlePageQuery = compiledOnce((db, a: { agencyId: string; slug: string }) =>
  db
    .selectFrom('articles')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .selectAll('articles')
    .select((eb) => [
      'categories.slug as category_slug',
      'categories.name as category_name',
      'categories.description as category_description',
      'categories.position as category_position',
      'categories.active as category_active',
      'categories.created_at as category_created_at',
      'categories.updated_at as category_updated_at',
      eb.exists(eb.selectFrom('article_translations').select('article_translations.lang').where('article_translations.agency_id', '=', a.agencyId).whereRef('article_translations.article_id', '=', 'articles.id')).as('has_translations'),
      eb.exists(eb.selectFrom('article_attachments').select('article_attachments.file_id').where('article_attachments.agency_id', '=', a.agencyId).whereRef('article_attachments.article_id', '=', 'articles.id')).as('has_attachments'),
    ])
    .where('articles.agency_id', '=', a.agencyId)
    .where('articles.slug', '=', a.slug)
    .where('articles.status', '=', 'published'),
);

export async function findPublishedArticlePage(db: Executor, agencyId: string, slug: string) {
  const [row] = await publishedArticlePageQuery(db, { agencyId, slug });
  if (!row) return undefined;
  const { category_slug, category_name, category_description, category_position, category_active, category_created_at, category_updated_at, has_translations, has_attachments, ...article } = row;
  const category: CategoryTable = {
    id: article.category_id, agency_id: article.agency_id, slug: category_slug, name: category_name, description: category_description,
    position: category_position, active: category_active, created_at: category_created_at, updated_at: category_updated_at,
  };
  // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
  return { article, category, hasTranslations: Boolean(Number(has_translations)), hasAttachments: Boolean(Number(has_attachments)) };
}

import type { ArticleTable, CategoryTable } from '../../db/types.ts';
import { fileStore } from '../../platform/files/store.ts';
import { ARTICLE_SOURCE } from './articles.ts';
import type { PublishingDeps } from './deps.ts';
import { DOCUMENT_SOURCE } from './documents.ts';
import type { createMediaLibrary } from './media.ts';
import { paths, type PublicArticle, type PublicArticleCard, type PublishingPortalApi } from './public-views.ts';
import * as repo from './repo.ts';
import { ARTICLE_LANGUAGES } from './schema.ts';
import { publicCategory, publicDocument, publicImage } from './views.ts';

type CardRow = Pick<ArticleTable, 'id' | 'slug' | 'title' | 'summary' | 'category_id' | 'cover_media_id' | 'cover_alt' | 'published_at' | 'updated_at' | 'is_demo'>;

const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** The portal's read side: only published content of one agency, already shaped for pages. */
export function createPublicRead(deps: PublishingDeps, media: ReturnType<typeof createMediaLibrary>): PublishingPortalApi {
  const { db } = deps.database;

  async function cards(agencyId: string, rows: CardRow[], categories?: CategoryTable[]): Promise<PublicArticleCard[]> {
    const cats = new Map((categories ?? (await repo.listCategories(db, agencyId))).map((c) => [c.id, c]));
    const covers = new Map((await repo.listMediaByIds(db, agencyId, rows.map((r) => r.cover_media_id).filter((x): x is string => x !== null))).map((m) => [m.id, m]));
    return rows.map((r) => {
      const cover = r.cover_media_id ? covers.get(r.cover_media_id) : undefined;
      return {
        slug: r.slug, path: paths.article(r.slug), title: r.title, summary: r.summary, publishedAt: r.published_at!, updatedAt: r.updated_at,
        category: publicCategory(cats.get(r.category_id)!), cover: cover ? publicImage(cover, r.cover_alt) : null, isDemo: r.is_demo === 1,
      };
    });
  }

  /** `known`: what the article page's query already read (its category, and which lists are empty). */
  async function full(r: ArticleTable, lang: string | undefined, preview: boolean, known?: { category: CategoryTable; hasTranslations: boolean; hasAttachments: boolean }): Promise<PublicArticle | undefined> {
    const [[card], translations, attachments] = await Promise.all([
      cards(r.agency_id, [r], known && [known.category]),
      known?.hasTranslations === false ? [] : repo.listTranslations(db, r.agency_id, r.id),
      known?.hasAttachments === false ? [] : repo.listAttachments(db, r.agency_id, r.id),
    ]);
    const version = lang && lang !== 'vi' ? translations.find((t) => t.lang === lang) : undefined;
    if (lang && lang !== 'vi' && !version) return undefined;
    const audio = r.audio_file_id ? (await repo.fileMeta(db, r.agency_id, [r.audio_file_id]))[0] : undefined;
    const link = (path: string) => (preview ? '' : path);
    const languages = [{ lang: 'vi', name: ARTICLE_LANGUAGES.vi, path: paths.article(r.slug) }, ...translations.map((t) => ({ lang: t.lang, name: ARTICLE_LANGUAGES[t.lang as keyof typeof ARTICLE_LANGUAGES] ?? t.lang, path: paths.article(r.slug, t.lang) }))];
    return {
      ...card!,
      publishedAt: r.published_at ?? r.updated_at,
      title: version?.title ?? r.title,
      summary: version ? version.summary : r.summary,
      lang: version?.lang ?? 'vi',
      langName: version ? languages.find((l) => l.lang === version.lang)!.name : ARTICLE_LANGUAGES.vi,
      bodyHtml: version?.body_html ?? r.body_html,
      byline: r.byline, source: r.source, tags: JSON.parse(r.tags) as string[],
      attachments: attachments.map((x) => ({ name: x.name, label: x.label, mime: x.mime, size: x.size, path: link(paths.articleFile(r.slug, x.file_id)) })),
      audio: audio ? { name: audio.name, label: null, mime: audio.mime, size: audio.size, path: link(paths.articleFile(r.slug, audio.id)) } : null,
      languages, preview,
    };
  }

  async function published(agencyId: string, slug: string) {
    const r = await repo.findArticleBySlug(db, agencyId, slug);
    return r && r.status === 'published' ? r : undefined;
  }

  return {
    async categories(agencyId) {
      return (await repo.listCategories(db, agencyId)).filter((c) => c.active === 1).map(publicCategory);
    },

    async latest(agencyId, limit) {
      return cards(agencyId, await repo.listPublished(db, agencyId, { limit }));
    },

    async columnHome(agencyId, perCategory) {
      const categories = (await repo.listCategories(db, agencyId)).filter((c) => c.active === 1);
      const out = [];
      for (const c of categories) {
        const rows = await repo.listPublished(db, agencyId, { categoryId: c.id, limit: perCategory });
        if (rows.length > 0) out.push({ category: publicCategory(c), articles: await cards(agencyId, rows, categories) });
      }
      return out;
    },

    async categoryPage(agencyId, slug, page, pageSize) {
      const c = await repo.findCategoryBySlug(db, agencyId, slug);
      if (!c || c.active !== 1) return undefined;
      const [total, rows] = await Promise.all([repo.countPublished(db, agencyId, c.id), repo.listPublished(db, agencyId, { categoryId: c.id, limit: pageSize, offset: (page - 1) * pageSize })]);
      return { category: publicCategory(c), total, page, pageCount: pageCountOf(total, pageSize), articles: await cards(agencyId, rows) };
    },

    async article(agencyId, slug, lang) {
      // One query for the usual page (no cover, no language versions, no attachments): pages not in the cache render often.
      const found = await repo.findPublishedArticlePage(db, agencyId, slug);
      return found && full(found.article, lang, false, found);
    },

    async preview(agencyId, token, lang) {
      if (token.length < 20) return undefined;
      const r = await repo.findArticleByPreviewToken(db, agencyId, token);
      return r && full(r, lang, true);
    },

    async articleFile(agencyId, slug, fileId) {
      const r = await published(agencyId, slug);
      if (!r) return undefined;
      const attached = r.audio_file_id === fileId || (await repo.listAttachments(db, agencyId, r.id)).some((x) => x.file_id === fileId);
      const file = attached ? await fileStore.content(db, agencyId, fileId) : undefined;
      return file && { name: file.name, mime: file.mime, content: Buffer.from(file.content) };
    },

    async image(agencyId, mediaId, width, ext, staff = false) {
      if (!staff && !(await repo.isMediaPublished(db, agencyId, mediaId))) return undefined;
      return media.variantContent(agencyId, mediaId, width, ext);
    },

    async documents(agencyId, query) {
      const q = query.q?.trim();
      // Folded search (tones, đ→d) goes through the search index; filters and paging stay in SQL.
      const ids = q ? (await deps.search.searchRefs(agencyId, q, { kinds: [DOCUMENT_SOURCE], limit: 50 })).refs.map((h) => h.refId) : undefined;
      const [{ items, total }, facets] = await Promise.all([
        repo.listDocuments(db, { agencyId, publishedOnly: true, ids, docType: query.docType, year: query.year, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
        repo.documentFacets(db, agencyId),
      ]);
      const files = new Map((await repo.fileMeta(db, agencyId, items.map((d) => d.file_id).filter((x): x is string => x !== null))).map((f) => [f.id, f]));
      return { total, page: query.page, pageCount: pageCountOf(total, query.pageSize), items: items.map((d) => publicDocument(d, d.file_id ? files.get(d.file_id) : undefined)), ...facets };
    },

    async document(agencyId, slug) {
      const d = await repo.findDocumentBySlug(db, agencyId, slug);
      if (!d || d.published !== 1) return undefined;
      const [file] = d.file_id ? await repo.fileMeta(db, agencyId, [d.file_id]) : [];
      return publicDocument(d, file);
    },

    async documentFile(agencyId, slug) {
      const d = await repo.findDocumentBySlug(db, agencyId, slug);
      if (!d || d.published !== 1 || !d.file_id) return undefined;
      const file = await fileStore.content(db, agencyId, d.file_id);
      return file && { name: file.name, mime: file.mime, content: Buffer.from(file.content) };
    },

    async search(agencyId, q, page, pageSize) {
      const result = await deps.search.search(agencyId, q, { kinds: [ARTICLE_SOURCE, DOCUMENT_SOURCE], limit: pageSize, offset: (page - 1) * pageSize });
      return {
        total: result.total, page, pageCount: pageCountOf(result.total, pageSize),
        hits: result.hits.map((h) => ({ kind: h.kind, title: h.title, path: h.url, publishedAt: h.publishedAt, titleHtml: h.titleHtml, snippetHtml: h.snippetHtml })),
      };
    },

    async sitemap(agencyId) {
      const [categories, articles, docs] = await Promise.all([
        repo.listCategories(db, agencyId),
        repo.listPublishedForSitemap(db, agencyId),
        repo.listDocuments(db, { agencyId, publishedOnly: true, limit: 50_000, offset: 0 }),
      ]);
      const newest = articles.reduce((m, a) => (a.updated_at > m ? a.updated_at : m), '');
      return [
        ...(newest ? [{ path: paths.column, lastmod: newest }] : []),
        ...categories.filter((c) => c.active === 1).map((c) => ({ path: paths.category(c.slug), lastmod: c.updated_at > newest ? c.updated_at : newest || c.updated_at })),
        ...articles.map((a) => ({ path: paths.article(a.slug), lastmod: a.updated_at })),
        ...(docs.items.length > 0 ? [{ path: paths.documents, lastmod: docs.items.reduce((m, d) => (d.updated_at > m ? d.updated_at : m), '') }] : []),
        ...docs.items.map((d) => ({ path: paths.document(d.slug), lastmod: d.updated_at })),
      ];
    },
  };
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../../portal/html.ts';
import { page, PAGE_NOT_FOUND, publicBase, serve, type PortalAgencyView } from '../../portal/page.ts';
import type { PortalDeps } from '../../portal/routes.ts';
import { contentDisposition } from '../../platform/content-disposition.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import { newest, PAGE_SIZE, pageHref, QUERY } from './portal.ts';
import { articleDescription, articleHead, articlePage } from './portal-article.ts';
import { categoryHead, categoryPage, COLUMN_TITLE, columnHomePage } from './portal-column.ts';
import { documentListHead, documentListPage, documentPage, documentQuery, DOCUMENTS_TITLE, type DocumentFilters } from './portal-documents.ts';
import { robotsTxt, rssFeed, sitemap, type SitemapEntry } from './portal-feeds.ts';
import { procedureSitemapEntries } from '../procedures/portal-routes.ts';
import { SEARCH_PAGE_SIZE, SEARCH_TITLE, searchPage } from './portal-search.ts';
import { paths, type PublicFileContent } from './public-views.ts';
import { LEGAL_DOCUMENT_TYPES } from './schema.ts';

type Query = Record<string, string | string[] | undefined>;

/** Route patterns, from the same builders as every link (image variants are "<width>.<ext>"). */
const ROUTES = {
  category: paths.category(':slug'),
  categoryFeed: paths.categoryFeed(':slug'),
  article: paths.article(':slug'),
  articleLang: paths.article(':slug', ':lang'),
  articleFile: paths.articleFile(':slug', ':fileId'),
  image: paths.image(':mediaId', 0, 'jpg').replace(/0\.jpg$/, ':variant'),
  preview: paths.preview(':token'),
  document: paths.document(':slug'),
  documentFile: paths.documentFile(':slug'),
};

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const FILE_CACHE = 'public, max-age=3600';
/** Image variant addresses carry the media id and width: their bytes never change. */
const IMAGE_CACHE = 'public, max-age=31536000, immutable';
/** Private or per-query answers: nothing in between may keep them. */
const NO_STORE = 'no-store';
/**
 * Searches per address and minute, unless SEARCH_RATE_LIMIT says otherwise. A search is never
 * cached (it queries the index each time), so it is the portal page a flood could make
 * expensive; a person searches a few times a minute.
 */
export const SEARCH_RATE_LIMIT = { max: 60, timeWindow: 60_000 };

/**
 * The newsroom's public pages: the CCHC column, articles and their files, legal documents,
 * search, feeds, sitemap and robots.txt. Pages go through the portal's cache (tagged with the
 * agency, so publishing invalidates them), except search results and previews.
 */
export async function publishingPortalRoutes(app: FastifyInstance, deps: PortalDeps) {
  const pub = deps.publishing;
  const publicRoute = { config: { access: { public: true } }, schema: { hide: true } };
  const base = (req: FastifyRequest) => publicBase(req, deps.publicUrl);
  const agencyOf = async (req: FastifyRequest) => deps.org.portalAgency(req.hostname, deps.defaultAgency);

  app.get(paths.column, publicRoute, (req, reply) =>
    page(req, reply, deps, COLUMN_TITLE, async (a) => {
      const [categories, groups] = await Promise.all([pub.categories(a.id), pub.columnHome(a.id, 4)]);
      const head = html`<link rel="canonical" href="${base(req) + paths.column}">
<link rel="alternate" type="application/rss+xml" title="${COLUMN_TITLE}" href="${paths.feed}">`;
      return { title: COLUMN_TITLE, main: columnHomePage({ categories, groups }), head, lastModified: newest(groups.flatMap((g) => g.articles)) };
    }),
  );

  app.get<{ Params: { slug: string }; Querystring: Query }>(ROUTES.category, publicRoute, async (req, reply) => {
    const n = pageNumber(req, reply, {});
    if (n === undefined) return reply;
    return page(req, reply, deps, '', async (a) => {
      const [found, categories] = await Promise.all([pub.categoryPage(a.id, req.params.slug, n, PAGE_SIZE), pub.categories(a.id)]);
      if (!found || (n > 1 && n > found.pageCount)) return undefined;
      const p = { ...found, page: n, categories };
      return {
        title: n > 1 ? `${found.category.name} (trang ${n})` : found.category.name,
        description: found.category.description ?? undefined,
        main: categoryPage(p),
        head: categoryHead(p, base(req) + pageHref(found.category.path, {}, n)),
        lastModified: newest(found.articles),
      };
    }, { query: n > 1 ? `${QUERY.page}=${n}` : '' });
  });

  const articleRoute = async (req: FastifyRequest<{ Params: { slug: string; lang?: string } }>, reply: FastifyReply) => {
    const { slug, lang } = req.params;
    if (lang === 'vi') return reply.redirect(paths.article(slug), 301);
    return page(req, reply, deps, '', async (a) => {
      const article = await pub.article(a.id, slug, lang);
      if (!article) return undefined;
      const p = { article, base: base(req), agencyName: a.current.name };
      return { title: article.title, description: articleDescription(article), lang: article.lang, main: articlePage(p), head: articleHead(p), lastModified: article.updatedAt };
    });
  };
  app.get(ROUTES.article, publicRoute, articleRoute);
  app.get(ROUTES.articleLang, publicRoute, articleRoute);

  app.get<{ Params: { token: string }; Querystring: Query }>(ROUTES.preview, publicRoute, async (req, reply) => {
    // The token is the secret: never sent on to other sites, never kept by any cache.
    reply.header('referrer-policy', 'no-referrer');
    return page(req, reply, deps, '', async (a) => {
      // The host's agency is known first: the token is looked up within it.
      const article = await pub.preview(a.id, req.params.token, one(req.query, QUERY.lang));
      if (!article) return undefined;
      const p = { article, base: base(req), agencyName: a.current.name, previewToken: req.params.token };
      return { title: `Xem trước: ${article.title}`, lang: article.lang, main: articlePage(p), head: articleHead(p) };
    }, { noCache: true, cacheControl: NO_STORE, noindex: true });
  });

  app.get<{ Params: { slug: string; fileId: string } }>(ROUTES.articleFile, publicRoute, async (req, reply) => {
    const agency = await agencyOf(req);
    const file = agency && (await pub.articleFile(agency.id, req.params.slug, req.params.fileId));
    if (!file) throw new NotFoundError('Không tìm thấy tệp này.');
    return sendFile(req, reply, file, FILE_CACHE, contentDisposition(file.name));
  });

  app.get<{ Params: { mediaId: string; variant: string } }>(ROUTES.image, publicRoute, async (req, reply) => {
    const m = /^(\d{1,5})\.(webp|jpg)$/.exec(req.params.variant);
    const agency = m && (await agencyOf(req));
    // Staff of the agency also see images not yet published (drafts in the editor and previews).
    const staff = agency !== null && agency !== undefined && req.actor?.agencyId === agency.id;
    const file = agency && (await pub.image(agency.id, req.params.mediaId, Number(m[1]), m[2] as 'webp' | 'jpg', staff));
    // Shown inline, so only the image types the service makes (never markup a browser would run).
    if (!file || !/^image\/(webp|jpeg)$/.test(file.mime)) throw new NotFoundError('Không tìm thấy ảnh này.');
    return sendFile(req, reply, file, staff ? 'private, max-age=300' : IMAGE_CACHE, 'inline');
  });

  app.get<{ Querystring: Query }>(paths.documents, publicRoute, async (req, reply) => {
    const filters = documentFilters(req.query);
    const n = pageNumber(req, reply, documentQuery(filters));
    if (n === undefined) return reply;
    // Only choices the form offers are kept in memory; typed words are searches, never cached.
    const cacheable = !filters.q && (!filters.docType || (LEGAL_DOCUMENT_TYPES as readonly string[]).includes(filters.docType));
    return page(req, reply, deps, DOCUMENTS_TITLE, async (a) => {
      const found = await pub.documents(a.id, { ...filters, page: n, pageSize: PAGE_SIZE });
      if (n > 1 && n > found.pageCount) return undefined;
      const p = { ...found, page: n, filters };
      return { title: n > 1 ? `${DOCUMENTS_TITLE} (trang ${n})` : DOCUMENTS_TITLE, main: documentListPage(p), head: documentListHead(p), lastModified: newest(found.items) };
    }, cacheable ? { query: pageHref('', documentQuery(filters), n).slice(1) } : { noCache: true, cacheControl: NO_STORE });
  });

  app.get<{ Params: { slug: string } }>(ROUTES.document, publicRoute, (req, reply) =>
    page(req, reply, deps, DOCUMENTS_TITLE, async (a) => {
      const d = await pub.document(a.id, req.params.slug);
      return d && { title: `${d.docType} ${d.numberSymbol}`, description: d.subject, main: documentPage(d), head: html`<link rel="canonical" href="${base(req) + d.path}">`, lastModified: d.updatedAt };
    }),
  );

  app.get<{ Params: { slug: string } }>(ROUTES.documentFile, publicRoute, async (req, reply) => {
    const agency = await agencyOf(req);
    const file = agency && (await pub.documentFile(agency.id, req.params.slug));
    if (!file) throw new NotFoundError('Không tìm thấy tệp văn bản này.');
    return sendFile(req, reply, file, FILE_CACHE, contentDisposition(file.name));
  });

  app.get<{ Querystring: Query }>(paths.search, { ...publicRoute, config: { ...publicRoute.config, rateLimit: { ...SEARCH_RATE_LIMIT, max: deps.searchRateLimit ?? SEARCH_RATE_LIMIT.max } } }, async (req, reply) => {
    const q = normalizeText(one(req.query, QUERY.q) ?? '').slice(0, 200);
    const n = pageNumber(req, reply, { [QUERY.q]: q });
    if (n === undefined) return reply;
    return page(req, reply, deps, SEARCH_TITLE, async (a) => {
      const result = q ? await pub.search(a.id, q, n, SEARCH_PAGE_SIZE) : undefined;
      if (n > 1 && (!result || n > result.pageCount)) return undefined;
      return { title: q ? `${SEARCH_TITLE}: ${q}` : SEARCH_TITLE, main: searchPage({ q, result: result && { ...result, page: n } }), head: html`<meta name="robots" content="noindex">` };
    }, { noCache: true, cacheControl: NO_STORE, noindex: true });
  });

  app.get(paths.feed, publicRoute, (req, reply) =>
    serve(req, reply, deps, RSS_TYPE, {}, async (a) => {
      const items = await pub.latest(a.id, 20);
      const text = rssFeed({ base: base(req), title: `${COLUMN_TITLE} – ${a.current.name}`, description: `Tin, bài mới nhất về cải cách hành chính của ${a.current.name}.`, link: paths.column, self: paths.feed, items });
      return { text, lastModified: newest(items) };
    }),
  );

  app.get<{ Params: { slug: string } }>(ROUTES.categoryFeed, publicRoute, (req, reply) =>
    serve(req, reply, deps, RSS_TYPE, {}, async (a) => {
      const found = await pub.categoryPage(a.id, req.params.slug, 1, 20);
      if (!found) return undefined;
      const c = found.category;
      const text = rssFeed({ base: base(req), title: `${c.name} – ${a.current.name}`, description: c.description ?? `Tin, bài mới nhất của chuyên mục ${c.name}.`, link: c.path, self: c.feedPath, items: found.articles });
      return { text, lastModified: newest(found.articles) };
    }),
  );

  app.get('/sitemap.xml', publicRoute, (req, reply) =>
    serve(req, reply, deps, 'application/xml; charset=utf-8', {}, async (a) => {
      const entries = await sitemapEntries(deps, a);
      const lastModified = entries.reduce<string | null>((m, e) => (e.lastmod && (!m || e.lastmod > m) ? e.lastmod : m), null);
      return { text: sitemap(base(req), entries), lastModified };
    }),
  );

  app.get('/robots.txt', publicRoute, (req, reply) => serve(req, reply, deps, 'text/plain; charset=utf-8', {}, async () => ({ text: robotsTxt(base(req)) })));
}

/** Every public page of the agency: the portal's own, its plans, and the newsroom's. */
async function sitemapEntries(deps: PortalDeps, a: PortalAgencyView): Promise<SitemapEntry[]> {
  const [newsroom, categories, plans, procedures] = await Promise.all([deps.publishing.sitemap(a.id), deps.publishing.categories(a.id), deps.plans.listPublic(a.id), procedureSitemapEntries(deps.procedures, a.id)]);
  const latest = newsroom.reduce<string | null>((m, e) => (!m || e.lastmod > m ? e.lastmod : m), null);
  return [
    { path: '/', lastmod: latest },
    { path: paths.column, lastmod: latest },
    ...categories.map((c) => ({ path: c.path })),
    { path: paths.documents },
    { path: '/ke-hoach' },
    ...plans.map((p) => ({ path: `/ke-hoach/${p.id}` })),
    { path: '/gioi-thieu' },
    ...newsroom,
    ...procedures,
  ];
}

/** The first value of a query parameter, or undefined. */
function one(query: Query, name: string): string | undefined {
  const v = query[name];
  return Array.isArray(v) ? v[0] : v;
}

function documentFilters(query: Query): DocumentFilters {
  const q = normalizeText(one(query, QUERY.q) ?? '').slice(0, 200);
  const docType = normalizeText(one(query, QUERY.docType) ?? '').slice(0, 100);
  const year = Number(one(query, QUERY.year));
  return { q: q || undefined, docType: docType || undefined, year: Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : undefined };
}

/**
 * The page number of a list (`?trang=`). Page 1 and spellings like `02` redirect to the canonical
 * address (answering undefined); anything but a positive number is a 404.
 */
function pageNumber(req: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply, keep: Record<string, string | number | undefined>): number | undefined {
  const raw = one(req.query, QUERY.page);
  if (raw === undefined) return 1;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw new NotFoundError(PAGE_NOT_FOUND);
  const n = Number(raw);
  if (n === 1 || String(n) !== raw) {
    void reply.redirect(pageHref(req.url.split('?')[0]!, keep, n), 301);
    return undefined;
  }
  return n;
}

/** A stored file, with single byte ranges (so the audio player can seek). */
function sendFile(req: FastifyRequest, reply: FastifyReply, file: PublicFileContent, cacheControl: string, disposition: string) {
  reply.type(file.mime).header('cache-control', cacheControl).header('content-disposition', disposition).header('accept-ranges', 'bytes');
  const size = file.content.length;
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
  if (!range || (!range[1] && !range[2])) return reply.send(file.content);
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start >= size || start > end) return reply.code(416).header('content-range', `bytes */${size}`).send();
  return reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`).send(file.content.subarray(start, end + 1));
}

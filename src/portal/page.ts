import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OrgService } from '../modules/org/service.ts';
import { packPage, type CachedPage, type HtmlCache } from '../platform/html-cache.ts';
import { NotFoundError } from '../platform/errors.ts';
import { securityHeaders } from '../platform/security.ts';
import { agencyTag } from './cache-tags.ts';
import { layout } from './components/layout.ts';
import { SafeHtml } from './html.ts';
import { portalAgencyOf } from './pages.ts';

/** What serving a public page needs: the agency of the host, the page cache and the public address. */
export interface PageDeps {
  org: Pick<OrgService, 'portalAgency'>;
  defaultAgency: string;
  cache: HtmlCache;
  /** The site's public address (PUBLIC_URL), for absolute links in feeds, sitemaps and Open Graph. */
  publicUrl?: string;
}

export type PortalAgencyView = NonNullable<Awaited<ReturnType<OrgService['portalAgency']>>>;

/** A page's content inside the portal frame. */
export interface PageContent {
  main: SafeHtml;
  title: string;
  description?: string;
  /** Language of the page (`<html lang>`); Vietnamese when absent. */
  lang?: string;
  /** Extra `<head>` elements: canonical, Open Graph, feeds, structured data. */
  head?: SafeHtml;
  /** ISO time of the newest content shown, sent as Last-Modified. */
  lastModified?: string | null;
}

export type PageBody = SafeHtml | PageContent | undefined;

/** A rendered non-HTML document (feed, sitemap, robots.txt). */
export interface DocumentBody {
  text: string;
  lastModified?: string | null;
}

export interface ServeOptions {
  /** The normalised query the page reads (`trang=2`), part of the cache key; '' or absent when it reads none. */
  query?: string;
  /** Render on every request and keep nothing in memory (search results, previews). */
  noCache?: boolean;
  /** Cache-Control header; pages default to PAGE_CACHE_CONTROL. */
  cacheControl?: string;
  /** Ask search engines not to index the page (X-Robots-Tag; the page adds its own meta tag). */
  noindex?: boolean;
  /**
   * Further headers of the response (content-disposition, CORS). Set them here, not on the reply:
   * the fast path (page-fast-path.ts) sends a cached page again with exactly the headers recorded here.
   */
  headers?: Record<string, string>;
}

/** Fit for nginx or a CDN in front: a minute fresh, then served stale while one request revalidates. */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** The 404 message of a page whose content does not exist, the same as for an unknown address. */
export const PAGE_NOT_FOUND = 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.';

/** Last-Modified of cached pages, beside the cache (whose entries carry only body, gzip and ETag). */
const lastModifiedOf = new WeakMap<CachedPage, string>();

/**
 * Serves a page in the portal frame from the HTML cache (rendering it on a miss), with ETag and
 * Last-Modified revalidation and gzip. A body of undefined is a 404 (rendered by the error
 * handler, never cached). Every page is tagged with its agency, so publishing invalidates it.
 */
export async function page(req: FastifyRequest, reply: FastifyReply, deps: PageDeps, title: string, body: (a: PortalAgencyView) => Promise<PageBody>, opts: ServeOptions = {}) {
  const path = pathOf(req);
  return serve(req, reply, deps, 'text/html; charset=utf-8', opts, async (agency) => {
    const content = await body(agency);
    if (!content) return undefined;
    const c = content instanceof SafeHtml ? { main: content, title } : content;
    const text = layout({ title: c.title, agency: portalAgencyOf(agency), path, main: c.main, lang: c.lang, head: c.head, description: c.description }).value;
    return { text, lastModified: c.lastModified };
  });
}

/** Like `page`, for a document that is not an HTML page (RSS, sitemap, robots.txt), of the given content type. */
export async function serve(req: FastifyRequest, reply: FastifyReply, deps: PageDeps, type: string, opts: ServeOptions, render: (a: PortalAgencyView) => Promise<DocumentBody | undefined>) {
  let missing = false;
  let noAgency = false;
  let lastModified: string | undefined;
  const produce = async () => {
    const agency = await deps.org.portalAgency(req.hostname, deps.defaultAgency);
    if (!agency) return void (noAgency = true);
    const out = await render(agency);
    if (!out) return void (missing = true);
    lastModified = out.lastModified ?? undefined;
    return { html: out.text, tags: [agencyTag(agency.id)] };
  };
  const key = `${req.hostname}|${pathOf(req)}${opts.query ? `?${opts.query}` : ''}`;
  const sent = opts.noCache ? packRendered(await produce()) : await deps.cache.get(key, produce);
  if (missing) throw new NotFoundError(PAGE_NOT_FOUND);
  if (!sent || noAgency) return reply.code(503).type('text/html; charset=utf-8').send('<!doctype html><html lang="vi"><title>Chưa có dữ liệu</title><p>Chưa có cơ quan nào trong cơ sở dữ liệu. Hãy chạy <code>minhbach seed</code>.</p></html>');
  if (lastModified) lastModifiedOf.set(sent, lastModified);
  const modified = lastModifiedOf.get(sent);
  const headers: Record<string, string> = { ...opts.headers, 'content-type': type, 'cache-control': opts.cacheControl ?? PAGE_CACHE_CONTROL, etag: sent.etag, vary: 'accept-encoding' };
  if (modified) headers['last-modified'] = new Date(modified).toUTCString();
  if (opts.noindex) headers['x-robots-tag'] = 'noindex';
  // A cached page's headers stay with it: the fast path (page-fast-path.ts) sends it again as is.
  // Not when the route set others on the reply (or a cookie is going out): those would be lost.
  if (!opts.noCache && Object.keys(reply.getHeaders()).every((h) => EVERY_RESPONSE_HEADERS.has(h))) pageHeadersOf.set(sent, headers);
  reply.headers(headers);
  if (notModified(req.headers, sent.etag, modified)) return reply.code(304).send();
  if (acceptsGzip(req.headers)) return reply.header('content-encoding', 'gzip').send(sent.gzip);
  return reply.send(sent.body);
}

/** What every response carries before a route adds its own (security.ts, with or without HTTPS). */
const EVERY_RESPONSE_HEADERS = new Set(Object.keys(securityHeaders({ https: true })));

/** The headers a cached page was sent with (type, caching, validators), once it has been sent. */
const pageHeadersOf = new WeakMap<CachedPage, Readonly<Record<string, string>>>();

/** A cached page with the headers it is sent with; undefined until the app has served it once. */
export function sendablePage(page: CachedPage): { page: CachedPage; headers: Readonly<Record<string, string>>; lastModified: string | undefined } | undefined {
  const headers = pageHeadersOf.get(page);
  return headers && { page, headers, lastModified: lastModifiedOf.get(page) };
}

export const acceptsGzip = (headers: IncomingHttpHeaders) => /\bgzip\b/.test(String(headers['accept-encoding'] ?? ''));

/** The path of the request, without its query. */
export function pathOf(req: FastifyRequest): string {
  return req.url.split('?')[0]!;
}

/**
 * The site's absolute address for this request: PUBLIC_URL when the request is for its host; for
 * another agency's host, that host with PUBLIC_URL's scheme (the proxy in front terminates TLS).
 */
export function publicBase(req: FastifyRequest, publicUrl: string | undefined): string {
  if (!publicUrl) return `${req.protocol}://${req.host}`;
  const url = new URL(publicUrl);
  if (url.hostname === req.hostname) return publicUrl.replace(/\/+$/, '');
  return `${url.protocol}//${req.host}`;
}

/** An uncached page, packed like a cached one (gzip and ETag) for the same sending code. */
function packRendered(rendered: { html: string } | undefined): CachedPage | undefined {
  return rendered && packPage(rendered.html);
}

/** If-None-Match (weak comparison) decides when present; otherwise If-Modified-Since, to the second. */
export function notModified(headers: IncomingHttpHeaders, etag: string, modified: string | undefined): boolean {
  const inm = headers['if-none-match'];
  if (inm) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return inm.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
  }
  const ims = headers['if-modified-since'];
  if (!ims || !modified) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(Date.parse(modified) / 1000) * 1000 <= since;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedPage, HtmlCache } from '../platform/html-cache.ts';
import { acceptsGzip, notModified, sendablePage } from './page.ts';

/**
 * Sends cached public pages straight from the HTML cache, before Fastify sees the request.
 *
 * Why: a cached page costs little to produce, so Fastify's own per-request work (request and
 * reply objects, hooks, header handling) was most of its cost: the app reached about half the
 * rate of a bare node:http server sending the same bytes. Answering a hit here comes close to it.
 *
 * What makes this safe: a page enters the cache only through `serve()` (page.ts), under the key
 * `host|path` (plus a normalised query, which this path never serves: any URL with `?` goes to
 * Fastify), and its response depends only on that key and the database, never on cookies or the
 * actor. `serve()` records the headers it sent with the page; this path sends the same ones, the
 * security headers every response carries, and the same 304 / gzip decisions. A miss, a page not
 * yet served once, another method or an API/admin path falls through to Fastify unchanged.
 */
export function createPageFastPath(opts: {
  cache: HtmlCache;
  /** The hardening headers of every response (security.ts `securityHeaders`). */
  securityHeaders: Readonly<Record<string, string>>;
  /** Counted like other responses (metrics). */
  onServed?: (status: number, seconds: number) => void;
}) {
  const { cache, securityHeaders, onServed } = opts;
  /** The full header sets of a cached page (304, plain, gzip), merged once rather than per request. */
  const headerSets = new WeakMap<CachedPage, { notModified: Record<string, string>; plain: Record<string, string>; gzip: Record<string, string> }>();
  const headerSetsOf = (page: CachedPage, headers: Readonly<Record<string, string>>) => {
    let sets = headerSets.get(page);
    if (!sets) {
      const base = { ...securityHeaders, ...headers };
      sets = {
        notModified: base,
        plain: { ...base, 'content-length': String(page.body.length) },
        gzip: { ...base, 'content-encoding': 'gzip', 'content-length': String(page.gzip.length) },
      };
      headerSets.set(page, sets);
    }
    return sets;
  };

  /** True when the response was sent here. */
  return function servePage(req: IncomingMessage, res: ServerResponse): boolean {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const url = req.url;
    if (!url || url.includes('?') || url.startsWith('/api/') || url.startsWith('/admin') || url.startsWith('/docs')) return false;
    const host = req.headers.host;
    if (!host || host[0] === '[') return false;
    const hostname = host.split(':', 1)[0]!;
    const cached = cache.peek(`${hostname}|${url}`);
    const sendable = cached && sendablePage(cached);
    if (!sendable) return false;
    const started = onServed ? performance.now() : 0;
    const { page, headers, lastModified } = sendable;
    const sets = headerSetsOf(page, headers);
    let status = 200;
    if (notModified(req.headers, page.etag, lastModified)) {
      status = 304;
      res.writeHead(304, sets.notModified);
      res.end();
    } else {
      const gzip = acceptsGzip(req.headers);
      res.writeHead(200, gzip ? sets.gzip : sets.plain);
      if (method === 'HEAD') res.end();
      else res.end(gzip ? page.gzip : page.body);
    }
    onServed?.(status, (performance.now() - started) / 1000);
    return true;
  };
}

export type PageFastPath = ReturnType<typeof createPageFastPath>;

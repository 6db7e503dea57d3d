import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HtmlCache } from '../platform/html-cache.ts';
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
    let status = 200;
    if (notModified(req.headers, page.etag, lastModified)) {
      status = 304;
      res.writeHead(304, { ...securityHeaders, ...headers });
      res.end();
    } else {
      const gzip = acceptsGzip(req.headers);
      const body = gzip ? page.gzip : page.body;
      res.writeHead(200, { ...securityHeaders, ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(body.length) });
      if (method === 'HEAD') res.end();
      else res.end(body);
    }
    onServed?.(status, (performance.now() - started) / 1000);
    return true;
  };
}

export type PageFastPath = ReturnType<typeof createPageFastPath>;

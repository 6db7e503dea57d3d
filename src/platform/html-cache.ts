import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** A rendered public page, ready to send: body, its gzip and an ETag. */
export interface CachedPage {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * In-process cache of rendered public pages. Entries carry tags (e.g. `agency:<id>`); a change
 * invalidates its tags at once; other processes learn of it through platform/cache-sync.ts, and
 * the TTL is the backstop. Example: `cache.get('host|/', async () => ({ html: render(), tags: ['agency:1'] }))`.
 */
export function createHtmlCache(opts: { maxEntries?: number; ttlMs?: number } = {}) {
  const maxEntries = opts.maxEntries ?? 2000;
  const ttlMs = opts.ttlMs ?? 60_000;
  const entries = new Map<string, { page: CachedPage; tags: string[]; expires: number }>();
  let invalidations = 0;

  return {
    async get(key: string, render: () => Promise<{ html: string; tags: string[] } | undefined>): Promise<CachedPage | undefined> {
      const hit = entries.get(key);
      if (hit && hit.expires > Date.now()) return hit.page;
      const started = invalidations;
      const rendered = await render();
      if (rendered === undefined) return undefined;
      const { html, tags } = rendered;
      const page = packPage(html);
      // Something changed while this page was being made: send it, but do not keep it.
      if (invalidations !== started) return page;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { page, tags, expires: Date.now() + ttlMs });
      return page;
    },
    /** The page cached under `key`, if any and fresh; never renders. */
    peek(key: string): CachedPage | undefined {
      const hit = entries.get(key);
      return hit && hit.expires > Date.now() ? hit.page : undefined;
    },
    invalidateTag(tag: string) {
      invalidations++;
      for (const [key, e] of entries) if (e.tags.includes(tag)) entries.delete(key);
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

/**
 * A rendered page packed for sending: its bytes, gzip and a weak ETag. Compressed on the event
 * loop: zlib's asynchronous API still set up each stream there and measured slower overall.
 */
export function packPage(html: string): CachedPage {
  const body = Buffer.from(html, 'utf8');
  return { body, gzip: gzipSync(body, { level: 6 }), etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"` };
}

export type HtmlCache = ReturnType<typeof createHtmlCache>;

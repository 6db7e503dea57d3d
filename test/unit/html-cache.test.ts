import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createHtmlCache, packPage } from '../../src/platform/html-cache.ts';

describe('html cache', () => {
  it('packs a page: gzip inflates to the same bytes, the ETag follows the content', async () => {
    const a = packPage('<p>Cải cách hành chính</p>');
    const b = packPage('<p>Cải cách hành chính!</p>');
    expect(gunzipSync(a.gzip).equals(a.body)).toBe(true);
    expect(a.body.toString('utf8')).toBe('<p>Cải cách hành chính</p>');
    expect(a.etag).toMatch(/^W\/"/);
    expect(a.etag).not.toBe(b.etag);
  });

  it('renders once, then serves the kept page until its tag is invalidated', async () => {
    const cache = createHtmlCache();
    let renders = 0;
    const render = async () => ({ html: `<p>${++renders}</p>`, tags: ['agency:1'] });
    const first = await cache.get('k', render);
    expect((await cache.get('k', render))?.etag).toBe(first?.etag);
    expect(renders).toBe(1);
    cache.invalidateTag('agency:2');
    expect(cache.peek('k')).toBeDefined();
    cache.invalidateTag('agency:1');
    expect(cache.peek('k')).toBeUndefined();
    expect((await cache.get('k', render))?.body.toString()).toBe('<p>2</p>');
  });

  it('does not keep a page whose content changed while it was being rendered', async () => {
    const cache = createHtmlCache();
    let release!: () => void;
    const slow = cache.get('k', async () => {
      await new Promise<void>((r) => (release = r));
      return { html: '<p>cũ</p>', tags: ['agency:1'] };
    });
    await Promise.resolve();
    cache.invalidateTag('agency:1'); // an article was published meanwhile
    release();
    expect((await slow)?.body.toString()).toBe('<p>cũ</p>');
    expect(cache.peek('k')).toBeUndefined();
  });

  it('keeps at most maxEntries pages, the oldest leaving first', async () => {
    const cache = createHtmlCache({ maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => ({ html: k, tags: [] }));
    expect(cache.size).toBe(2);
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.peek('c')?.body.toString()).toBe('c');
  });
});

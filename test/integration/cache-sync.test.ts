import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCacheSync } from '../../src/platform/cache-sync.ts';
import { createHtmlCache } from '../../src/platform/html-cache.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases.ts';

// Two "processes" (a cache and its sync each) on one database: the fast variant of multi-process.test.ts.
describe.each(ENGINES)('page cache sync across processes on %s', (engine) => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase(engine);
  });
  afterAll(() => d.drop());

  const page = (html: string, tag: string) => async () => ({ html, tags: [tag] });

  it('a change in one process drops the tag in the other at its next poll, and nothing else', async () => {
    const [cacheA, cacheB] = [createHtmlCache(), createHtmlCache()];
    const [syncA, syncB] = [createCacheSync({ database: d.database, cache: cacheA }), createCacheSync({ database: d.database, cache: cacheB })];
    await syncA.poll();
    await syncB.poll();
    await cacheB.get('h|/', page('cũ', 'agency:1'));
    await cacheB.get('h|/khac', page('khác', 'agency:2'));
    // Services do not await the bump (it may be asked for inside a transaction); the test does.
    await syncA.invalidate('agency:1');
    expect(cacheB.peek('h|/')).toBeDefined();
    await syncB.poll();
    expect(cacheB.peek('h|/')).toBeUndefined();
    expect(cacheB.peek('h|/khac')).toBeDefined();
    // A second poll without a change drops nothing more.
    await cacheB.get('h|/', page('mới', 'agency:1'));
    await syncB.poll();
    expect(cacheB.peek('h|/')?.body.toString()).toBe('mới');
  });

  it('a tag bumped for the first time after start is noticed too', async () => {
    const cache = createHtmlCache();
    const sync = createCacheSync({ database: d.database, cache });
    await sync.poll();
    await cache.get('h|/moi', page('x', 'agency:moi'));
    await createCacheSync({ database: d.database, cache: createHtmlCache() }).invalidate('agency:moi');
    await sync.poll();
    expect(cache.peek('h|/moi')).toBeUndefined();
  });
});

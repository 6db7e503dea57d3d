import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrgService } from '../../src/modules/org/service.ts';
import type { ProceduresPublicRead } from '../../src/modules/procedures/public-read.ts';
import type { PlansService } from '../../src/modules/plans/service.ts';
import { createExamplePortalApi, EXAMPLE_AGENCY_ID, EXAMPLE_PREVIEW_TOKEN, exampleAgency, exampleDocuments, type ExamplePortalApi } from '../../src/modules/publishing/portal-examples.ts';
import { paths } from '../../src/modules/publishing/public-views.ts';
import { createHtmlCache, type HtmlCache } from '../../src/platform/html-cache.ts';
import { installErrorHandling } from '../../src/platform/http-errors.ts';
import { agencyTag } from '../../src/portal/cache-tags.ts';
import { PAGE_CACHE_CONTROL } from '../../src/portal/page.ts';
import { createErrorPageRenderer, portalRoutes, type PortalDeps } from '../../src/portal/routes.ts';

const HOST = 'cchc.vidu.gov.vn';
const BASE = `https://${HOST}`;
const ARTICLE = paths.article('tin-bai-so-1');
const CATEGORY = paths.category('tin-cai-cach-hanh-chinh');

/** The portal alone, over the in-memory newsroom: no database, every call counted. */
async function buildPortal(): Promise<{ app: FastifyInstance; publishing: ExamplePortalApi; cache: HtmlCache }> {
  const app = Fastify({ logger: false });
  const cache = createHtmlCache();
  const publishing = createExamplePortalApi();
  const org = { portalAgency: async () => exampleAgency } as unknown as OrgService;
  const plans = { listPublic: async () => [{ id: 'ke-hoach-2024' }], getPublic: async () => undefined, publicFile: async () => undefined } as unknown as PlansService;
  // The procedures' pages are not under test here: an empty catalog.
  const procedures = { fields: async () => [], changes: async () => [], openData: async () => [], catalog: async () => ({ total: 0, page: 1, pageCount: 1, searched: false, items: [] }) } as unknown as ProceduresPublicRead;
  const deps: PortalDeps = { org, plans, publishing, procedures, defaultAgency: exampleAgency.code, cache, publicUrl: BASE };
  installErrorHandling(app, createErrorPageRenderer(deps));
  await app.register(portalRoutes, deps);
  await app.ready();
  return { app, publishing, cache };
}

describe('newsroom pages on the portal', () => {
  let app: FastifyInstance;
  let publishing: ExamplePortalApi;
  let cache: HtmlCache;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { host: HOST, accept: 'text/html', ...headers } });

  beforeAll(async () => {
    ({ app, publishing, cache } = await buildPortal());
  });
  afterAll(() => app.close());
  beforeEach(() => cache.clear());

  it.each([
    ['/', 'text/html; charset=utf-8', 'Tin mới'],
    [paths.column, 'text/html; charset=utf-8', 'Chuyên mục cải cách hành chính'],
    [CATEGORY, 'text/html; charset=utf-8', '30 tin, bài'],
    [`${CATEGORY}?trang=3`, 'text/html; charset=utf-8', '(trang 3/3)'],
    [ARTICLE, 'text/html; charset=utf-8', '<html lang="vi">'],
    [paths.article('tin-bai-so-1', 'tyz'), 'text/html; charset=utf-8', '<html lang="tyz">'],
    [paths.documents, 'text/html; charset=utf-8', 'Có 14 văn bản.'],
    [`${paths.documents}?loai=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh&nam=2023`, 'text/html; charset=utf-8', 'Tìm thấy 7 văn bản phù hợp.'],
    [exampleDocuments[0]!.path, 'text/html; charset=utf-8', '<dt>Cơ quan ban hành</dt>'],
    [`${paths.search}?q=thu+tuc`, 'text/html; charset=utf-8', 'kết quả cho “thu tuc”'],
    [paths.search, 'text/html; charset=utf-8', 'Nhập từ khóa để tìm'],
    [paths.feed, 'application/rss+xml; charset=utf-8', `<atom:link href="${BASE}/rss.xml" rel="self"`],
    [paths.categoryFeed('tin-cai-cach-hanh-chinh'), 'application/rss+xml; charset=utf-8', `<link>${BASE}${CATEGORY}</link>`],
    ['/sitemap.xml', 'application/xml; charset=utf-8', `<loc>${BASE}${ARTICLE}</loc>`],
    ['/robots.txt', 'text/plain; charset=utf-8', `Sitemap: ${BASE}/sitemap.xml`],
  ])('GET %s answers 200 %s', async (url, type, text) => {
    const res = await get(url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body).toContain(text);
  });

  it.each([
    paths.category('khong-co'),
    `${CATEGORY}?trang=4`,
    `${CATEGORY}?trang=abc`,
    `${CATEGORY}?trang=0`,
    paths.article('khong-co'),
    paths.article('tin-bai-so-2', 'tyz'),
    paths.document('khong-co'),
    `${paths.documents}?trang=3`,
    `${paths.search}?q=thu+tuc&trang=9`,
    paths.categoryFeed('khong-co'),
    paths.preview('sai-ma-xem-truoc-000000'),
    paths.articleFile('tin-bai-so-1', 'khong-co'),
    paths.documentFile(exampleDocuments[3]!.slug),
    paths.image('anh-1', 320, 'webp').replace('.webp', '.gif'),
    paths.image('khac-1', 320, 'webp'),
  ])('GET %s answers 404 with the portal page', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('Không tìm thấy');
    expect(res.headers['cache-control']).toBeUndefined();
  });

  it('redirects page 1 and the Vietnamese version to their canonical addresses', async () => {
    let res = await get(`${CATEGORY}?trang=1`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(CATEGORY);
    res = await get(`${paths.documents}?q=k%E1%BA%BF&trang=02`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`${paths.documents}?q=k%E1%BA%BF&trang=2`);
    res = await get(`${ARTICLE}/vi`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(ARTICLE);
  });

  it('sends cache headers fit for a CDN, Last-Modified from the content, gzip on request', async () => {
    const res = await get(ARTICLE, { 'accept-encoding': 'gzip, br' });
    expect(res.headers['cache-control']).toBe(PAGE_CACHE_CONTROL);
    expect(PAGE_CACHE_CONTROL).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(res.headers.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(res.headers['last-modified']).toBe(new Date('2024-01-02T02:30:00.000Z').toUTCString());
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('accept-encoding');
    // The Last-Modified of a cached copy is the same.
    expect((await get(ARTICLE)).headers['last-modified']).toBe(res.headers['last-modified']);
    // A list's is that of the newest item it shows (the first page shows the first 12).
    expect((await get(paths.documents)).headers['last-modified']).toBe(new Date(exampleDocuments[11]!.updatedAt).toUTCString());
  });

  it('answers 304 to a matching If-None-Match or a recent If-Modified-Since', async () => {
    const first = await get(ARTICLE);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    const res = await get(ARTICLE, { 'if-none-match': etag });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBe(etag);
    expect(res.headers['cache-control']).toBe(PAGE_CACHE_CONTROL);
    expect((await get(ARTICLE, { 'if-none-match': `"other", ${etag.replace('W/', '')}` })).statusCode).toBe(304);
    expect((await get(ARTICLE, { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
    expect((await get(ARTICLE, { 'if-modified-since': lastModified })).statusCode).toBe(304);
    expect((await get(ARTICLE, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).statusCode).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await get(ARTICLE, { 'if-none-match': 'W/"other"', 'if-modified-since': lastModified })).statusCode).toBe(200);
  });

  it('serves a page again from memory until the agency tag is invalidated', async () => {
    const before = publishing.calls.article ?? 0;
    const first = await get(ARTICLE);
    const second = await get(ARTICLE);
    expect(publishing.calls.article).toBe(before + 1);
    expect(second.body).toBe(first.body);
    cache.invalidateTag(agencyTag(EXAMPLE_AGENCY_ID));
    await get(ARTICLE);
    expect(publishing.calls.article).toBe(before + 2);
  });

  it('keys cached lists by their page and filters', async () => {
    const before = publishing.calls.categoryPage ?? 0;
    const [p2, p3] = [await get(`${CATEGORY}?trang=2`), await get(`${CATEGORY}?trang=3`)];
    expect(p2.body).toContain('(trang 2/3)');
    expect(p3.body).toContain('(trang 3/3)');
    // Another query parameter the page does not read shares the entry.
    expect((await get(`${CATEGORY}?trang=2&utm_source=zalo`)).body).toBe(p2.body);
    expect(publishing.calls.categoryPage).toBe(before + 2);

    const docs = publishing.calls.documents ?? 0;
    await get(`${paths.documents}?nam=2024`);
    await get(`${paths.documents}?nam=2024`);
    await get(`${paths.documents}?nam=2023`);
    expect(publishing.calls.documents).toBe(docs + 2);
  });

  it('never keeps search results, typed document searches or previews', async () => {
    const size = cache.size;
    for (const [url, counter] of [[`${paths.search}?q=thu+tuc`, 'search'], [`${paths.documents}?q=k%E1%BA%BF+ho%E1%BA%A1ch`, 'documents'], [paths.preview(EXAMPLE_PREVIEW_TOKEN), 'preview']] as const) {
      const before = publishing.calls[counter] ?? 0;
      const a = await get(url);
      const b = await get(url);
      expect(a.statusCode).toBe(200);
      expect(publishing.calls[counter], url).toBe(before + 2);
      expect(b.headers['cache-control']).toBe('no-store');
    }
    expect(cache.size).toBe(size);
  });

  it('marks search and previews noindex; previews show their banner and leak no token', async () => {
    const search = await get(`${paths.search}?q=thu+tuc`);
    expect(search.headers['x-robots-tag']).toBe('noindex');
    expect(search.body).toContain('<meta name="robots" content="noindex">');
    expect(search.body).toContain('<mark>');

    const preview = await get(paths.preview(EXAMPLE_PREVIEW_TOKEN));
    expect(preview.headers['x-robots-tag']).toBe('noindex');
    expect(preview.headers['referrer-policy']).toBe('no-referrer');
    expect(preview.body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(preview.body).toContain('Bản xem trước — chưa đăng.');
    expect(preview.body).toContain(`href="/xem-truoc/${EXAMPLE_PREVIEW_TOKEN}?lang=tyz" hreflang="tyz"`);
    expect(preview.body).not.toContain('href=""');
    const tay = await get(`${paths.preview(EXAMPLE_PREVIEW_TOKEN)}?lang=tyz`);
    expect(tay.body).toContain('<html lang="tyz">');
  });

  it('serves article and document files for download, images inline and immutable, byte ranges for audio', async () => {
    let res = await get(paths.articleFile('tin-bai-so-1', 'tep-1'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Ke hoach 05-KH-BDT.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch 05-KH-BDT.pdf')}`);

    res = await get(paths.documentFile(exampleDocuments[0]!.slug));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);

    res = await get(paths.image('anh-1', 320, 'webp'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-disposition']).toBe('inline');
    expect((await get(paths.image('anh-1', 1200, 'jpg'))).headers['content-type']).toBe('image/jpeg');

    const audio = paths.articleFile('tin-bai-so-1', 'tep-am-thanh');
    const whole = (await get(audio)).rawPayload;
    res = await get(audio, { range: 'bytes=2-5' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 2-5/${whole.length}`);
    expect(res.rawPayload).toEqual(whole.subarray(2, 6));
    expect((await get(audio, { range: 'bytes=-3' })).rawPayload).toEqual(whole.subarray(-3));
    expect((await get(audio, { range: `bytes=${whole.length}-` })).statusCode).toBe(416);
  });

  it('puts the newsroom in the navigation and its pages in the sitemap', async () => {
    const home = await get('/');
    expect(home.body).toContain('<a href="/cai-cach-hanh-chinh">Cải cách hành chính</a>');
    expect(home.body).toContain('<a href="/van-ban">Văn bản</a>');
    expect(home.body).toContain('<form class="header-search" role="search" aria-label="Tìm kiếm trên cổng" action="/tim-kiem" method="get">');
    const column = await get(paths.column);
    expect(column.body).toContain('<a href="/cai-cach-hanh-chinh" aria-current="page">');
    const sitemap = (await get('/sitemap.xml')).body;
    for (const path of ['/', paths.column, CATEGORY, paths.documents, exampleDocuments[0]!.path, '/ke-hoach/ke-hoach-2024']) expect(sitemap).toContain(`<loc>${BASE}${path}</loc>`);
    expect(sitemap.match(/<url>/g)!.length).toBe(new Set(sitemap.match(/<loc>[^<]+<\/loc>/g)).size);
  });

  it('uses the request\'s host for another agency\'s address', async () => {
    const res = await app.inject({ method: 'GET', url: '/robots.txt', headers: { host: 'bandantoc.example.vn' } });
    expect(res.body).toContain('Sitemap: https://bandantoc.example.vn/sitemap.xml');
  });
});

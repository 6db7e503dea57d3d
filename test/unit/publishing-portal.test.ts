import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { articleHead, articlePage, jsonForScript, lazyImages, previewPath } from '../../src/modules/publishing/portal-article.ts';
import { categoryHead, categoryPage, columnHomePage } from '../../src/modules/publishing/portal-column.ts';
import { documentListPage, documentPage } from '../../src/modules/publishing/portal-documents.ts';
import { EXAMPLE_BASE, exampleAgency, exampleArticle, exampleArticleCards, exampleBody, exampleDocuments, examples, XSS } from '../../src/modules/publishing/portal-examples.ts';
import { rfc822, robotsTxt, rssFeed, sitemap, xmlText } from '../../src/modules/publishing/portal-feeds.ts';
import { fileSize, pageHref, pagination } from '../../src/modules/publishing/portal.ts';
import { searchPage } from '../../src/modules/publishing/portal-search.ts';
import { paths } from '../../src/modules/publishing/public-views.ts';
import { layout } from '../../src/portal/components/layout.ts';
import type { SafeHtml } from '../../src/portal/html.ts';
import { homePage, portalAgencyOf } from '../../src/portal/pages.ts';

const agency = portalAgencyOf(exampleAgency);

/** A page in the portal frame, as the routes send it. */
function framed(main: SafeHtml, opts: { lang?: string; head?: SafeHtml; path?: string } = {}): string {
  return layout({ title: 'Trang thử', agency, path: opts.path ?? '/', main, lang: opts.lang, head: opts.head }).value;
}

/** No payload came through as markup, and at least one came through as text. */
function expectEscaped(out: string) {
  expect(out).not.toContain(XSS[0]);
  expect(out).not.toContain(XSS[1]);
  // With attribute values blanked, no element may carry an event handler.
  expect(out.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  expect(out).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
  expect(out).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt;|&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
}

/**
 * A small well-formedness check of generated XML: one root, tags balanced and properly named,
 * attributes quoted, every `&` an entity, no `<` in text.
 */
function expectWellFormedXml(xml: string): string[] {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  const seen: string[] = [];
  let roots = 0;
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  for (const [token] of body.matchAll(/<[^<>]*>|[^<]+|</g)) {
    if (!token.startsWith('<')) {
      expect(token, 'text with a bare &').not.toMatch(entity);
      if (stack.length === 0) expect(token.trim(), 'text outside the root').toBe('');
      continue;
    }
    const m = /^<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>$/.exec(token);
    expect(m, `malformed tag ${token}`).not.toBeNull();
    const [, closing, name, attrs, selfClosing] = m!;
    expect(attrs, `attribute with a bare & in ${token}`).not.toMatch(entity);
    if (closing) {
      expect(stack.pop(), `</${name}> closes the wrong element`).toBe(name);
    } else {
      if (stack.length === 0) roots++;
      seen.push(name!);
      if (!selfClosing) stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  return seen;
}

describe('newsroom templates escape every text field', () => {
  const cases: [string, () => string][] = [
    ...Object.entries(examples.columnHome).map(([name, p]) => [`column home: ${name}`, () => framed(columnHomePage(p))] as [string, () => string]),
    ...Object.entries(examples.categoryPage).map(([name, p]) => [`category: ${name}`, () => framed(categoryPage(p), { head: categoryHead(p, EXAMPLE_BASE + p.category.path) })] as [string, () => string]),
    ...Object.entries(examples.article).map(([name, p]) => [`article: ${name}`, () => framed(articlePage(p), { head: articleHead(p), lang: p.article.lang })] as [string, () => string]),
    ...Object.entries(examples.documentList).map(([name, p]) => [`documents: ${name}`, () => framed(documentListPage(p))] as [string, () => string]),
    ...Object.entries(examples.document).map(([name, d]) => [`document: ${name}`, () => framed(documentPage(d))] as [string, () => string]),
    ...Object.entries(examples.search).map(([name, p]) => [`search: ${name}`, () => framed(searchPage(p))] as [string, () => string]),
    ['home page', () => framed(homePage({ agency: exampleAgency, latest: exampleArticleCards.slice(0, 5) }))],
  ];
  it.each(cases)('%s', (_name, render) => {
    const out = render();
    expectEscaped(out);
    expect(out.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(out).toContain('<main id="noi-dung"');
  });

  it('inserts the given safe HTML (body, search marks) as is', () => {
    const article = framed(articlePage(examples.article.vietnamese));
    expect(article).toContain('<h2>Kết quả nổi bật</h2>');
    expect(article).toContain('<a href="https://dichvucong.gov.vn/">Cổng Dịch vụ công quốc gia</a>');
    const search = framed(searchPage(examples.search.results));
    expect(search).toContain('<mark>');
    expect(search).toContain('Tìm thấy 2 kết quả cho “thu tuc &lt;script&gt;');
  });

  it('keeps the structured data inside its script element', () => {
    const head = articleHead(examples.article.vietnamese).value;
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(head)![1]!;
    expect(json).not.toMatch(/[<>]/);
    const data = JSON.parse(json) as { '@type': string; headline: string; datePublished: string; publisher: { name: string } };
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(examples.article.vietnamese.article.title);
    expect(data.datePublished).toBe(examples.article.vietnamese.article.publishedAt);
    expect(jsonForScript({ t: '</script><!--' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!--"}');
  });
});

describe('article page', () => {
  const p = examples.article.vietnamese;
  const out = framed(articlePage(p), { head: articleHead(p) });

  it('shows the date in dd/mm/yyyy, Vietnam time, and the category breadcrumb', () => {
    // 2024-01-02T02:30Z is 09:30 on 02/01/2024 in Hà Nội.
    expect(out).toContain('<time datetime="2024-01-02T02:30:00.000Z">02/01/2024</time>');
    expect(out).toMatch(/<nav class="breadcrumb" aria-label="Đường dẫn"><ol><li><a href="\/">Trang chủ<\/a><\/li><li><a href="\/cai-cach-hanh-chinh">Cải cách hành chính<\/a><\/li><li><a href="\/cai-cach-hanh-chinh\/tin-cai-cach-hanh-chinh">/);
  });

  it('has a responsive eager cover, lazy body images, the audio player and attachments', () => {
    expect(out).toMatch(/<source type="image\/webp" srcset="\/anh\/anh-1\/320\.webp 320w, [^"]+" sizes="[^"]+"><img src="\/anh\/anh-1\/1200\.jpg" alt="[^"]+" width="1200" height="675" fetchpriority="high">/);
    expect(out).toContain('<img loading="lazy" decoding="async" src="/anh/anh-than-bai/640.jpg"');
    expect(out).toContain('<audio controls preload="none" src="/tin-bai/tin-bai-so-1/tep/tep-am-thanh"></audio>');
    expect(out).toContain('Tải tệp âm thanh (MP3, 3,0 MB)');
    expect(out).toContain('(PDF, 240 KB)');
    expect(out).toContain('(DOCX, 1,2 MB)');
  });

  it('has Open Graph, Twitter, canonical, feed and share links with the absolute address', () => {
    const url = `${EXAMPLE_BASE}/tin-bai/tin-bai-so-1`;
    expect(out).toContain(`<link rel="canonical" href="${url}">`);
    expect(out).toContain(`<meta property="og:url" content="${url}">`);
    expect(out).toContain('<meta property="og:type" content="article">');
    expect(out).toContain('<meta property="article:published_time" content="2024-01-02T02:30:00.000Z">');
    expect(out).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(out).toContain(`<meta property="og:image" content="${EXAMPLE_BASE}/anh/anh-1/1200.jpg">`);
    expect(out).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(out).toContain(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
    expect(out).toContain(`https://sp.zalo.me/share?url=${encodeURIComponent(url)}`);
  });

  it('marks a language version with its lang, the Vietnamese frame with lang="vi"', () => {
    const tay = examples.article.tay;
    const page = framed(articlePage(tay), { head: articleHead(tay), lang: tay.article.lang });
    expect(page).toMatch(/^<!doctype html>\n<html lang="tyz">/);
    for (const part of ['<header class="site-header" lang="vi">', '<nav class="site-nav" aria-label="Điều hướng chính" lang="vi">', '<footer class="site-footer" lang="vi">', '<nav class="breadcrumb" aria-label="Đường dẫn" lang="vi">', '<p class="share" lang="vi">']) expect(page).toContain(part);
    expect(page).toContain('<a href="/tin-bai/tin-bai-so-1" hreflang="vi">Tiếng Việt</a>');
    expect(page).toContain('<span aria-current="page">Tiếng Tày</span>');
    expect(page).toContain(`<link rel="alternate" hreflang="tyz" href="${EXAMPLE_BASE}/tin-bai/tin-bai-so-1/tyz">`);
    expect(page).toContain(`<link rel="canonical" href="${EXAMPLE_BASE}/tin-bai/tin-bai-so-1/tyz">`);
    // The Vietnamese page has no lang attributes beyond <html>.
    const vi = framed(articlePage(examples.article.vietnamese));
    expect(vi.match(/\slang="/g)).toHaveLength(1);
  });

  it('shows a preview with its banner, noindex, no share links, language links inside the preview', () => {
    const p = examples.article.preview;
    const page = framed(articlePage(p), { head: articleHead(p) });
    expect(page).toContain('Bản xem trước — chưa đăng.');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).not.toContain('og:url');
    expect(page).not.toContain('class="share"');
    // Files of an unpublished article have no address yet: named, not linked or played.
    expect(page).not.toContain('href=""');
    expect(page).not.toContain('<audio');
    expect(page).toContain(`href="/xem-truoc/${p.previewToken}?lang=tyz" hreflang="tyz"`);
    expect(previewPath('abc', 'tyz')).toBe('/xem-truoc/abc?lang=tyz');
    expect(previewPath('abc', 'vi')).toBe('/xem-truoc/abc');
  });

  it('leaves out empty parts of a minimal article', () => {
    const page = articlePage(examples.article.minimal).value;
    for (const absent of ['<audio', 'Tệp đính kèm', 'Tác giả', 'Từ khóa', '<picture>']) expect(page).not.toContain(absent);
  });

  it('is at most 60 KB gzipped with a 5000-word body (without its images)', () => {
    const long = { ...p, article: { ...exampleArticle(exampleArticleCards.at(-1)!), bodyHtml: exampleBody(5000) } };
    expect(long.article.bodyHtml.replace(/<[^>]+>/g, ' ').trim().split(/\s+/).length).toBeGreaterThanOrEqual(5000);
    const page = framed(articlePage(long), { head: articleHead(long) });
    const gz = gzipSync(Buffer.from(page), { level: 6 }).length;
    console.log(`article page, 5000-word body: ${Buffer.byteLength(page)} bytes, ${gz} bytes gzipped`);
    expect(gz).toBeLessThanOrEqual(60 * 1024);
  });
});

describe('lists', () => {
  it('links category pages with prev/next, page 1 without a query', () => {
    const p = examples.categoryPage.middle;
    const main = categoryPage(p).value;
    const head = categoryHead(p, EXAMPLE_BASE + pageHref(p.category.path, {}, 2)).value;
    expect(head).toContain('<link rel="prev" href="/cai-cach-hanh-chinh/tin-cai-cach-hanh-chinh">');
    expect(head).toContain('<link rel="next" href="/cai-cach-hanh-chinh/tin-cai-cach-hanh-chinh?trang=3">');
    expect(head).toContain(`<link rel="canonical" href="${EXAMPLE_BASE}/cai-cach-hanh-chinh/tin-cai-cach-hanh-chinh?trang=2">`);
    expect(main).toContain('aria-current="page"><span class="visually-hidden">Trang </span>2</a>');
    expect(main).toContain('rel="prev">‹ Trang trước</a>');
    expect(pagination({ path: '/x', query: {}, page: 1, pageCount: 1 })).toBe('');
  });

  it('keeps the filters from page to page of the documents list', () => {
    expect(pageHref(paths.documents, { q: 'kế hoạch', loai: 'Quyết định', nam: 2024 }, 2)).toBe('/van-ban?q=k%E1%BA%BF+ho%E1%BA%A1ch&loai=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh&nam=2024&trang=2');
    const out = documentListPage(examples.documentList.filtered).value;
    expect(out).toContain('<option selected>Kế hoạch</option>');
    expect(out).toContain('<option selected>2024</option>');
    expect(out).toContain('Tìm thấy 2 văn bản phù hợp.');
    expect(documentListPage(examples.documentList.none).value).toContain('Không có văn bản nào phù hợp.');
  });

  it('shows every field of a document and its file', () => {
    const d = examples.document.withFile;
    const out = documentPage(d).value;
    for (const label of ['Số, ký hiệu', 'Loại văn bản', 'Cơ quan ban hành', 'Ngày ký', 'Ngày có hiệu lực', 'Trích yếu']) expect(out).toContain(`<dt>${label}</dt>`);
    expect(out).toContain('<dd>05/02/2024</dd>');
    expect(out).toContain(`href="${paths.documentFile(d.slug)}"`);
    expect(documentPage(examples.document.withoutFile).value).toContain('Văn bản chưa có tệp đính kèm.');
  });

  it('tells a searcher what to do without words and without results', () => {
    expect(searchPage(examples.search.noQuery).value).toContain('Nhập từ khóa để tìm');
    expect(searchPage(examples.search.none).value).toContain('Không tìm thấy kết quả nào cho “&quot;&gt;&lt;img');
  });

  it('puts the latest articles on the home page', () => {
    const out = homePage({ agency: exampleAgency, latest: exampleArticleCards.slice(0, 5) }).value;
    expect(out).toContain('<h2 id="tin-moi">Tin mới</h2>');
    expect(out.match(/<li class="article-item">/g)).toHaveLength(5);
    expect(homePage({ agency: exampleAgency, latest: [] }).value).toContain('Chưa có tin, bài nào được đăng.');
  });
});

describe('feeds, sitemap, robots.txt', () => {
  const items = exampleArticleCards.slice(0, 20);
  const feed = rssFeed({ base: EXAMPLE_BASE, title: 'Cải cách & đổi mới <b>', description: XSS[1], link: paths.column, self: paths.feed, items });

  it('writes RSS 2.0 that parses, with its items', () => {
    const elements = expectWellFormedXml(feed);
    expect(elements.filter((e) => e === 'item')).toHaveLength(20);
    expect(feed).toContain('<language>vi</language>');
    expect(feed).toContain(`<atom:link href="${EXAMPLE_BASE}/rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(feed).toContain(`<guid isPermaLink="true">${EXAMPLE_BASE}${items[0]!.path}</guid>`);
    expect(feed).toContain(`<pubDate>${new Date(items[0]!.publishedAt).toUTCString()}</pubDate>`);
    expect(feed).toContain(`<title>${xmlText(items[0]!.title)}</title>`);
    expect(feed).toContain('<title>Cải cách &amp; đổi mới &lt;b&gt;</title>');
  });

  it('escapes text and drops characters XML forbids', () => {
    expect(xmlText('a & b < c > "d" \'e\'\u0001\u000b')).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
    expect(rfc822('2024-02-05T03:00:00.000Z')).toBe('Mon, 05 Feb 2024 03:00:00 GMT');
  });

  it('writes a sitemap with absolute addresses, each once, with the newest lastmod', () => {
    const xml = sitemap(EXAMPLE_BASE, [{ path: '/' }, { path: '/tin-bai/a&b', lastmod: '2024-01-01T00:00:00Z' }, { path: '/tin-bai/a&b', lastmod: '2024-02-01T00:00:00Z' }, ...exampleDocuments.map((d) => ({ path: d.path, lastmod: d.updatedAt }))]);
    const elements = expectWellFormedXml(xml);
    expect(elements.filter((e) => e === 'url')).toHaveLength(2 + exampleDocuments.length);
    expect(xml).toContain(`<url><loc>${EXAMPLE_BASE}/tin-bai/a&amp;b</loc><lastmod>2024-02-01T00:00:00Z</lastmod></url>`);
    expect(xml).toContain(`<url><loc>${EXAMPLE_BASE}/</loc></url>`);
  });

  it('lets crawlers in, except admin, API, previews and search, and names the sitemap', () => {
    expect(robotsTxt(EXAMPLE_BASE)).toBe(`User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /api/\nDisallow: /xem-truoc/\nDisallow: /tim-kiem\nSitemap: ${EXAMPLE_BASE}/sitemap.xml\n`);
  });
});

describe('helpers', () => {
  it('adds lazy loading to body images that have none', () => {
    expect(lazyImages('<p><img src="/a.jpg" alt=""><IMG loading="eager" src="/b.jpg"></p>')).toBe('<p><img loading="lazy" decoding="async" src="/a.jpg" alt=""><IMG loading="eager" src="/b.jpg"></p>');
  });

  it('writes sizes with a Vietnamese decimal comma', () => {
    expect(fileSize(500)).toBe('1 KB');
    expect(fileSize(245_760)).toBe('240 KB');
    expect(fileSize(1_300_000)).toBe('1,2 MB');
  });
});

/** Machine-readable documents of the portal: RSS 2.0 feeds, sitemap.xml and robots.txt. */
import { paths, type PublicArticleCard } from './public-views.ts';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text safe in XML content and attributes: markup characters escaped, and the control
 * characters XML 1.0 forbids dropped (they would make the whole feed unreadable).
 * Example: `xmlText('A & B') === 'A &amp; B'`.
 */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export interface FeedParams {
  /** Absolute address of the site, no trailing slash. */
  base: string;
  title: string;
  description: string;
  /** The page the feed follows (path). */
  link: string;
  /** The feed's own path, for `atom:link rel="self"`. */
  self: string;
  items: PublicArticleCard[];
}

/** RSS 2.0 with the Atom self link, RFC 822 dates and permalink GUIDs. */
export function rssFeed(p: FeedParams): string {
  const newest = p.items.reduce<string | null>((m, i) => (!m || i.publishedAt > m ? i.publishedAt : m), null);
  const items = p.items.map((a) => {
    const url = xmlText(p.base + a.path);
    return `<item>
<title>${xmlText(a.title)}</title>
<link>${url}</link>
<guid isPermaLink="true">${url}</guid>
<pubDate>${rfc822(a.publishedAt)}</pubDate>
<category>${xmlText(a.category.name)}</category>
<description>${xmlText(a.summary)}</description>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(p.title)}</title>
<link>${xmlText(p.base + p.link)}</link>
<description>${xmlText(p.description)}</description>
<language>vi</language>
<atom:link href="${xmlText(p.base + p.self)}" rel="self" type="application/rss+xml"/>
${newest ? `<lastBuildDate>${rfc822(newest)}</lastBuildDate>\n` : ''}${items.join('\n')}
</channel>
</rss>
`;
}

/** RFC 822 date as RSS wants it. Example: `rfc822('2024-02-05T03:00:00Z') === 'Mon, 05 Feb 2024 03:00:00 GMT'`. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export interface SitemapEntry {
  path: string;
  lastmod?: string | null;
}

/** sitemap.xml (sitemaps.org 0.9): absolute addresses, each listed once, with their last change. */
export function sitemap(base: string, entries: SitemapEntry[]): string {
  const seen = new Map<string, SitemapEntry>();
  for (const e of entries) {
    const before = seen.get(e.path);
    if (!before || (e.lastmod && (!before.lastmod || e.lastmod > before.lastmod))) seen.set(e.path, e);
  }
  const urls = [...seen.values()].map((e) => `<url><loc>${xmlText(base + e.path)}</loc>${e.lastmod ? `<lastmod>${xmlText(e.lastmod)}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

/** robots.txt: everything public may be crawled except the admin, the API, previews and search results. */
export function robotsTxt(base: string): string {
  return `User-agent: *
Allow: /
Disallow: /admin/
Disallow: /api/
Disallow: ${paths.preview('')}
Disallow: ${paths.search}
Sitemap: ${base}/sitemap.xml
`;
}

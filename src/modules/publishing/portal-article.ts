/** The article page (and its private preview): content, metadata for sharing and search engines. */
import { html, raw, type SafeHtml } from '../../portal/html.ts';
import { breadcrumb, COLUMN_CRUMB, dateTag, fileFacts, picture } from './portal.ts';
import { paths, type PublicArticle } from './public-views.ts';

export interface ArticlePageParams {
  article: PublicArticle;
  /** Absolute address of the site (no trailing slash), for share links and metadata. */
  base: string;
  agencyName: string;
  /** The private preview's token: the page shows a banner and links stay inside the preview. */
  previewToken?: string;
}

/** Where the article lives (absolute): its public address, also in a preview. */
export function articleUrl(p: Pick<ArticlePageParams, 'article' | 'base'>): string {
  return p.base + paths.article(p.article.slug, p.article.lang);
}

/**
 * The preview of one language version. paths has no builder for it: the preview page reads the
 * language from `?lang=`.
 */
export function previewPath(token: string, lang: string): string {
  return lang === 'vi' ? paths.preview(token) : `${paths.preview(token)}?lang=${encodeURIComponent(lang)}`;
}

/** Body images load lazily (they are below the title and cover); the body is already sanitised. */
export function lazyImages(bodyHtml: string): string {
  return bodyHtml.replace(/<img\b(?![^>]*\bloading=)/gi, '<img loading="lazy" decoding="async"');
}

/**
 * Share links that work without script. Facebook's sharer takes the address in `u`. Zalo's
 * official button needs its SDK script (not allowed by our CSP and heavy on slow links), so this
 * is the plain share page address the SDK itself opens, `sp.zalo.me/share?url=…`.
 */
export function shareLinks(url: string): { label: string; href: string }[] {
  return [
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}` },
    { label: 'Zalo', href: `https://sp.zalo.me/share?url=${encodeURIComponent(url)}` },
  ];
}

/**
 * /tin-bai/:slug[/:lang] and /xem-truoc/:token — the article in one language. In a preview the
 * files of an unpublished article have no public address (empty path): they are named, not linked.
 */
export function articlePage(p: ArticlePageParams): SafeHtml {
  const a = p.article;
  // Labels of the page are Vietnamese; the article's own text is in its language.
  const vi = a.lang === 'vi' ? '' : html` lang="vi"`;
  const url = articleUrl(p);
  return html`${p.previewToken ? html`<p class="preview-banner" role="note"${vi}><strong>Bản xem trước — chưa đăng.</strong> Trang này chỉ dành cho người có đường dẫn riêng, không được công khai.</p>` : ''}
${breadcrumb([COLUMN_CRUMB, { href: a.category.path, label: a.category.name }], vi)}
<article class="article">
<header>
<h1>${a.title}</h1>
<p class="item-meta"${vi}>Đăng ngày ${dateTag(a.publishedAt)} · <a href="${a.category.path}">${a.category.name}</a>${a.isDemo ? html` · <span class="tag-demo">Tin mẫu</span>` : ''}</p>
${a.languages.length > 1 ? languageSwitcher(p, vi) : ''}
${a.summary ? html`<p class="lead">${a.summary}</p>` : ''}
</header>
${a.cover ? html`<figure class="cover">${picture({ image: a.cover, sizes: '(min-width: 64rem) 62rem, calc(100vw - 2rem)', lazy: false })}</figure>` : ''}
${a.audio ? html`<section class="audio" aria-labelledby="nghe"${vi}>
<h2 id="nghe">Nghe bản tin phát thanh</h2>
${a.audio.path ? html`<audio controls preload="none" src="${a.audio.path}"></audio>
<p><a href="${a.audio.path}">Tải tệp âm thanh (${fileFacts(a.audio)})</a></p>` : html`<p>${a.audio.name} (${fileFacts(a.audio)})</p>`}
</section>` : ''}
<div class="article-body">
${raw(lazyImages(a.bodyHtml))}
</div>
<footer class="article-footer">
${a.byline || a.source ? html`<p class="byline">${a.byline ? html`<span${vi}>Tác giả: </span>${a.byline}` : ''}${a.byline && a.source ? html`<br>` : ''}${a.source ? html`<span${vi}>Nguồn: </span>${a.source}` : ''}</p>` : ''}
${a.tags.length ? html`<p class="tags"><span${vi}>Từ khóa:</span> ${a.tags.map((t, i) => html`${i ? ', ' : ''}<a href="${paths.search}?q=${encodeURIComponent(t)}">${t}</a>`)}</p>` : ''}
${a.attachments.length ? html`<section class="attachments" aria-labelledby="tep-dinh-kem"${vi}>
<h2 id="tep-dinh-kem">Tệp đính kèm</h2>
<ul>${a.attachments.map((f) => html`<li>${f.path ? html`<a href="${f.path}">${f.label ?? f.name}</a>` : f.label ?? f.name} <span class="item-meta">(${fileFacts(f)})</span></li>`)}</ul>
</section>` : ''}
<p class="print-url"${vi}>Địa chỉ bài viết: ${url}</p>
${p.previewToken ? '' : html`<p class="share"${vi}>Chia sẻ: ${shareLinks(url).map((s, i) => html`${i ? ' · ' : ''}<a href="${s.href}" rel="noopener">${s.label}<span class="visually-hidden"> (chia sẻ bài viết)</span></a>`)}</p>`}
</footer>
</article>`;
}

function languageSwitcher(p: ArticlePageParams, vi: SafeHtml | ''): SafeHtml {
  const a = p.article;
  return html`<nav class="languages" aria-label="Đọc bằng ngôn ngữ khác"${vi}><ul>${a.languages.map((l) =>
    l.lang === a.lang
      ? html`<li><span aria-current="page">${l.name}</span></li>`
      : html`<li><a href="${p.previewToken ? previewPath(p.previewToken, l.lang) : l.path}" hreflang="${l.lang}">${l.name}</a></li>`,
  )}</ul></nav>`;
}

/**
 * The article's `<head>`: canonical and language alternates, Open Graph and Twitter cards, the
 * site feed, and NewsArticle structured data. A preview gets `noindex` and none of the rest.
 */
export function articleHead(p: ArticlePageParams): SafeHtml {
  const a = p.article;
  if (p.previewToken) return html`<meta name="robots" content="noindex, nofollow">`;
  const url = articleUrl(p);
  const image = a.cover ? p.base + a.cover.src : null;
  const description = articleDescription(a);
  return html`<link rel="canonical" href="${url}">
${a.languages.length > 1 ? a.languages.map((l) => html`<link rel="alternate" hreflang="${l.lang}" href="${p.base + l.path}">`) : ''}
<link rel="alternate" type="application/rss+xml" title="${a.category.name}" href="${a.category.feedPath}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${p.agencyName}">
<meta property="og:title" content="${a.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
<meta property="og:locale" content="${a.lang === 'vi' ? 'vi_VN' : a.lang}">
${image ? html`<meta property="og:image" content="${image}">
<meta property="og:image:width" content="${a.cover!.width}">
<meta property="og:image:height" content="${a.cover!.height}">
<meta property="og:image:alt" content="${a.cover!.alt}">` : ''}
<meta property="article:published_time" content="${a.publishedAt}">
<meta property="article:modified_time" content="${a.updatedAt}">
<meta property="article:section" content="${a.category.name}">
${a.tags.map((t) => html`<meta property="article:tag" content="${t}">`)}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${a.title}">
<meta name="twitter:description" content="${description}">
<script type="application/ld+json">${raw(jsonForScript(newsArticleData(p, url, image)))}</script>`;
}

/** The summary, or when there is none the category and title: share previews need some text. */
export function articleDescription(a: PublicArticle): string {
  return a.summary || `${a.category.name}: ${a.title}`;
}

/** schema.org NewsArticle for search engines. */
export function newsArticleData(p: ArticlePageParams, url: string, image: string | null): Record<string, unknown> {
  const a = p.article;
  const publisher = { '@type': 'GovernmentOrganization', name: p.agencyName, url: p.base + '/' };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: articleDescription(a),
    inLanguage: a.lang,
    datePublished: a.publishedAt,
    dateModified: a.updatedAt,
    mainEntityOfPage: url,
    url,
    articleSection: a.category.name,
    ...(a.tags.length ? { keywords: a.tags.join(', ') } : {}),
    ...(image ? { image: [image] } : {}),
    author: a.byline ? { '@type': 'Person', name: a.byline } : publisher,
    publisher,
  };
}

/**
 * JSON safe inside `<script>`: `<`, `>` and `&` as \u escapes, so no text can close the element;
 * U+2028/2029 escaped for old parsers. Example: `jsonForScript({ t: '</script>' })`.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

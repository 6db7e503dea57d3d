/**
 * Shared pieces of the newsroom's public pages (govuk-frontend style: each takes one typed
 * params object and escapes by default). The pages themselves are in portal-*.ts beside this.
 */
import { html, type SafeHtml } from '../../portal/html.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { paths, type PublicArticleCard, type PublicCategory, type PublicFileLink, type PublicImage } from './public-views.ts';

/** Query parameter names of the public pages (readable Vietnamese, no diacritics). */
export const QUERY = { page: 'trang', q: 'q', docType: 'loai', year: 'nam', lang: 'lang' } as const;

/** Articles per category page and per search page. */
export const PAGE_SIZE = 12;

export interface PictureParams {
  image: PublicImage;
  /** The `sizes` attribute: how wide the image is shown. */
  sizes: string;
  /** Images below the fold wait until they are near the viewport. */
  lazy: boolean;
  className?: string;
}

/**
 * A responsive image: WebP variants for browsers that take them, the JPEG for the others, with
 * width and height so the page does not jump while it loads.
 */
export function picture(p: PictureParams): SafeHtml {
  const i = p.image;
  return html`<picture><source type="image/webp" srcset="${i.srcset}" sizes="${p.sizes}"><img src="${i.src}" alt="${i.alt}" width="${i.width}" height="${i.height}"${p.className ? html` class="${p.className}"` : ''}${p.lazy ? html` loading="lazy" decoding="async"` : html` fetchpriority="high"`}></picture>`;
}

/** A publication date in dd/mm/yyyy (Vietnam time), machine-readable too. */
export function dateTag(iso: string): SafeHtml {
  return html`<time datetime="${iso}">${formatDateVi(iso)}</time>`;
}

export interface ArticleListParams {
  articles: PublicArticleCard[];
  /** Heading level of each item's title (the page's structure decides). */
  level: 2 | 3;
  /** Show a small cover beside each item (column and category pages; not on the home page). */
  thumbnails?: boolean;
  /** Show the category of each item (lists that mix categories). */
  showCategory?: boolean;
}

/** A list of articles: title, date, summary, optional thumbnail. */
export function articleList(p: ArticleListParams): SafeHtml {
  const heading = (a: PublicArticleCard) => (p.level === 2 ? html`<h2><a href="${a.path}">${a.title}</a></h2>` : html`<h3><a href="${a.path}">${a.title}</a></h3>`);
  return html`<ul class="article-list">
${p.articles.map((a) => html`<li class="article-item">
${p.thumbnails && a.cover ? picture({ image: { ...a.cover, alt: '' }, sizes: '8rem', lazy: true, className: 'thumb' }) : ''}
<div>${heading(a)}
<p class="item-meta">${dateTag(a.publishedAt)}${p.showCategory ? html` · <a href="${a.category.path}">${a.category.name}</a>` : ''}${a.isDemo ? html` · <span class="tag-demo">Tin mẫu</span>` : ''}</p>
${a.summary ? html`<p>${a.summary}</p>` : ''}</div>
</li>`)}
</ul>`;
}

/** The newest `updatedAt` of a list, for Last-Modified. */
export function newest(items: { updatedAt: string }[]): string | null {
  let out: string | null = null;
  for (const i of items) if (!out || i.updatedAt > out) out = i.updatedAt;
  return out;
}

/** The address of page `n` of a list: page 1 has no `trang` (its canonical address). */
export function pageHref(path: string, query: Record<string, string | number | undefined>, n: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && k !== QUERY.page) params.set(k, String(v));
  if (n > 1) params.set(QUERY.page, String(n));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface PaginationParams {
  path: string;
  /** Other query parameters the list keeps from page to page (search words, filters). */
  query: Record<string, string | number | undefined>;
  page: number;
  pageCount: number;
}

/** Numbered pages with previous/next, plain links (no script). Nothing when there is one page. */
export function pagination(p: PaginationParams): SafeHtml | '' {
  if (p.pageCount <= 1) return '';
  const shown = pageWindow(p.page, p.pageCount);
  return html`<nav class="pagination" aria-label="Phân trang">
<ul>
${p.page > 1 ? html`<li><a href="${pageHref(p.path, p.query, p.page - 1)}" rel="prev">‹ Trang trước</a></li>` : ''}
${shown.map((n, i) => html`${i > 0 && n - shown[i - 1]! > 1 ? html`<li aria-hidden="true">…</li>` : ''}<li>${n === p.page ? html`<a href="${pageHref(p.path, p.query, n)}" aria-current="page"><span class="visually-hidden">Trang </span>${n}</a>` : html`<a href="${pageHref(p.path, p.query, n)}"><span class="visually-hidden">Trang </span>${n}</a>`}</li>`)}
${p.page < p.pageCount ? html`<li><a href="${pageHref(p.path, p.query, p.page + 1)}" rel="next">Trang sau ›</a></li>` : ''}
</ul>
</nav>`;
}

/** `<link rel="prev/next">` for the head of a paged list. */
export function pageLinks(p: PaginationParams): SafeHtml {
  return html`${p.page > 1 ? html`<link rel="prev" href="${pageHref(p.path, p.query, p.page - 1)}">` : ''}${p.page < p.pageCount ? html`<link rel="next" href="${pageHref(p.path, p.query, p.page + 1)}">` : ''}`;
}

/** First, last, and two around the current page. */
function pageWindow(page: number, count: number): number[] {
  const out = new Set([1, count]);
  for (let n = page - 2; n <= page + 2; n++) if (n >= 1 && n <= count) out.add(n);
  return [...out].sort((a, b) => a - b);
}

/** The column's own crumb, first after home on its pages. */
export const COLUMN_CRUMB = { href: paths.column, label: 'Cải cách hành chính' };

/** Breadcrumb to the current page: home, then `trail`. */
export function breadcrumb(trail: { href: string; label: string }[], lang?: SafeHtml | ''): SafeHtml {
  const items = [{ href: '/', label: 'Trang chủ' }, ...trail];
  return html`<nav class="breadcrumb" aria-label="Đường dẫn"${lang ?? ''}><ol>${items.map((i) => html`<li><a href="${i.href}">${i.label}</a></li>`)}</ol></nav>`;
}

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'audio/ogg': 'OGG',
  'audio/wav': 'WAV',
};

/** "PDF, 1,2 MB": what a reader on a slow link wants to know before downloading. */
export function fileFacts(f: Pick<PublicFileLink, 'mime' | 'size' | 'name'>): string {
  const type = TYPE_LABELS[f.mime] ?? (f.name.includes('.') ? f.name.split('.').pop()!.toUpperCase() : f.mime);
  return `${type}, ${fileSize(f.size)}`;
}

/** Bytes in KB or MB with a Vietnamese decimal comma. Example: `fileSize(1_250_000) === '1,2 MB'`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** The category list of the column, with the current one marked. */
export function categoryNav(categories: PublicCategory[], currentSlug?: string): SafeHtml {
  return html`<nav class="category-nav" aria-label="Các chuyên mục"><ul>${categories.map((c) => html`<li><a href="${c.path}"${c.slug === currentSlug ? html` aria-current="page"` : ''}>${c.name}</a></li>`)}</ul></nav>`;
}

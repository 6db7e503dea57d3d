/** The CCHC column's pages: its home (newest per category) and a category with its pages. */
import { html, type SafeHtml } from '../../portal/html.ts';
import { articleList, breadcrumb, COLUMN_CRUMB, categoryNav, pageLinks, pagination } from './portal.ts';
import { paths, type PublicArticleCard, type PublicCategory } from './public-views.ts';

export interface ColumnHomeParams {
  /** Every active category, for the list of links (empty ones too). */
  categories: PublicCategory[];
  /** Categories with their newest articles (empty ones left out). */
  groups: { category: PublicCategory; articles: PublicArticleCard[] }[];
}

export const COLUMN_TITLE = 'Chuyên mục cải cách hành chính';

/** /cai-cach-hanh-chinh: each category's newest articles and a link to all of it. */
export function columnHomePage(p: ColumnHomeParams): SafeHtml {
  return html`<h1>${COLUMN_TITLE}</h1>
<p class="lead">Tin, bài về cải cách hành chính, thủ tục hành chính, chuyển đổi số và các chỉ số đánh giá. <a href="${paths.feed}">Theo dõi qua RSS</a>.</p>
${p.categories.length ? categoryNav(p.categories) : ''}
${p.groups.length === 0 ? html`<p class="notice">Chưa có tin, bài nào được đăng.</p>` : ''}
${p.groups.map((g) => html`<section class="column-group" aria-labelledby="cm-${g.category.slug}">
<h2 id="cm-${g.category.slug}"><a href="${g.category.path}">${g.category.name}</a></h2>
${articleList({ articles: g.articles, level: 3, thumbnails: true })}
<p class="more"><a href="${g.category.path}">Xem tất cả tin, bài của chuyên mục<span class="visually-hidden"> ${g.category.name}</span></a></p>
</section>`)}`;
}

export interface CategoryPageParams {
  category: PublicCategory;
  categories: PublicCategory[];
  articles: PublicArticleCard[];
  total: number;
  page: number;
  pageCount: number;
}

/** /cai-cach-hanh-chinh/:slug?trang=n — one page of a category, newest first. */
export function categoryPage(p: CategoryPageParams): SafeHtml {
  const c = p.category;
  return html`${breadcrumb([COLUMN_CRUMB])}
<h1>${c.name}${p.page > 1 ? html` <span class="h1-page">(trang ${p.page}/${p.pageCount})</span>` : ''}</h1>
${c.description ? html`<p class="lead">${c.description}</p>` : ''}
<p class="item-meta">${p.total} tin, bài · <a href="${c.feedPath}">RSS của chuyên mục</a></p>
${p.articles.length ? articleList({ articles: p.articles, level: 2, thumbnails: true }) : html`<p class="notice">Chuyên mục chưa có tin, bài nào.</p>`}
${pagination({ path: c.path, query: {}, page: p.page, pageCount: p.pageCount })}
${categoryNav(p.categories, c.slug)}`;
}

/** Head links of a category page: prev/next pages and the category's feed. */
export function categoryHead(p: CategoryPageParams, canonical: string): SafeHtml {
  return html`<link rel="canonical" href="${canonical}">
<link rel="alternate" type="application/rss+xml" title="${p.category.name}" href="${p.category.feedPath}">
${pageLinks({ path: p.category.path, query: {}, page: p.page, pageCount: p.pageCount })}`;
}

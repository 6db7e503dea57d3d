/** /tim-kiem?q= — search over published articles and documents. */
import { html, raw, type SafeHtml } from '../../portal/html.ts';
import { dateTag, pagination, QUERY } from './portal.ts';
import { paths, type PublicSearchHit } from './public-views.ts';

export const SEARCH_TITLE = 'Tìm kiếm';

/** Results per page. */
export const SEARCH_PAGE_SIZE = 10;

export interface SearchPageParams {
  /** The words as typed (trimmed); '' when the form was not sent yet. */
  q: string;
  /** Results, absent without words. */
  result?: { total: number; page: number; pageCount: number; hits: PublicSearchHit[] };
}

const KIND_LABELS: Record<string, string> = { article: 'Tin, bài', document: 'Văn bản', procedure: 'Thủ tục hành chính', plan: 'Kế hoạch' };

/** The form (GET, works without script), the count, the hits with the matched words marked. */
export function searchPage(p: SearchPageParams): SafeHtml {
  const r = p.result;
  return html`<h1>${SEARCH_TITLE}${p.q ? html`<span class="visually-hidden">: ${p.q}</span>` : ''}</h1>
<form class="search-form" action="${paths.search}" method="get" role="search" aria-label="Tìm tin, bài và văn bản">
<label for="tk-q">Từ khóa</label>
<div class="search-row"><input id="tk-q" type="search" name="${QUERY.q}" value="${p.q}" maxlength="200" aria-describedby="tk-goi-y"><button type="submit">Tìm kiếm</button></div>
<p class="hint" id="tk-goi-y">Có thể gõ không dấu, ví dụ “thu tuc” sẽ tìm thấy “thủ tục”.</p>
</form>
${!p.q || !r
    ? html`<p class="notice">Nhập từ khóa để tìm tin, bài và văn bản về cải cách hành chính.</p>`
    : r.total === 0
      ? html`<p class="notice result-count">Không tìm thấy kết quả nào cho “${p.q}”. Hãy thử từ khóa khác, ít từ hơn, hoặc kiểm tra chính tả.</p>`
      : html`<p class="result-count">Tìm thấy ${r.total} kết quả cho “${p.q}”${r.pageCount > 1 ? ` (trang ${r.page}/${r.pageCount})` : ''}.</p>
<ol class="search-results" start="${(r.page - 1) * SEARCH_PAGE_SIZE + 1}">${r.hits.map((h) => html`<li>
<h2><a href="${h.path}">${raw(h.titleHtml)}</a></h2>
<p class="item-meta">${KIND_LABELS[h.kind] ?? h.kind} · ${dateTag(h.publishedAt)}</p>
<p>${raw(h.snippetHtml)}</p>
</li>`)}</ol>
${pagination({ path: paths.search, query: { [QUERY.q]: p.q }, page: r.page, pageCount: r.pageCount })}`}`;
}

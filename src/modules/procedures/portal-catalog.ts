/** The public catalog of administrative procedures (search, filters, fields, open data) and the recent changes. */
import { html, type SafeHtml } from '../../portal/html.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { breadcrumb, pageLinks, pagination } from '../publishing/portal.ts';
import { procedurePaths } from './paths.ts';
import { CATALOG_TITLE, CHANGE_HEADERS, CHANGES_TITLE, decisionLabel, LEVEL_SLUGS, ONLINE_FILTER_LABELS, onlineLabel, originLabel, PROCEDURE_QUERY as Q, type OnlineFilter } from './portal-text.ts';
import type { PublicChange, PublicProcedureCard } from './public-read.ts';

/** Procedures per catalog page. */
export const CATALOG_PAGE_SIZE = 20;

/** The catalog's filters as the form sends them: every value one the form offers. */
export interface CatalogFilters {
  q?: string;
  /** A field's slug. */
  field?: string;
  /** A level's slug (`LEVEL_SLUGS`). */
  level?: string;
  online?: OnlineFilter;
}

export interface CatalogPageParams {
  filters: CatalogFilters;
  /** Fields with procedures in force, and how many. */
  fields: { name: string; slug: string; count: number }[];
  total: number;
  page: number;
  pageCount: number;
  items: PublicProcedureCard[];
}

/** The filters as query parameters, in the form's order (the cache key and every link use it). */
export function catalogQuery(f: CatalogFilters): Record<string, string | undefined> {
  return { [Q.q]: f.q, [Q.field]: f.field, [Q.level]: f.level, [Q.online]: f.online };
}

const options = (choices: [value: string, label: string][], current: string | undefined) =>
  choices.map(([value, label]) => html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`);

/** One procedure in a list: its name as the link, then code, field, level and online level. */
function procedureItem(p: PublicProcedureCard): SafeHtml {
  return html`<li>
<h2><a href="${p.path}">${p.name}</a></h2>
<p class="item-meta">Mã ${p.code} · ${p.field} · ${p.level}${p.onlineLevel ? html` · Trực tuyến ${onlineLabel(p.onlineLevel).toLocaleLowerCase('vi')}` : ''}${p.isDemo ? html` · <span class="tag-demo">Dữ liệu mẫu</span>` : ''}</p>
</li>`;
}

/** /thu-tuc-hanh-chinh?q=&linh-vuc=&cap=&truc-tuyen=&trang= — a GET form (works without script), the results, the fields and open data. */
export function catalogPage(p: CatalogPageParams): SafeHtml {
  const f = p.filters;
  const filtered = Boolean(f.q || f.field || f.level || f.online);
  const fieldName = p.fields.find((x) => x.slug === f.field)?.name;
  return html`<h1>${CATALOG_TITLE}${p.page > 1 ? html` <span class="h1-page">(trang ${p.page}/${p.pageCount})</span>` : ''}</h1>
<p class="lead">Tra cứu thủ tục hành chính đang có hiệu lực: trình tự, thành phần hồ sơ, thời hạn giải quyết, phí, lệ phí và cách nộp trực tuyến.</p>
<form class="filters" action="${procedurePaths.catalog}" method="get" role="search" aria-label="Tìm thủ tục hành chính">
<div class="field field-wide"><label for="tthc-q">Tên, mã thủ tục hoặc từ khóa</label><input id="tthc-q" type="search" name="${Q.q}" value="${f.q ?? ''}" maxlength="200" aria-describedby="tthc-goi-y"><span class="hint" id="tthc-goi-y">Có thể gõ không dấu, ví dụ “nguoi co uy tin”.</span></div>
<div class="field"><label for="tthc-linh-vuc">Lĩnh vực</label><select id="tthc-linh-vuc" name="${Q.field}"><option value="">Tất cả lĩnh vực</option>${options(p.fields.map((x) => [x.slug, x.name]), f.field)}</select></div>
<div class="field"><label for="tthc-cap">Cấp thực hiện</label><select id="tthc-cap" name="${Q.level}"><option value="">Tất cả các cấp</option>${options([...LEVEL_SLUGS], f.level)}</select></div>
<div class="field"><label for="tthc-truc-tuyen">Dịch vụ công trực tuyến</label><select id="tthc-truc-tuyen" name="${Q.online}"><option value="">Tất cả</option>${options(Object.entries(ONLINE_FILTER_LABELS), f.online)}</select></div>
<div class="field actions"><button type="submit">Tìm thủ tục</button>${filtered ? html` <a href="${procedurePaths.catalog}">Bỏ lọc</a>` : ''}</div>
</form>
<p class="result-count">${f.q ? `Tìm thấy ${p.total} thủ tục cho “${f.q}”${fieldName ? ` trong lĩnh vực ${fieldName}` : ''}.` : filtered ? `Có ${p.total} thủ tục phù hợp${fieldName ? ` trong lĩnh vực ${fieldName}` : ''}.` : `Có ${p.total} thủ tục hành chính đang có hiệu lực.`}</p>
${p.items.length === 0
    ? html`<p class="notice">${filtered ? 'Không có thủ tục nào phù hợp. Hãy thử từ khóa khác, ít từ hơn, hoặc bỏ bớt điều kiện lọc.' : 'Chưa có thủ tục hành chính nào được công bố.'}</p>`
    : html`<ul class="proc-list">${p.items.map(procedureItem)}</ul>`}
${pagination({ path: procedurePaths.catalog, query: catalogQuery(f), page: p.page, pageCount: p.pageCount })}
${p.fields.length ? html`<section aria-labelledby="tthc-cac-linh-vuc">
<h2 id="tthc-cac-linh-vuc">Thủ tục theo lĩnh vực</h2>
<ul class="field-list">${p.fields.map((x) => html`<li><a href="${procedurePaths.fieldCatalog(x.slug)}">${x.name}</a> (${x.count} thủ tục) · <a href="${procedurePaths.fieldPostingSheet(x.slug)}">Bản niêm yết<span class="visually-hidden"> lĩnh vực ${x.name}</span></a></li>`)}</ul>
</section>` : ''}
<section aria-labelledby="tthc-du-lieu-mo">
<h2 id="tthc-du-lieu-mo">Cập nhật và dữ liệu mở</h2>
<ul>
<li><a href="${procedurePaths.changes}">${CHANGES_TITLE}</a>: ban hành mới, sửa đổi, bổ sung, thay thế, bãi bỏ.</li>
<li>Danh mục thủ tục đang có hiệu lực: <a href="${procedurePaths.openDataCsv}">tải CSV</a> · <a href="${procedurePaths.openDataJson}">tải JSON</a>.</li>
</ul>
<p class="hint">Dữ liệu mở dùng bảng mã UTF-8, cùng các cột với mẫu nhập danh mục thủ tục. Trong tệp CSV, ô nào bắt đầu bằng dấu =, +, - hoặc @ được thêm một dấu nháy đơn (') ở đầu để phần mềm bảng tính không hiểu nhầm thành công thức; tệp JSON giữ nguyên văn bản.</p>
</section>`;
}

export function catalogHead(p: CatalogPageParams, canonical: string): SafeHtml {
  return html`${p.filters.q ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${canonical}">`}${pageLinks({ path: procedurePaths.catalog, query: catalogQuery(p.filters), page: p.page, pageCount: p.pageCount })}`;
}

/** /thu-tuc-hanh-chinh/thay-doi — newest first: day, kind of change, code (the link), name, decision. */
export function changesPage(changes: PublicChange[]): SafeHtml {
  return html`${breadcrumb([{ href: procedurePaths.catalog, label: CATALOG_TITLE }])}
<h1>${CHANGES_TITLE}</h1>
<p class="lead">Thủ tục hành chính được ban hành mới, sửa đổi, bổ sung, thay thế hoặc bãi bỏ theo quyết định công bố, mới nhất trước.</p>
<p><a href="${procedurePaths.changesSheet}">Bản niêm yết các thay đổi kể từ lần niêm yết trước</a> (<a href="${procedurePaths.changesSheetPdf}">PDF<span class="visually-hidden"> bản niêm yết các thay đổi</span></a>)</p>
${changes.length === 0
    ? html`<p class="notice">Chưa có thay đổi nào.</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="tthc-thay-doi"><table class="changes">
<caption id="tthc-thay-doi">Các thay đổi gần đây của danh mục thủ tục hành chính</caption>
<thead><tr>${CHANGE_HEADERS.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${changes.map((c) => html`<tr><td>${formatDateVi(c.effectiveFrom)}</td><td>${originLabel(c.origin)}</td><td><a href="${c.path}">${c.code}</a></td><td>${c.name}</td><td>${decisionLabel(c.decision, formatDateVi)}</td></tr>`)}</tbody>
</table></div>`}`;
}

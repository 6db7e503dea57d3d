/** Legal documents (văn bản): the searchable list and one document with its file. */
import { html, type SafeHtml } from '../../portal/html.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { breadcrumb, fileFacts, pageLinks, pagination, QUERY } from './portal.ts';
import { paths, type PublicLegalDocument } from './public-views.ts';

export const DOCUMENTS_TITLE = 'Văn bản';

export interface DocumentFilters {
  q?: string;
  docType?: string;
  year?: number;
}

export interface DocumentListParams {
  filters: DocumentFilters;
  items: PublicLegalDocument[];
  total: number;
  page: number;
  pageCount: number;
  /** The filter choices: types and years that have documents. */
  docTypes: string[];
  years: number[];
}

/** The filters as query parameters, as the form sends them. */
export function documentQuery(f: DocumentFilters): Record<string, string | number | undefined> {
  return { [QUERY.q]: f.q, [QUERY.docType]: f.docType, [QUERY.year]: f.year };
}

/** /van-ban?q=&loai=&nam=&trang= — a GET form (works without script) and one page of results. */
export function documentListPage(p: DocumentListParams): SafeHtml {
  const f = p.filters;
  const filtered = Boolean(f.q || f.docType || f.year);
  return html`<h1>${DOCUMENTS_TITLE}${p.page > 1 ? html` <span class="h1-page">(trang ${p.page}/${p.pageCount})</span>` : ''}</h1>
<p class="lead">Văn bản chỉ đạo, điều hành và văn bản quy phạm pháp luật về cải cách hành chính.</p>
<form class="filters" action="${paths.documents}" method="get" role="search" aria-label="Tìm văn bản">
<div class="field"><label for="vb-q">Từ khóa (số ký hiệu, trích yếu)</label><input id="vb-q" type="search" name="${QUERY.q}" value="${f.q ?? ''}" maxlength="200"></div>
<div class="field"><label for="vb-loai">Loại văn bản</label><select id="vb-loai" name="${QUERY.docType}"><option value="">Tất cả</option>${p.docTypes.map((t) => html`<option${t === f.docType ? html` selected` : ''}>${t}</option>`)}</select></div>
<div class="field"><label for="vb-nam">Năm ban hành</label><select id="vb-nam" name="${QUERY.year}"><option value="">Tất cả</option>${p.years.map((y) => html`<option${y === f.year ? html` selected` : ''}>${y}</option>`)}</select></div>
<div class="field actions"><button type="submit">Lọc văn bản</button>${filtered ? html` <a href="${paths.documents}">Bỏ lọc</a>` : ''}</div>
</form>
<p class="result-count">${filtered ? `Tìm thấy ${p.total} văn bản phù hợp.` : `Có ${p.total} văn bản.`}</p>
${p.items.length === 0
    ? html`<p class="notice">${filtered ? 'Không có văn bản nào phù hợp. Hãy thử bỏ bớt điều kiện lọc hoặc dùng từ khóa khác.' : 'Chưa có văn bản nào được đăng.'}</p>`
    : html`<ul class="doc-list">${p.items.map((d) => html`<li>
<h2><a href="${d.path}">${d.numberSymbol}</a></h2>
<p>${d.subject}</p>
<p class="item-meta">${d.docType} · ${d.issuer} · Ngày ký ${formatDateVi(d.signedOn)}${d.file ? html` · <a href="${d.file.path}">Tải về<span class="visually-hidden"> văn bản ${d.numberSymbol}</span></a> (${fileFacts(d.file)})` : ''}</p>
</li>`)}</ul>`}
${pagination({ path: paths.documents, query: documentQuery(f), page: p.page, pageCount: p.pageCount })}`;
}

export function documentListHead(p: DocumentListParams): SafeHtml {
  return pageLinks({ path: paths.documents, query: documentQuery(p.filters), page: p.page, pageCount: p.pageCount });
}

/** /van-ban/:slug — every field and the file. */
export function documentPage(d: PublicLegalDocument): SafeHtml {
  return html`${breadcrumb([{ href: paths.documents, label: DOCUMENTS_TITLE }])}
<h1>${d.docType} số ${d.numberSymbol}</h1>
<p class="lead">${d.subject}</p>
<dl class="meta">
<div><dt>Số, ký hiệu</dt><dd>${d.numberSymbol}</dd></div>
<div><dt>Loại văn bản</dt><dd>${d.docType}</dd></div>
<div><dt>Cơ quan ban hành</dt><dd>${d.issuer}</dd></div>
<div><dt>Ngày ký</dt><dd>${formatDateVi(d.signedOn)}</dd></div>
<div><dt>Ngày có hiệu lực</dt><dd>${d.effectiveOn ? formatDateVi(d.effectiveOn) : 'Không ghi'}</dd></div>
<div><dt>Trích yếu</dt><dd>${d.subject}</dd></div>
</dl>
${d.isDemo ? html`<p class="notice">Văn bản mẫu để dùng thử, không có giá trị pháp lý.</p>` : ''}
${d.file ? html`<p><a class="button" href="${d.file.path}">Tải văn bản (${d.file.name}, ${fileFacts(d.file)})</a></p>` : html`<p>Văn bản chưa có tệp đính kèm.</p>`}`;
}

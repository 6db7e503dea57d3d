/** The public page of one administrative procedure: every field, its internal process and its history. */
import { html, type SafeHtml } from '../../portal/html.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { breadcrumb } from '../publishing/portal.ts';
import { procedurePaths } from './paths.ts';
import type { ProcedureDataValue } from './procedure-data.ts';
import { CATALOG_TITLE, channelRows, CHANNEL_HEADERS, decisionLabel, DOSSIER_HEADERS, formatNumberVi, LABELS, NATIONAL_PORTAL_LINK, NOT_GIVEN, NOTHING, onlineLabel, originLabel, PROCEDURE_QUERY, stepsNumbered } from './portal-text.ts';
import type { PublicProcedure } from './public-read.ts';

export interface ProcedurePageParams {
  procedure: PublicProcedure;
  /** The day the page shows the procedure as of (YYYY-MM-DD). */
  asOf: string;
  /** True when the reader asked for a day (`?ngay=`), false for today's page. */
  dated: boolean;
}

/** Multi-line text as written: line breaks kept, nothing interpreted. */
const text = (value: string, empty: string) => (value ? html`<div class="pre-line">${value}</div>` : html`<p>${empty}</p>`);

/** The channels table: one row per way of applying, its time, fee and description. */
export function channelsTable(channels: ProcedureDataValue['channels'], captionId: string): SafeHtml {
  const rows = channelRows(channels);
  if (rows.length === 0) return html`<p>${NOT_GIVEN}</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${captionId}"><table class="channels">
<caption id="${captionId}">${LABELS.channels}: thời hạn giải quyết, phí, lệ phí theo từng hình thức nộp hồ sơ</caption>
<thead><tr>${CHANNEL_HEADERS.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows.map((c) => html`<tr><th scope="row">${c.label}</th><td class="pre-line">${c.processingTime || NOT_GIVEN}</td><td class="pre-line">${c.fee || NOTHING}</td><td class="pre-line">${c.description}</td></tr>`)}</tbody>
</table></div>`;
}

export function dossierTable(dossier: ProcedureDataValue['dossier'], captionId: string): SafeHtml {
  if (dossier.length === 0) return html`<p>${NOT_GIVEN}</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${captionId}"><table class="dossier">
<caption id="${captionId}">${LABELS.dossier}: tên giấy tờ và số lượng bản chính, bản sao</caption>
<thead><tr>${DOSSIER_HEADERS.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${dossier.map((d, i) => html`<tr><td>${i + 1}</td><td>${d.name}</td><td class="num">${d.originals}</td><td class="num">${d.copies}</td></tr>`)}</tbody>
</table></div>`;
}

const list = (items: readonly string[], empty: string) => (items.length ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : html`<p>${empty}</p>`);

/**
 * The procedure's content, as the national database lays it out, under headings of the given
 * level (the page uses h2, the desk sheet h3 below the procedure's name). `id` keeps the table
 * captions unique when a sheet holds several procedures.
 */
export function procedureContent(d: ProcedureDataValue, level: 2 | 3, id: string): SafeHtml {
  const h = (label: string) => (level === 2 ? html`<h2>${label}</h2>` : html`<h3>${label}</h3>`);
  return html`${h(LABELS.steps)}
${d.steps.length ? html`<ol class="${stepsNumbered(d.steps) ? 'steps numbered' : 'steps'}">${d.steps.map((s) => html`<li>${s}</li>`)}</ol>` : html`<p>${NOT_GIVEN}</p>`}
${h(LABELS.channels)}
${channelsTable(d.channels, `${id}-cach-thuc`)}
${h(LABELS.dossier)}
${dossierTable(d.dossier, `${id}-ho-so`)}
${h(LABELS.applicants)}
${text(d.applicants, NOT_GIVEN)}
${h(LABELS.result)}
${text(d.result, NOT_GIVEN)}
${h(LABELS.forms)}
${list(d.forms, NOTHING)}
${h(LABELS.conditions)}
${text(d.conditions, NOTHING)}
${h(LABELS.legalBasis)}
${list(d.legalBasis, NOT_GIVEN)}`;
}

/** Where the page stands in the procedure's life on the day shown: in force, abolished, not yet, or changing soon. */
function status(p: PublicProcedure, asOf: string, dated: boolean): SafeHtml | '' {
  const shown = p.versions.find((v) => v.versionNo === p.versionNo);
  const decision = shown?.decision ? ` theo Quyết định ${decisionLabel(shown.decision, formatDateVi)}` : '';
  if (!p.current && shown?.origin === 'abolished') {
    return html`<p class="notice status-abolished"><strong>Đã bãi bỏ từ ${formatDateVi(shown.effectiveFrom)}</strong>${decision}. Thủ tục không còn trong danh mục đang có hiệu lực; dưới đây là nội dung cuối cùng trước khi bãi bỏ.</p>`;
  }
  if (!p.current) return html`<p class="notice">Vào ngày ${formatDateVi(asOf)}, thủ tục này chưa có hiệu lực. Nội dung dưới đây có hiệu lực từ ngày ${formatDateVi(p.effectiveFrom)}.</p>`;
  // Versions are newest first: the last one after the day is the next change.
  const later = p.versions.filter((v) => v.effectiveFrom > asOf).at(-1);
  return html`${dated ? html`<p class="notice">Nội dung thủ tục có hiệu lực vào ngày ${formatDateVi(asOf)}. <a href="${p.path}">Xem nội dung hiện hành</a></p>` : ''}${later ? html`<p class="notice">Từ ngày ${formatDateVi(later.effectiveFrom)}: ${originLabel(later.origin).toLocaleLowerCase('vi')}${later.decision ? ` theo Quyết định ${decisionLabel(later.decision, formatDateVi)}` : ''}. <a href="${procedurePaths.procedureOn(p.code, later.effectiveFrom)}">Xem nội dung từ ngày đó</a></p>` : ''}`;
}

function processSection(p: PublicProcedure): SafeHtml {
  const c = p.processCheck;
  if (p.process.length === 0) return html`<p>Chưa công bố quy trình nội bộ của thủ tục này.</p>`;
  const verdict = c.withinLegalTime === null
    ? 'Thời hạn giải quyết theo quy định không ghi bằng số ngày làm việc.'
    : c.withinLegalTime
      ? `Tổng thời gian các bước không vượt thời hạn giải quyết theo quy định (${formatNumberVi(c.legalDays!)} ngày làm việc).`
      : `Tổng thời gian các bước vượt thời hạn giải quyết theo quy định (${formatNumberVi(c.legalDays!)} ngày làm việc).`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="tthc-quy-trinh"><table class="process">
<caption id="tthc-quy-trinh">Các bước xử lý hồ sơ trong nội bộ cơ quan</caption>
<thead><tr><th scope="col">Bước</th><th scope="col">Nội dung công việc</th><th scope="col">Bộ phận, người thực hiện</th><th scope="col">Thời gian (giờ làm việc)</th></tr></thead>
<tbody>${p.process.map((s, i) => html`<tr><td>${i + 1}</td><td>${s.name}</td><td>${s.responsible}</td><td class="num">${formatNumberVi(s.hours)}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row" colspan="3">Tổng thời gian</th><td class="num">${formatNumberVi(c.totalHours)} giờ (${formatNumberVi(c.totalDays)} ngày làm việc)</td></tr></tfoot>
</table></div>
<p class="${c.withinLegalTime === false ? 'notice over-time' : ''}">${verdict}</p>`;
}

function historySection(p: PublicProcedure): SafeHtml {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="tthc-lich-su"><table class="history">
<caption id="tthc-lich-su">Các phiên bản của thủ tục, mới nhất trước</caption>
<thead><tr><th scope="col">Phiên bản</th><th scope="col">Hiệu lực từ</th><th scope="col">Đến ngày</th><th scope="col">Nội dung thay đổi</th><th scope="col">Quyết định công bố</th><th scope="col">Nội dung</th></tr></thead>
<tbody>${p.versions.map((v) => html`<tr><td>${v.versionNo}</td><td>${formatDateVi(v.effectiveFrom)}</td><td>${v.effectiveTo ? formatDateVi(v.effectiveTo) : v.origin === 'abolished' ? '' : 'nay'}</td><td>${originLabel(v.origin)}</td><td>${decisionLabel(v.decision, formatDateVi)}</td><td>${v.versionNo === p.versionNo ? 'Đang xem' : html`<a href="${procedurePaths.procedureOn(p.code, v.effectiveFrom)}">Xem<span class="visually-hidden"> phiên bản ${v.versionNo}</span></a>`}</td></tr>`)}</tbody>
</table></div>`;
}

/** /thu-tuc-hanh-chinh/:code[?ngay=YYYY-MM-DD] */
export function procedurePage(params: ProcedurePageParams): SafeHtml {
  const { procedure: p, asOf, dated } = params;
  const d = p.data;
  return html`${breadcrumb([{ href: procedurePaths.catalog, label: CATALOG_TITLE }, { href: procedurePaths.fieldCatalog(p.fieldSlug), label: p.field }])}
<h1>${p.name}</h1>
${status(p, asOf, dated)}
${p.isDemo ? html`<p class="notice">Thủ tục mẫu để dùng thử, không phải thông tin chính thức.</p>` : ''}
<dl class="meta">
<div><dt>${LABELS.code}</dt><dd>${p.code}</dd></div>
<div><dt>${LABELS.field}</dt><dd><a href="${procedurePaths.fieldCatalog(p.fieldSlug)}">${p.field}</a></dd></div>
<div><dt>${LABELS.level}</dt><dd>${d.level || NOT_GIVEN}</dd></div>
<div><dt>${LABELS.agency}</dt><dd>${d.implementingAgency || NOT_GIVEN}</dd></div>
<div><dt>${LABELS.online}</dt><dd>${onlineLabel(d.onlineLevel)}</dd></div>
<div><dt>Hiệu lực từ ngày</dt><dd>${formatDateVi(p.effectiveFrom)}</dd></div>
</dl>
<ul class="proc-links">
<li><a href="${p.nationalPortalUrl}" rel="external">${NATIONAL_PORTAL_LINK}</a></li>
${p.current ? html`<li><a href="${procedurePaths.postingSheet(p.code)}">Bản niêm yết (in khổ A4)</a> (<a href="${procedurePaths.postingSheetPdf(p.code)}">PDF<span class="visually-hidden"> bản niêm yết</span></a>)</li>` : ''}
</ul>
${procedureContent(d, 2, 'tthc')}
<h2>${LABELS.process}</h2>
${processSection(p)}
<h2>${LABELS.history}</h2>
${historySection(p)}
<form class="filters as-of" action="${p.path}" method="get" aria-label="Xem thủ tục theo ngày">
<div class="field"><label for="tthc-ngay">Xem nội dung thủ tục vào ngày</label><input id="tthc-ngay" type="date" name="${PROCEDURE_QUERY.date}" value="${asOf}" required></div>
<div class="field actions"><button type="submit">Xem</button></div>
</form>`;
}

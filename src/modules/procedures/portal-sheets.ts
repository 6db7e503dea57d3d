/**
 * Desk posting sheets (niêm yết) as web pages: the same `PostingSheet` the PDF writer prints,
 * laid out for A4 by the print styles (no navigation, large type, each section from a new page).
 */
import { feedbackLines, qrPath, SURVEY_QR_CAPTION, type PostingSection, type PostingSheet } from '../../documents/procedures/posting-pdf.ts';
import { html, type SafeHtml } from '../../portal/html.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { procedureContent } from './portal-procedure.ts';
import { CHANGE_HEADERS, LABELS, NOT_GIVEN, onlineLabel, POSTING_TITLE } from './portal-text.ts';

/** A QR code as inline SVG (no script, no external image), drawn from the same modules as the PDF's. */
export function qrSvg(url: string): SafeHtml {
  const { size, d } = qrPath(url);
  const box = size + 4;
  return html`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" width="${box * 4}" height="${box * 4}" role="img" aria-label="Mã QR dẫn tới ${url}" shape-rendering="crispEdges"><rect width="${box}" height="${box}" fill="#fff"/><path transform="translate(2 2)" fill="#000" d="${d}"/></svg>`;
}

/** The closing block of every section: QR code, the address it leads to, where to send feedback, the day posted; a procedure's survey QR code. */
function closing(sheet: PostingSheet, section: PostingSection): SafeHtml {
  const url = section.url;
  const survey = section.kind === 'procedure' ? section.surveyUrl : undefined;
  // The last line is the feedback page, linked here.
  const [first, ...rest] = feedbackLines(sheet.agency, sheet.feedbackUrl);
  return html`<div class="sheet-foot">
${qrSvg(url)}
<div>
<p><strong>Quét mã QR để xem trên cổng thông tin:</strong><br><a href="${url}">${url}</a></p>
<p><strong>${first}</strong>${rest.slice(0, -1).map((line) => html`<br>${line}`)}<br>Trực tuyến: <a href="${sheet.feedbackUrl}">${sheet.feedbackUrl}</a></p>
<p>Ngày niêm yết: ${formatDateVi(sheet.printedOn)}</p>
</div>
</div>${survey ? html`
<div class="sheet-foot sheet-survey">
${qrSvg(survey)}
<div><p><strong>${SURVEY_QR_CAPTION}:</strong><br><a href="${survey}">${survey}</a></p></div>
</div>` : ''}`;
}

function sectionBody(s: PostingSection, i: number): SafeHtml {
  if (s.kind === 'procedure') {
    const d = s.procedure;
    return html`<h2 class="sheet-name">${d.name}</h2>
<ul class="sheet-facts">
<li>${LABELS.code}: <strong>${d.code}</strong></li>
<li>${LABELS.field}: ${d.field}</li>
<li>${LABELS.level}: ${d.level || NOT_GIVEN}</li>
<li>${LABELS.agency}: ${d.implementingAgency || NOT_GIVEN}</li>
<li>${LABELS.online}: ${onlineLabel(d.onlineLevel)}</li>
<li>Có hiệu lực từ ngày: ${formatDateVi(s.effectiveFrom)}</li>
</ul>
${procedureContent(d, 3, `nb-${i}`)}`;
  }
  if (s.kind === 'contents') {
    return html`<h2 class="sheet-name">${s.heading}</h2>
${s.items.length ? html`<table><caption class="visually-hidden">${s.heading}</caption><thead><tr><th scope="col">TT</th><th scope="col">${LABELS.code}</th><th scope="col">${LABELS.name}</th></tr></thead>
<tbody>${s.items.map((p, n) => html`<tr><td>${n + 1}</td><td>${p.code}</td><td>${p.name}</td></tr>`)}</tbody></table>` : html`<p>Không có thủ tục nào đang có hiệu lực.</p>`}`;
  }
  return html`<h2 class="sheet-name">${s.heading}</h2>
${s.rows.length ? html`<table><caption class="visually-hidden">${s.heading}</caption><thead><tr>${CHANGE_HEADERS.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${s.rows.map((r) => html`<tr><td>${formatDateVi(r.effectiveFrom)}</td><td>${r.change}</td><td>${r.code}</td><td>${r.name}</td><td>${r.decision}</td></tr>`)}</tbody></table>` : html`<p>Không có thay đổi nào.</p>`}`;
}

export interface SheetPageParams {
  sheet: PostingSheet;
  /** The PDF twin of this sheet. */
  pdfPath: string;
  /** Where the sheet comes from (the procedure, the field's catalog, the changes page). */
  back: { href: string; label: string };
}

/** The printable sheet: a short note and the PDF link on screen, then every section (the first carries the page's h1). */
export function postingSheetPage(p: SheetPageParams): SafeHtml {
  const { sheet } = p;
  const head = (i: number) => html`<header class="sheet-head">
<p class="sheet-agency">${sheet.agency.parentName ? html`${sheet.agency.parentName}<br>` : ''}<strong>${sheet.agency.name}</strong></p>
${i === 0 ? html`<h1 class="sheet-title">${POSTING_TITLE}</h1>` : html`<p class="sheet-title">${POSTING_TITLE}</p>`}
${sheet.subtitle ? html`<p class="sheet-subtitle">${sheet.subtitle}</p>` : ''}
</header>`;
  return html`<div class="sheet-tools">
<p><a href="${p.back.href}">‹ ${p.back.label}</a></p>
<p>Bản niêm yết tại Bộ phận Một cửa, khổ A4: dùng lệnh In của trình duyệt, hoặc <a class="button" href="${p.pdfPath}">Tải bản PDF</a></p>
</div>
<div class="posting-sheet">
${sheet.sections.map((s, i) => html`<section class="sheet-section">
${head(i)}
${sectionBody(s, i)}
${closing(sheet, s)}
</section>`)}
</div>`;
}

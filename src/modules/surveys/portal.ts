/**
 * The survey's public pages: the form (plain POST, works without script; radios grouped per
 * question in fieldsets), the thank-you page, and the results with the method explained and a
 * bar chart of the five elements (inline SVG) beside the same numbers as a table.
 */
import { barChart } from '../../portal/components/charts.ts';
import { html, type SafeHtml } from '../../portal/html.ts';
import { formatPercentVi } from '../../platform/vi-number.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { ELEMENTS, LIKERT, type SurveyQuestion } from './elements.ts';
import { FORM, SURVEY_PATHS } from './paths.ts';
import { METHOD_TEXT } from './satisfaction.ts';
import type { GroupResultView, ResultsView } from './schema.ts';
import { COMMENT_MAX, type SurveyForm } from './submit.ts';

export const SURVEY_TITLE = 'Khảo sát mức độ hài lòng';
export const RESULTS_TITLE = 'Kết quả khảo sát mức độ hài lòng';

export interface FormPageParams {
  agencyName: string;
  questions: SurveyQuestion[];
  procedure: { code: string; name: string } | null;
  /** The procedures to choose from; null when there are too many to list (the code is typed). */
  procedures: { code: string; name: string }[] | null;
  token: string;
  /** What was sent, when the form comes back with a message. */
  sent?: SurveyForm;
  error?: { message: string; missing: string[] };
}

const answerName = (q: SurveyQuestion) => `${FORM.answerPrefix}${q.id}`;

function likert(q: SurveyQuestion, n: number, p: FormPageParams): SafeHtml {
  const chosen = p.sent?.answers[q.id] ?? '';
  const missing = p.error?.missing.includes(q.id) ?? false;
  const id = `ks-${q.id}`;
  return html`<fieldset class="likert${missing ? ' likert-missing' : ''}" id="${id}"${missing ? html` aria-describedby="${id}-loi"` : ''}>
<legend>${n}. ${q.text}</legend>
${missing ? html`<p class="field-error" id="${id}-loi">Chưa chọn mức độ hài lòng.</p>` : ''}
<div class="likert-options">${LIKERT.map((label, i) => html`<label><input type="radio" name="${answerName(q)}" value="${i + 1}"${chosen === String(i + 1) ? html` checked` : ''} required> ${label}</label>`)}</div>
</fieldset>`;
}

export function surveyFormPage(p: FormPageParams): SafeHtml {
  let n = 0;
  const sentCode = p.sent?.procedureCode ?? '';
  return html`<h1>${SURVEY_TITLE}</h1>
<p class="lead">Xin ông/bà cho biết mức độ hài lòng khi giải quyết thủ tục hành chính tại ${p.agencyName}. Phiếu không hỏi họ tên; mỗi phiếu chỉ gửi được một lần.</p>
${p.error ? html`<div class="error-summary" role="alert"><h2>Phiếu chưa được gửi</h2><p>${p.error.message}</p>${p.error.missing.length ? html`<ul>${p.questions.filter((q) => p.error!.missing.includes(q.id)).map((q) => html`<li><a href="#ks-${q.id}">${q.text}</a></li>`)}</ul>` : ''}</div>` : ''}
<form class="survey" action="${SURVEY_PATHS.form}" method="post">
<input type="hidden" name="${FORM.token}" value="${p.token}">
${p.procedure
    ? html`<p class="survey-procedure">Thủ tục được đánh giá: <strong>${p.procedure.name}</strong> (mã ${p.procedure.code})</p><input type="hidden" name="${FORM.procedure}" value="${p.procedure.code}">`
    : p.procedures
      ? html`<div class="field"><label for="ks-tthc">Thủ tục ông/bà đã thực hiện (không bắt buộc)</label>
<select id="ks-tthc" name="${FORM.procedure}"><option value="">Không chọn thủ tục</option>${p.procedures.map((x) => html`<option value="${x.code}"${x.code === sentCode ? html` selected` : ''}>${x.name} (${x.code})</option>`)}</select></div>`
      : html`<div class="field"><label for="ks-tthc">Mã thủ tục ông/bà đã thực hiện, in trên bản niêm yết (không bắt buộc)</label>
<input id="ks-tthc" type="text" name="${FORM.procedure}" value="${sentCode}" maxlength="60" autocomplete="off"></div>`}
${ELEMENTS.map((e, i) => html`<fieldset class="survey-element">
<legend><span class="survey-element-title">Yếu tố ${i + 1}: ${e.label}</span></legend>
${p.questions.filter((q) => q.element === e.key).map((q) => likert(q, ++n, p))}
</fieldset>`)}
<div class="field"><label for="ks-y-kien">Ý kiến khác để cơ quan phục vụ tốt hơn (không bắt buộc, tối đa ${COMMENT_MAX} ký tự)</label>
<textarea id="ks-y-kien" name="${FORM.comment}" rows="4" maxlength="${COMMENT_MAX}">${p.sent?.comment ?? ''}</textarea></div>
<div class="survey-hp" aria-hidden="true"><label for="ks-website">Trang web (không điền ô này)</label><input id="ks-website" type="text" name="${FORM.honeypot}" tabindex="-1" autocomplete="off"></div>
<div class="field actions"><button type="submit">Gửi phiếu khảo sát</button></div>
</form>
<p><a href="${SURVEY_PATHS.results}">Xem kết quả khảo sát</a></p>`;
}

export function thanksPage(): SafeHtml {
  return html`<h1>Cảm ơn ông/bà đã trả lời khảo sát</h1>
<p class="lead">Phiếu khảo sát đã được ghi nhận. Ý kiến của ông/bà giúp cơ quan phục vụ người dân, tổ chức tốt hơn.</p>
<p><a href="${SURVEY_PATHS.results}">Xem kết quả khảo sát</a> · <a href="/">Về trang chủ</a></p>`;
}

function scoreRow(g: GroupResultView, head: SafeHtml): SafeHtml {
  return html`<tr>${head}<td>${g.responses}</td>${g.elements.map((e) => html`<td>${formatPercentVi(e.index)}</td>`)}<td><strong>${formatPercentVi(g.index)}</strong></td></tr>`;
}

function groupTable(id: string, caption: string, first: string, rows: GroupResultView[]): SafeHtml {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}"><table>
<caption id="${id}">${caption}</caption>
<thead><tr><th scope="col">${first}</th><th scope="col">Số phiếu</th>${ELEMENTS.map((e) => html`<th scope="col">${e.label}</th>`)}<th scope="col">Chỉ số chung</th></tr></thead>
<tbody>${rows.map((g) => scoreRow(g, html`<th scope="row">${g.label}</th>`))}</tbody>
</table></div>`;
}

export interface ResultsPageParams {
  years: number[];
  year: number;
  results: ResultsView;
}

export function surveyResultsPage(p: ResultsPageParams): SafeHtml {
  const r = p.results;
  const chart = barChart({
    id: 'bd-hai-long',
    title: `Chỉ số hài lòng theo yếu tố, năm ${p.year}`,
    description: r.responses ? `${r.elements.map((e) => `${e.label}: ${formatPercentVi(e.index)}`).join('; ')}. Chỉ số hài lòng chung ${formatPercentVi(r.index)}. Số liệu chi tiết ở bảng dưới.` : 'Chưa có phiếu khảo sát trong năm.',
    categories: ELEMENTS.map((_, i) => `Yếu tố ${i + 1}`),
    series: [{ label: 'Tỉ lệ hài lòng', colour: '#1d4e89', values: r.elements.map((e) => e.index) }],
    format: (v) => formatPercentVi(v),
    max: 100,
  });
  return html`<h1>${RESULTS_TITLE} năm ${p.year}</h1>
<form class="filters" action="${SURVEY_PATHS.results}" method="get" aria-label="Chọn năm">
<div class="field"><label for="ks-nam">Năm</label><select id="ks-nam" name="${FORM.year}">${p.years.map((y) => html`<option${y === p.year ? html` selected` : ''}>${y}</option>`)}</select></div>
<div class="field actions"><button type="submit">Xem kết quả</button></div>
</form>
<dl class="meta stats-totals">
<div><dt>Chỉ số hài lòng chung</dt><dd><strong>${formatPercentVi(r.index)}</strong></dd></div>
<div><dt>Số phiếu khảo sát</dt><dd>${r.responses}${r.demoResponses ? html` <span class="tag-demo">trong đó ${r.demoResponses} phiếu mẫu</span>` : ''}</dd></div>
<div><dt>Thời gian</dt><dd>${formatDateVi(r.from)} – ${formatDateVi(r.to)}</dd></div>
</dl>
${r.demoResponses ? html`<p class="notice">Kết quả gồm ${r.demoResponses} phiếu mẫu để dùng thử, không phải ý kiến thật của người dân.</p>` : ''}
<div class="chart-box">${chart}</div>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="ks-yeu-to"><table>
<caption id="ks-yeu-to">Chỉ số hài lòng theo yếu tố (số liệu của biểu đồ trên)</caption>
<thead><tr><th scope="col">Yếu tố</th><th scope="col">Số câu trả lời</th><th scope="col">Hài lòng, rất hài lòng</th><th scope="col">Chỉ số hài lòng</th><th scope="col">Điểm trung bình (1–5)</th></tr></thead>
<tbody>${r.elements.map((e, i) => html`<tr><th scope="row">Yếu tố ${i + 1}: ${e.label}</th><td>${e.answers}</td><td>${e.satisfied}</td><td>${formatPercentVi(e.index)}</td><td>${e.mean === null ? '–' : e.mean.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}</td></tr>`)}</tbody>
</table></div>
<h2>Theo lĩnh vực</h2>
${r.byField.length ? groupTable('ks-linh-vuc', `Chỉ số hài lòng theo lĩnh vực, năm ${p.year}`, 'Lĩnh vực', r.byField) : html`<p>Chưa có phiếu.</p>`}
<h2>Theo thủ tục</h2>
${r.byProcedure.length ? groupTable('ks-thu-tuc', `Chỉ số hài lòng theo thủ tục, năm ${p.year}`, 'Thủ tục', r.byProcedure) : html`<p>Chưa có phiếu.</p>`}
<h2 id="cach-tinh">Cách tính chỉ số</h2>
${METHOD_TEXT.map((t) => html`<p>${t}</p>`)}
<p><a href="${SURVEY_PATHS.form}">Trả lời khảo sát</a></p>`;
}

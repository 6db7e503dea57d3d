/** The public feedback form (a plain multipart POST, no script), the page after sending, and the lookup by code. */
import { html, type SafeHtml } from '../../portal/html.ts';
import { formatSize } from '../../platform/media/sniff.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { breadcrumb } from '../publishing/portal.ts';
import { ANSWER_WORKING_DAYS } from './deadlines.ts';
import { FORM_FIELDS as F, LIMITS, MAX_FILE_BYTES, MAX_FILES, type FormErrors, type FormKey, type FormValues } from './form.ts';
import { feedbackPaths } from './paths.ts';
import type { LookupResult } from './public-read.ts';

export const FORM_TITLE = 'Gửi phản ánh, kiến nghị';
export const LOOKUP_TITLE = 'Tra cứu kết quả xử lý phản ánh, kiến nghị';
const CRUMB = { href: feedbackPaths.form, label: 'Phản ánh, kiến nghị' };

export interface FormPageParams {
  values: FormValues;
  errors: FormErrors;
  procedures: { code: string; name: string }[];
  challenge: { question: string; token: string };
  /** Files were chosen before an error: the browser cannot keep them, so say so. */
  hadFiles?: boolean;
}

const idOf = (k: FormKey | 'files') => `pa-${F[k].replace(/_/g, '-')}`;

/** Error summary first (each message links to its field), as GOV.UK forms do. */
function errorSummary(errors: FormErrors): SafeHtml | '' {
  const entries = Object.entries(errors).filter(([k]) => k !== 'form') as [FormKey | 'files', string][];
  if (entries.length === 0 && !errors.form) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="pa-loi-tieu-de" tabindex="-1">
<h2 id="pa-loi-tieu-de">Phản ánh chưa được gửi</h2>
${errors.form ? html`<p>${errors.form}</p>` : ''}
${entries.length ? html`<ul>${entries.map(([k, m]) => html`<li><a href="#${idOf(k)}">${m}</a></li>`)}</ul>` : ''}
</div>`;
}

function errorOf(errors: FormErrors, k: FormKey | 'files'): SafeHtml | '' {
  return errors[k] ? html`<p class="field-error" id="${idOf(k)}-loi"><span class="visually-hidden">Lỗi: </span>${errors[k]}</p>` : '';
}

/** aria attributes of a field: its hint and its error describe it. */
function described(errors: FormErrors, k: FormKey | 'files', hint?: string): SafeHtml {
  const ids = [hint, errors[k] ? `${idOf(k)}-loi` : undefined].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${errors[k] ? html` aria-invalid="true"` : ''}`;
}

function textField(p: FormPageParams, k: FormKey, label: string, opts: { required?: boolean; max: number; type?: string; autocomplete?: string; hint?: string; inputmode?: string }): SafeHtml {
  const hintId = opts.hint ? `${idOf(k)}-goi-y` : undefined;
  return html`<div class="form-field${p.errors[k] ? ' has-error' : ''}">
<label for="${idOf(k)}">${label}${opts.required ? html` <span class="req">(bắt buộc)</span>` : html` <span class="opt">(không bắt buộc)</span>`}</label>
${opts.hint ? html`<p class="hint" id="${hintId}">${opts.hint}</p>` : ''}
${errorOf(p.errors, k)}
<input id="${idOf(k)}" name="${F[k]}" type="${opts.type ?? 'text'}" value="${p.values[k] ?? ''}" maxlength="${opts.max}"${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''}${opts.inputmode ? html` inputmode="${opts.inputmode}"` : ''}${opts.required ? html` aria-required="true"` : ''}${described(p.errors, k, hintId)}>
</div>`;
}

/** /phan-anh-kien-nghi — works with JavaScript off; after an error it comes back with what was typed. */
export function formPage(p: FormPageParams): SafeHtml {
  const e = p.errors;
  const v = p.values;
  return html`${breadcrumb([CRUMB])}
<h1>${FORM_TITLE}</h1>
<p class="lead">Cá nhân, tổ chức gửi phản ánh, kiến nghị về quy định hành chính và việc thực hiện thủ tục hành chính của cơ quan theo Nghị định số 20/2008/NĐ-CP (sửa đổi, bổ sung bởi Nghị định số 92/2017/NĐ-CP).</p>
<ul class="proc-links">
<li><a href="${feedbackPaths.lookup}">Tra cứu kết quả bằng mã phản ánh</a></li>
<li><a href="${feedbackPaths.answered}">Các phản ánh, kiến nghị đã được trả lời</a></li>
</ul>
<div class="notice">
<p>Phản ánh, kiến nghị dùng tiếng Việt, ghi rõ họ tên, địa chỉ và số điện thoại của người gửi; cơ quan không xử lý phản ánh không rõ người gửi. Cơ quan trả lời trong ${ANSWER_WORKING_DAYS} ngày làm việc kể từ khi tiếp nhận.</p>
<p>Thông tin cá nhân của người gửi chỉ dùng để xử lý và liên hệ, không bao giờ được công khai.</p>
</div>
${errorSummary(e)}
<form class="pakn-form" action="${feedbackPaths.form}" method="post" enctype="multipart/form-data" novalidate>
<fieldset>
<legend>Thông tin người gửi</legend>
${textField(p, 'name', 'Họ và tên', { required: true, max: LIMITS.name, autocomplete: 'name' })}
${textField(p, 'address', 'Địa chỉ liên hệ', { required: true, max: LIMITS.address, autocomplete: 'street-address' })}
${textField(p, 'phone', 'Số điện thoại', { required: true, max: LIMITS.phone, type: 'tel', autocomplete: 'tel', hint: 'Dùng 4 số cuối để tra cứu kết quả.' })}
${textField(p, 'email', 'Email', { max: LIMITS.email, type: 'email', autocomplete: 'email' })}
</fieldset>
<fieldset>
<legend>Nội dung phản ánh, kiến nghị</legend>
${textField(p, 'subject', 'Tiêu đề', { required: true, max: LIMITS.subject })}
<div class="form-field${e.content ? ' has-error' : ''}">
<label for="${idOf('content')}">Nội dung <span class="req">(bắt buộc)</span></label>
<p class="hint" id="${idOf('content')}-goi-y">Trình bày rõ sự việc, thời gian, địa điểm và đề nghị của ông/bà (tối đa ${LIMITS.content} ký tự).</p>
${errorOf(e, 'content')}
<textarea id="${idOf('content')}" name="${F.content}" rows="8" maxlength="${LIMITS.content}" aria-required="true"${described(e, 'content', `${idOf('content')}-goi-y`)}>${v.content ?? ''}</textarea>
</div>
<div class="form-field${e.procedure ? ' has-error' : ''}">
<label for="${idOf('procedure')}">Thủ tục hành chính liên quan <span class="opt">(không bắt buộc)</span></label>
${errorOf(e, 'procedure')}
<select id="${idOf('procedure')}" name="${F.procedure}"${described(e, 'procedure')}>
<option value="">Không gắn với thủ tục cụ thể</option>
${p.procedures.map((x) => html`<option value="${x.code}"${x.code === v.procedure ? html` selected` : ''}>${x.name} (${x.code})</option>`)}
</select>
</div>
<div class="form-field${e.files ? ' has-error' : ''}">
<label for="${idOf('files')}">Tệp đính kèm <span class="opt">(không bắt buộc)</span></label>
<p class="hint" id="${idOf('files')}-goi-y">Tối đa ${MAX_FILES} tệp, mỗi tệp không quá ${formatSize(MAX_FILE_BYTES)}: ảnh (JPEG, PNG, GIF, WebP), PDF hoặc Word (DOCX).${p.hadFiles ? ' Trình duyệt không giữ tệp khi trang được gửi lại: hãy chọn lại tệp.' : ''}</p>
${errorOf(e, 'files')}
<input id="${idOf('files')}" name="${F.files}" type="file" multiple accept=".jpg,.jpeg,.png,.gif,.webp,.pdf,.docx,image/*,application/pdf"${described(e, 'files', `${idOf('files')}-goi-y`)}>
</div>
<div class="form-field checkbox">
<input id="${idOf('consent')}" name="${F.consent}" type="checkbox" value="co"${v.consent === 'co' ? html` checked` : ''}>
<label for="${idOf('consent')}">Tôi đồng ý để cơ quan công khai câu hỏi và câu trả lời trên cổng thông tin (không kèm họ tên, địa chỉ, số điện thoại, email).</label>
</div>
</fieldset>
<div hidden>
<label for="${idOf('trap')}">Trang cá nhân (để trống ô này)</label>
<input id="${idOf('trap')}" name="${F.trap}" type="text" value="" tabindex="-1" autocomplete="off">
</div>
<fieldset>
<legend>Kiểm tra chống gửi tự động</legend>
<div class="form-field${e.answer ? ' has-error' : ''}">
<label for="${idOf('answer')}">${p.challenge.question} <span class="req">(bắt buộc)</span></label>
${errorOf(e, 'answer')}
<input id="${idOf('answer')}" name="${F.answer}" type="text" inputmode="numeric" size="4" maxlength="3" autocomplete="off" value="" aria-required="true"${described(e, 'answer')}>
<input type="hidden" name="${F.token}" value="${p.challenge.token}">
</div>
</fieldset>
<p><button type="submit">Gửi phản ánh, kiến nghị</button></p>
</form>`;
}

/** The page after sending: the tracking code, how to look it up, and when the answer is due. */
export function sentPage(p: { code: string; answerDueOn: string }): SafeHtml {
  return html`${breadcrumb([CRUMB])}
<h1>Đã gửi phản ánh, kiến nghị</h1>
<div class="notice sent">
<p>Mã phản ánh của ông/bà:</p>
<p class="tracking-code" id="ma-phan-anh">${p.code}</p>
<p>Hãy ghi lại mã này. Để xem kết quả, vào <a href="${feedbackPaths.lookup}">tra cứu</a> và nhập mã cùng 4 số cuối của số điện thoại đã khai.</p>
</div>
<p>Cơ quan sẽ trả lời chậm nhất ngày ${formatDateVi(p.answerDueOn)} (${ANSWER_WORKING_DAYS} ngày làm việc kể từ khi tiếp nhận).</p>
<p><a href="${feedbackPaths.form}">Gửi phản ánh khác</a></p>`;
}

export interface LookupPageParams {
  code?: string;
  /** Undefined before a search; null when nothing matched. */
  result?: LookupResult | null;
  error?: string;
}

/** /phan-anh-kien-nghi/tra-cuu — a POST form (the phone digits stay out of addresses and logs). */
export function lookupPage(p: LookupPageParams): SafeHtml {
  return html`${breadcrumb([CRUMB])}
<h1>${LOOKUP_TITLE}</h1>
<form class="filters" action="${feedbackPaths.lookup}" method="post">
<div class="field"><label for="tc-ma">Mã phản ánh</label><input id="tc-ma" name="ma" type="text" value="${p.code ?? ''}" maxlength="30" autocomplete="off" aria-describedby="tc-ma-goi-y"><span class="hint" id="tc-ma-goi-y">Ví dụ PA-2026-K7M3XQ9</span></div>
<div class="field"><label for="tc-so">4 số cuối điện thoại</label><input id="tc-so" name="so_cuoi" type="text" inputmode="numeric" maxlength="4" size="5" autocomplete="off" value=""></div>
<div class="field actions"><button type="submit">Tra cứu</button></div>
</form>
${p.error ? html`<p class="notice" role="alert">${p.error}</p>` : ''}
${p.result === null ? html`<p class="notice" role="alert">Không tìm thấy phản ánh khớp với mã và 4 số cuối điện thoại đã nhập. Hãy kiểm tra lại mã (in trên trang xác nhận khi gửi) và số điện thoại.</p>` : ''}
${p.result ? lookupResult(p.result) : ''}`;
}

function lookupResult(r: LookupResult): SafeHtml {
  return html`<section aria-labelledby="tc-ket-qua" class="lookup-result">
<h2 id="tc-ket-qua">Phản ánh ${r.code}</h2>
<dl class="meta">
<div><dt>Tiêu đề</dt><dd>${r.subject}</dd></div>
<div><dt>Ngày tiếp nhận</dt><dd>${formatDateVi(r.receivedAt)}</dd></div>
<div><dt>Tình trạng</dt><dd>${r.statusLabel}</dd></div>
${r.answer === null && !r.closingNote ? html`<div><dt>Hạn trả lời</dt><dd>${formatDateVi(r.answerDueOn)}</dd></div>` : ''}
</dl>
${r.answer !== null ? html`<h3>Trả lời của cơ quan${r.answeredOn ? ` (ngày ${formatDateVi(r.answeredOn)})` : ''}</h3><p class="pre-line answer">${r.answer}</p>` : ''}
${r.answer === null && r.closingNote ? html`<h3>Lý do kết thúc xử lý</h3><p class="pre-line">${r.closingNote}</p>` : ''}
</section>`;
}

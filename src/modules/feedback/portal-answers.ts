/** The public list of answered feedback (paged, searchable) and one answer: no personal data ever. */
import { html, type SafeHtml } from '../../portal/html.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { breadcrumb, pagination } from '../publishing/portal.ts';
import { feedbackPaths } from './paths.ts';
import type { PublicAnswer } from './public-read.ts';

export const ANSWERED_TITLE = 'Trả lời phản ánh, kiến nghị';
const CRUMB = { href: feedbackPaths.form, label: 'Phản ánh, kiến nghị' };
const EXCERPT_CHARS = 240;

const demoTag = (a: PublicAnswer) => (a.isDemo ? html` · <span class="tag-demo">Dữ liệu mẫu</span>` : '');

function excerpt(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS - 1).join('')}…` : chars.join('');
}

export interface AnsweredPageParams {
  q?: string;
  items: PublicAnswer[];
  total: number;
  page: number;
  pageCount: number;
}

/** /phan-anh-kien-nghi/da-tra-loi?q=&trang= */
export function answeredPage(p: AnsweredPageParams): SafeHtml {
  return html`${breadcrumb([CRUMB])}
<h1>${ANSWERED_TITLE}${p.page > 1 ? html` <span class="h1-page">(trang ${p.page}/${p.pageCount})</span>` : ''}</h1>
<p class="lead">Câu hỏi của người dân, tổ chức và câu trả lời đã được lãnh đạo cơ quan duyệt, công khai khi người gửi đồng ý.</p>
<form class="filters" action="${feedbackPaths.answered}" method="get" role="search" aria-label="Tìm trong các câu trả lời">
<div class="field field-wide"><label for="tl-q">Từ khóa</label><input id="tl-q" type="search" name="q" value="${p.q ?? ''}" maxlength="200" aria-describedby="tl-goi-y"><span class="hint" id="tl-goi-y">Có thể gõ không dấu.</span></div>
<div class="field actions"><button type="submit">Tìm</button>${p.q ? html` <a href="${feedbackPaths.answered}">Bỏ lọc</a>` : ''}</div>
</form>
<p>${p.q ? `Tìm thấy ${p.total} câu trả lời cho “${p.q}”.` : `Có ${p.total} câu trả lời đã công khai.`}</p>
${p.items.length === 0
    ? html`<p class="notice">${p.q ? 'Không có câu trả lời nào phù hợp. Hãy thử từ khóa khác.' : 'Chưa có câu trả lời nào được công khai.'}</p>`
    : html`<ul class="proc-list">${p.items.map((a) => html`<li>
<h2><a href="${a.path}">${a.subject}</a></h2>
<p class="item-meta">Công khai ngày ${formatDateVi(a.publishedAt)}${a.procedureName ? ` · ${a.procedureName}` : ''}${demoTag(a)}</p>
<p>${excerpt(a.question)}</p>
</li>`)}</ul>`}
${pagination({ path: feedbackPaths.answered, query: { q: p.q }, page: p.page, pageCount: p.pageCount })}
<p><a href="${feedbackPaths.form}">Gửi phản ánh, kiến nghị</a></p>`;
}

/** /phan-anh-kien-nghi/da-tra-loi/:id — the question as published and the approved answer, as plain text. */
export function answerPage(a: PublicAnswer): SafeHtml {
  return html`${breadcrumb([CRUMB, { href: feedbackPaths.answered, label: ANSWERED_TITLE }])}
<article class="article">
<h1>${a.subject}</h1>
<p class="item-meta">Tiếp nhận ngày ${formatDateVi(a.receivedAt)} · Công khai ngày ${formatDateVi(a.publishedAt)}${a.procedureName ? ` · Thủ tục: ${a.procedureName}` : ''}${demoTag(a)}</p>
<h2>Nội dung phản ánh, kiến nghị</h2>
<p class="pre-line">${a.question}</p>
<h2>Trả lời của cơ quan</h2>
<p class="pre-line answer">${a.answer}</p>
</article>`;
}

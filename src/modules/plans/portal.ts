import { html, type SafeHtml } from '../../portal/html.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import type { PlansService } from './service.ts';

type PublicPlan = NonNullable<Awaited<ReturnType<PlansService['getPublic']>>>;
type PublicPlanSummary = Awaited<ReturnType<PlansService['listPublic']>>[number];

/** /ke-hoach: the agency's approved plans, newest year first. */
export function planListPage(plans: PublicPlanSummary[]): SafeHtml {
  return html`<h1>Kế hoạch tuyên truyền cải cách hành chính</h1>
${plans.length === 0
    ? html`<p>Chưa có kế hoạch nào được công bố.</p>`
    : html`<ul class="cards">${plans.map((p) => html`<li class="card"><h2><a href="/ke-hoach/${p.id}">${p.title}</a></h2><p>Năm ${p.year}${p.numberText ? html` · Số ${p.numberText}` : ''} · ${p.statusLabel} · ${p.taskCount} nhiệm vụ</p></li>`)}</ul>`}`;
}

/** /ke-hoach/:id: the plan's metadata and its task table, readable on a phone. */
export function planPage(p: PublicPlan): SafeHtml {
  const groups = new Map(p.tasks.filter((t) => t.kind === 'group').map((g) => [g.code, g.content]));
  return html`<p><a href="/ke-hoach">← Tất cả kế hoạch</a></p>
<h1>Kế hoạch: ${p.title}</h1>
<dl class="meta">
<div><dt>Số, ký hiệu</dt><dd>${p.numberText ?? 'chưa có số'}</dd></div>
<div><dt>Ngày ký</dt><dd>${p.signDate ? formatDateVi(p.signDate) : 'chưa ghi'}</dd></div>
<div><dt>Trạng thái</dt><dd>${p.statusLabel}</dd></div>
${p.theme ? html`<div><dt>Chủ đề năm</dt><dd>${p.theme}</dd></div>` : ''}
</dl>
${p.originalFile ? html`<p><a href="/ke-hoach/${p.id}/tep-goc" download>Tải văn bản gốc (${p.originalFile.name}, ${Math.max(1, Math.round(p.originalFile.size / 1024))} KB)</a></p>` : ''}
<h2>${p.appendixTitle || 'Nội dung, nhiệm vụ'}</h2>
<div class="table-scroll" role="region" aria-label="Bảng nhiệm vụ" tabindex="0">
<table class="task-table">
<thead><tr><th scope="col">TT</th><th scope="col">Nội dung, nhiệm vụ</th><th scope="col">Chủ trì</th><th scope="col">Phối hợp</th><th scope="col">Kết quả/sản phẩm</th><th scope="col">Thời hạn</th></tr></thead>
<tbody>
${p.tasks.map((t) =>
    t.kind === 'group'
      ? html`<tr class="group-row"><th scope="rowgroup" colspan="6">${t.code ? `${t.code}. ` : ''}${t.content}</th></tr>`
      : html`<tr><td data-label="TT">${t.code ?? '-'}</td><td data-label="Nội dung">${t.content}</td><td data-label="Chủ trì">${t.lead.text}</td><td data-label="Phối hợp">${t.coop.map((c) => c.text).join(', ')}</td><td data-label="Kết quả/sản phẩm">${t.product}</td><td data-label="Thời hạn">${t.dueText}${t.due?.end ? html`<br><small>(đến ${formatDateVi(t.due.end)})</small>` : ''}</td></tr>`,
  )}
</tbody>
</table>
</div>
${groups.size === 0 && p.tasks.length === 0 ? html`<p>Kế hoạch không có phụ lục nhiệm vụ.</p>` : ''}`;
}

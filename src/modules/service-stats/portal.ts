/**
 * The public statistics page of processing results (/thong-ke-giai-quyet-thu-tuc): a GET form
 * for the year and month, the totals and rates, a monthly bar chart and a rate line chart
 * (inline SVG, server-rendered) with the same numbers as a table, and per-field and
 * per-procedure tables. Numbers in Vietnamese format (1.234; 88,54 %).
 */
import { html, type SafeHtml } from '../../portal/html.ts';
import { procedurePath } from '../procedures/paths.ts';
import { lineChart, stackedBarChart } from '../../portal/components/charts.ts';
import { monthLabel } from './parse.ts';
import { STATS_PATH, STATS_QUERY, type PublicStats } from './public-read.ts';
import type { StatView } from './schema.ts';

export const STATS_TITLE = 'Thống kê kết quả giải quyết thủ tục hành chính';

const countFormat = new Intl.NumberFormat('vi-VN');
const percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234 → "1.234". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** 0.8854 → "88,54 %" (a no-break space before %, so the sign never wraps alone); null → "–" (nothing to divide). */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${percentFormat.format(rate * 100)}\u00a0%`;
}

/** A rate in a table cell: a dash that screen readers read as "không có số liệu". */
function rateCell(rate: number | null): SafeHtml {
  return rate === null ? html`<span aria-hidden="true">–</span><span class="visually-hidden">không có số liệu</span>` : html`${formatRate(rate)}`;
}

const COLOURS = { online: '#1d4e89', inPerson: '#9c4a0f', postal: '#2d6a4f', onTime: '#1d4e89', onlineRate: '#9c4a0f' };

export function statsTitle(s: Pick<PublicStats, 'year' | 'month'>): string {
  return s.month ? `${STATS_TITLE} tháng ${monthLabel(`${s.year}-${String(s.month).padStart(2, '0')}`)}` : `${STATS_TITLE} năm ${s.year}`;
}

function periodName(s: PublicStats): string {
  return s.month ? `tháng ${s.month}/${s.year}` : `năm ${s.year}`;
}

function selector(s: PublicStats): SafeHtml {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return html`<form class="filters" action="${STATS_PATH}" method="get" aria-label="Chọn kỳ thống kê">
<div class="field"><label for="tk-nam">Năm</label><select id="tk-nam" name="${STATS_QUERY.year}">${s.years.map((y) => html`<option${y === s.year ? html` selected` : ''}>${y}</option>`)}</select></div>
<div class="field"><label for="tk-thang">Tháng</label><select id="tk-thang" name="${STATS_QUERY.month}"><option value=""${s.month ? '' : html` selected`}>Cả năm</option>${months.map((m) => html`<option value="${m}"${m === s.month ? html` selected` : ''}>Tháng ${m}</option>`)}</select></div>
<div class="field actions"><button type="submit">Xem thống kê</button></div>
</form>`;
}

function totals(s: PublicStats): SafeHtml {
  const t = s.period.total;
  const f = t.figures;
  return html`<dl class="meta stats-totals">
<div><dt>Tỉ lệ giải quyết đúng hạn</dt><dd><strong>${formatRate(t.onTimeRate)}</strong></dd></div>
<div><dt>Tỉ lệ hồ sơ trực tuyến</dt><dd><strong>${formatRate(t.onlineRate)}</strong></dd></div>
<div><dt>Tồn kỳ trước chuyển sang</dt><dd>${formatCount(f.carriedOver)}</dd></div>
<div><dt>Hồ sơ tiếp nhận</dt><dd>${formatCount(t.received)} (trực tuyến ${formatCount(f.receivedOnline)}; trực tiếp ${formatCount(f.receivedInPerson)}; qua bưu chính công ích ${formatCount(f.receivedPostal)})</dd></div>
<div><dt>Đã giải quyết</dt><dd>${formatCount(t.settled)} (trước hạn ${formatCount(f.settledEarly)}; đúng hạn ${formatCount(f.settledOnTime)}; quá hạn ${formatCount(f.settledLate)})</dd></div>
<div><dt>Đang giải quyết cuối kỳ</dt><dd>${formatCount(t.pending)} (trong hạn ${formatCount(f.pendingWithin)}; quá hạn ${formatCount(f.pendingOverdue)})</dd></div>
<div><dt>Trả lại; rút hồ sơ</dt><dd>${formatCount(f.returned)}; ${formatCount(f.withdrawn)}</dd></div>
</dl>`;
}

function unbalancedNote(s: PublicStats): SafeHtml | '' {
  const flagged = s.period.months.filter((m) => m.unbalancedRows > 0);
  if (flagged.length === 0) return '';
  return html`<p class="notice">Số liệu ${flagged.map((m) => `tháng ${monthLabel(m.key)}`).join(', ')} có ${flagged.reduce((n, m) => n + m.unbalancedRows, 0)} dòng không cân đối (số đã giải quyết, đang giải quyết, trả lại và rút hồ sơ khác số tồn kỳ trước cộng số tiếp nhận). Số liệu được công khai đúng như đã báo cáo và đang được kiểm tra lại.</p>`;
}

function monthlyCharts(s: PublicStats): SafeHtml {
  const months = s.yearSummary.months;
  const categories = months.map((m) => `T${Number(m.key.slice(5, 7))}`);
  const busiest = months.reduce<StatView | null>((b, m) => (!b || m.received > b.received ? m : b), null);
  const t = s.yearSummary.total;
  const bars = stackedBarChart({
    id: 'bd-tiep-nhan',
    title: `Số hồ sơ tiếp nhận theo tháng, năm ${s.year}`,
    description: busiest && busiest.received > 0
      ? `Cột chồng theo kênh: trực tuyến, trực tiếp, bưu chính công ích. Cả năm tiếp nhận ${formatCount(t.received)} hồ sơ, trong đó ${formatCount(t.figures.receivedOnline)} hồ sơ trực tuyến; nhiều nhất ${busiest.label.toLowerCase()} với ${formatCount(busiest.received)} hồ sơ. Số liệu chi tiết ở bảng dưới.`
      : 'Chưa có hồ sơ tiếp nhận trong năm.',
    categories,
    series: [
      { label: 'Trực tuyến', colour: COLOURS.online, values: months.map((m) => m.figures.receivedOnline) },
      { label: 'Trực tiếp', colour: COLOURS.inPerson, values: months.map((m) => m.figures.receivedInPerson) },
      { label: 'Bưu chính công ích', colour: COLOURS.postal, values: months.map((m) => m.figures.receivedPostal) },
    ],
    format: formatCount,
  });
  const percent = (v: number) => `${countFormat.format(Math.round(v * 10) / 10)}\u00a0%`;
  const rates = lineChart({
    id: 'bd-ti-le',
    title: `Tỉ lệ giải quyết đúng hạn và tỉ lệ hồ sơ trực tuyến theo tháng, năm ${s.year}`,
    description: `Đường liền (chấm tròn): tỉ lệ giải quyết đúng hạn, cả năm ${formatRate(t.onTimeRate)}. Đường đứt (chấm vuông): tỉ lệ hồ sơ trực tuyến, cả năm ${formatRate(t.onlineRate)}. Tháng không có hồ sơ để khoảng trống. Số liệu chi tiết ở bảng dưới.`,
    categories,
    series: [
      { label: 'Tỉ lệ đúng hạn', colour: COLOURS.onTime, values: months.map((m) => (m.onTimeRate === null ? null : m.onTimeRate * 100)) },
      { label: 'Tỉ lệ trực tuyến', colour: COLOURS.onlineRate, values: months.map((m) => (m.onlineRate === null ? null : m.onlineRate * 100)), dashed: true },
    ],
    format: percent,
    max: 100,
  });
  return html`<h2>Theo tháng, năm ${s.year}</h2>
<div class="chart-box">${bars}</div>
<div class="chart-box">${rates}</div>
${monthlyTable(s)}`;
}

function monthlyTable(s: PublicStats): SafeHtml {
  const row = (m: StatView, head: SafeHtml) => html`<tr>${head}<td>${formatCount(m.figures.carriedOver)}</td><td>${formatCount(m.figures.receivedOnline)}</td><td>${formatCount(m.figures.receivedInPerson)}</td><td>${formatCount(m.figures.receivedPostal)}</td><td>${formatCount(m.figures.settledEarly)}</td><td>${formatCount(m.figures.settledOnTime)}</td><td>${formatCount(m.figures.settledLate)}</td><td>${formatCount(m.figures.pendingWithin)}</td><td>${formatCount(m.figures.pendingOverdue)}</td><td>${formatCount(m.figures.returned + m.figures.withdrawn)}</td><td>${rateCell(m.onTimeRate)}</td><td>${rateCell(m.onlineRate)}</td></tr>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="bang-thang-caption"><table>
<caption id="bang-thang-caption">Số hồ sơ theo tháng năm ${s.year} (số liệu của hai biểu đồ trên)</caption>
<thead><tr><th scope="col">Tháng</th><th scope="col">Tồn kỳ trước</th><th scope="col">Tiếp nhận trực tuyến</th><th scope="col">Tiếp nhận trực tiếp</th><th scope="col">Tiếp nhận qua BCCI</th><th scope="col">Giải quyết trước hạn</th><th scope="col">Giải quyết đúng hạn</th><th scope="col">Giải quyết quá hạn</th><th scope="col">Đang giải quyết trong hạn</th><th scope="col">Đang giải quyết quá hạn</th><th scope="col">Trả lại, rút</th><th scope="col">Tỉ lệ đúng hạn</th><th scope="col">Tỉ lệ trực tuyến</th></tr></thead>
<tbody>${s.yearSummary.months.map((m) => row(m, html`<th scope="row">${m.key.slice(5, 7)}/${m.key.slice(0, 4)}</th>`))}</tbody>
<tfoot>${row(s.yearSummary.total, html`<th scope="row">Cả năm</th>`)}</tfoot>
</table></div>`;
}

function groupTable(id: string, caption: string, first: string, rows: StatView[], head: (r: StatView) => SafeHtml): SafeHtml {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}"><table>
<caption id="${id}">${caption}</caption>
<thead><tr><th scope="col">${first}</th><th scope="col">Tiếp nhận</th><th scope="col">Trong đó trực tuyến</th><th scope="col">Đã giải quyết</th><th scope="col">Trước và đúng hạn</th><th scope="col">Quá hạn</th><th scope="col">Đang giải quyết</th><th scope="col">Tỉ lệ đúng hạn</th><th scope="col">Tỉ lệ trực tuyến</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${head(r)}${r.unbalancedRows > 0 ? html` <span class="tag-demo">chưa cân đối</span>` : ''}</th><td>${formatCount(r.received)}</td><td>${formatCount(r.figures.receivedOnline)}</td><td>${formatCount(r.settled)}</td><td>${formatCount(r.figures.settledEarly + r.figures.settledOnTime)}</td><td>${formatCount(r.figures.settledLate)}</td><td>${formatCount(r.pending)}</td><td>${rateCell(r.onTimeRate)}</td><td>${rateCell(r.onlineRate)}</td></tr>`)}</tbody>
</table></div>`;
}

function method(): SafeHtml {
  return html`<h2>Cách tính</h2>
<ul>
<li>Tỉ lệ giải quyết đúng hạn = (số hồ sơ giải quyết trước hạn + đúng hạn) / tổng số hồ sơ đã giải quyết.</li>
<li>Tỉ lệ hồ sơ trực tuyến = số hồ sơ tiếp nhận trực tuyến / tổng số hồ sơ tiếp nhận (trực tuyến, trực tiếp, qua dịch vụ bưu chính công ích).</li>
<li>Số liệu cả năm: số tiếp nhận, giải quyết cộng dồn các tháng; "tồn kỳ trước" lấy của tháng đầu, "đang giải quyết" lấy của tháng cuối.</li>
</ul>
<p class="hint">Theo Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công (Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ).</p>`;
}

/** The whole page. */
export function statsPage(s: PublicStats): SafeHtml {
  const p = s.period;
  const hasData = s.yearSummary.total.rows > 0;
  return html`<h1>${STATS_TITLE}</h1>
<p class="lead">Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại Bộ phận Một cửa của cơ quan, cập nhật hằng tháng.</p>
${selector(s)}
${s.yearSummary.hasDemo ? html`<p class="notice">Đây là số liệu mẫu để dùng thử Minh Bạch, không phải kết quả thật của cơ quan.</p>` : ''}
${!hasData
    ? html`<p class="notice">Chưa có số liệu năm ${s.year}.</p>`
    : html`<h2>Kết quả ${periodName(s)}</h2>
${p.total.rows === 0 ? html`<p class="notice">Chưa có số liệu ${periodName(s)}.</p>` : html`${totals(s)}${unbalancedNote(s)}`}
${monthlyCharts(s)}
${p.byField.length > 0 ? html`<h2>Theo lĩnh vực, ${periodName(s)}</h2>${groupTable('bang-linh-vuc', `Kết quả theo lĩnh vực, ${periodName(s)}`, 'Lĩnh vực', p.byField, (r) => html`${r.label}`)}` : ''}
${p.byProcedure.length > 0 ? html`<h2>Theo thủ tục, ${periodName(s)}</h2>${groupTable('bang-thu-tuc', `Kết quả theo thủ tục, ${periodName(s)}`, 'Thủ tục', p.byProcedure, (r) => html`<a href="${procedurePath(r.key)}">${r.label}</a> <span class="item-meta">(${r.key})</span>`)}` : ''}
${method()}`}`;
}

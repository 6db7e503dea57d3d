/**
 * The public indices page (/chi-so): for each index, a trend chart of its yearly total (inline
 * SVG, server-rendered) with the same numbers as a table, ranks, and the source of every value.
 * Numbers in Vietnamese format (88,54).
 */
import { lineChart } from '../../portal/components/charts.ts';
import { html, type SafeHtml } from '../../portal/html.ts';
import { formatDecimalVi } from '../../platform/vi-number.ts';
import { INDICES, TOTAL, type IndexDefinition } from './catalog.ts';
import type { IndexValueView } from './schema.ts';

export const INDICES_PATH = '/chi-so';
export const INDICES_TITLE = 'Các chỉ số cải cách hành chính, năng lực cạnh tranh và sự hài lòng';

const COLOUR = '#1d4e89';

function withUnit(def: IndexDefinition, v: IndexValueView): string {
  return def.unit === '%' ? `${v.valueText}\u00a0%` : `${v.valueText} điểm`;
}

function rankText(v: IndexValueView): string {
  return v.rank === null ? '–' : `${v.rank}/${v.rankOf ?? 63}`;
}

function source(v: IndexValueView): SafeHtml {
  return v.sourceUrl ? html`${v.source} (<a href="${v.sourceUrl}" rel="noopener">${v.sourceUrl}</a>)` : html`${v.source}`;
}

function trend(def: IndexDefinition, totals: IndexValueView[]): SafeHtml {
  const max = def.maxTotal / 100;
  const first = totals[0]!;
  const last = totals[totals.length - 1]!;
  const years = Array.from({ length: last.year - first.year + 1 }, (_, i) => first.year + i);
  const byYear = new Map(totals.map((v) => [v.year, v.value]));
  return lineChart({
    id: `bd-${def.code}`,
    title: `${def.name} của ${def.subject === 'province' ? 'tỉnh' : 'cơ quan'} qua các năm`,
    description: `Năm ${first.year}: ${withUnit(def, first)}${first.rank ? `, hạng ${rankText(first)}` : ''}.${last !== first ? ` Năm ${last.year}: ${withUnit(def, last)}${last.rank ? `, hạng ${rankText(last)}` : ''}.` : ''} Năm không có số liệu để khoảng trống. Số liệu chi tiết ở bảng dưới.`,
    categories: years.map(String),
    series: [{ label: def.name, colour: COLOUR, values: years.map((y) => byYear.get(y) ?? null) }],
    format: formatDecimalVi,
    max,
  });
}

function indexSection(def: IndexDefinition, values: IndexValueView[]): SafeHtml {
  const totals = values.filter((v) => v.component === TOTAL).sort((a, b) => a.year - b.year);
  const parts = values.filter((v) => v.component !== TOTAL).sort((a, b) => b.year - a.year || a.component.localeCompare(b.component, 'en', { numeric: true }));
  const id = `cs-${def.code}`;
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${def.fullName}</h2>
<p>Đơn vị công bố: ${def.publisher}. ${def.subject === 'province' ? 'Giá trị và thứ hạng của tỉnh so với các tỉnh, thành phố trực thuộc trung ương.' : 'Giá trị và thứ hạng của cơ quan trong đánh giá các sở, ban, ngành của tỉnh.'}</p>
${totals.length ? html`<div class="chart-box">${trend(def, totals)}</div>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}-bang"><table>
<caption id="${id}-bang">${def.name} theo năm (số liệu của biểu đồ trên)</caption>
<thead><tr><th scope="col">Năm</th><th scope="col">Giá trị</th><th scope="col">Xếp hạng</th><th scope="col">Nguồn</th></tr></thead>
<tbody>${totals.map((v) => html`<tr><th scope="row">${v.year}</th><td>${withUnit(def, v)}</td><td>${rankText(v)}</td><td>${source(v)}</td></tr>`)}</tbody>
</table></div>` : html`<p>Chưa có số liệu tổng của chỉ số này.</p>`}
${parts.length ? html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}-tp"><table>
<caption id="${id}-tp">Các thành phần của ${def.name}</caption>
<thead><tr><th scope="col">Năm</th><th scope="col">Thành phần</th><th scope="col">Giá trị</th><th scope="col">Xếp hạng</th><th scope="col">Nguồn</th></tr></thead>
<tbody>${parts.map((v) => html`<tr><td>${v.year}</td><th scope="row">${v.componentName}</th><td>${v.valueText}</td><td>${rankText(v)}</td><td>${source(v)}</td></tr>`)}</tbody>
</table></div>` : ''}
</section>`;
}

export function indicesPage(p: { values: IndexValueView[]; agencyName: string; surveyResultsPath: string }): SafeHtml {
  const shown = INDICES.map((def) => ({ def, values: p.values.filter((v) => v.indexCode === def.code) })).filter((x) => x.values.length > 0);
  return html`<h1>${INDICES_TITLE}</h1>
<p class="lead">PAR Index, PCI, PAPI, SIPAS của tỉnh và Chỉ số cải cách hành chính của ${p.agencyName}: giá trị, thứ hạng qua các năm và nguồn công bố của từng số liệu.</p>
<p>Kết quả khảo sát mức độ hài lòng do chính cơ quan thực hiện tại Bộ phận Một cửa: <a href="${p.surveyResultsPath}">xem kết quả khảo sát</a>.</p>
${shown.length ? shown.map((x) => indexSection(x.def, x.values)) : html`<p>Chưa có số liệu chỉ số nào được công bố.</p>`}`;
}

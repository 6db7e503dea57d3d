/**
 * Charts as inline SVG rendered on the server (shared by the public statistics, survey results and indices pages): no script, readable by screen readers (role="img"
 * with <title> and <desc>; the page also shows the same numbers as a table). Colours are SVG
 * attributes, not CSS, so the strict CSP (no inline styles) does not touch them; each series
 * has a text legend and a shape of its own, never colour alone.
 */
import { html, type SafeHtml } from '../html.ts';

export interface ChartSeries {
  label: string;
  colour: string;
  /** One value per category; null for none (a gap in a line). */
  values: (number | null)[];
  /** Line charts: dashed line and square markers, so series differ without colour. */
  dashed?: boolean;
}

export interface ChartParams {
  id: string;
  title: string;
  description: string;
  /** Short labels under the bars or points (T1 … T12). */
  categories: string[];
  series: ChartSeries[];
  /** How a value is written on the axis and in tooltips. */
  format: (value: number) => string;
}

// Drawn at its own size on wide screens (the box is as high as the drawing), shrunk to fit on
// phones (≈360 px wide: the text stays readable); no stylesheet rule needed.
const W = 480;
const H = 300;
const M = { top: 36, right: 8, bottom: 32, left: 52 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

/**
 * Axis ticks for counts: a round step (1, 2 or 5 times a power of ten, at least 1) giving at
 * most about five intervals, from 0 to the first tick at or above `max`.
 * Example: `countTicks(43) → [0, 10, 20, 30, 40, 50]`.
 */
export function countTicks(max: number): number[] {
  const rough = Math.max(max, 1) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!);
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

const y = (value: number, top: number) => M.top + PLOT_H - (value / top) * PLOT_H;
const r1 = (n: number) => Math.round(n * 10) / 10;

type Swatch = (s: ChartSeries, x: number) => SafeHtml;
const barSwatch: Swatch = (s, x) => html`<rect x="${x}" y="8" width="14" height="14" fill="${s.colour}"/>`;
const lineSwatch: Swatch = (s, x) => html`<line x1="${x - 2}" x2="${x + 16}" y1="15" y2="15" stroke="${s.colour}" stroke-width="2.5"${s.dashed ? html` stroke-dasharray="6 4"` : ''}/>${s.dashed ? html`<rect x="${x + 3}" y="11" width="8" height="8" fill="${s.colour}"/>` : html`<circle cx="${x + 7}" cy="15" r="4.5" fill="${s.colour}"/>`}`;

function frame(p: ChartParams, ticks: number[], body: SafeHtml, swatch: Swatch): SafeHtml {
  const top = ticks[ticks.length - 1]!;
  const step = PLOT_W / Math.max(p.categories.length, 1);
  let legendX = M.left;
  const legend = p.series.map((s) => {
    const x = legendX;
    legendX += 30 + s.label.length * 7.5;
    return html`${swatch(s, x)}<text x="${x + 21}" y="20" font-size="13" fill="#0b0c0c">${s.label}</text>`;
  });
  return html`<svg class="chart" role="img" aria-labelledby="${p.id}-title ${p.id}-desc" viewBox="0 0 ${W} ${H}" width="100%" height="${H}" preserveAspectRatio="xMinYMid meet" xmlns="http://www.w3.org/2000/svg" font-family="inherit">
<title id="${p.id}-title">${p.title}</title>
<desc id="${p.id}-desc">${p.description}</desc>
<g aria-hidden="true">${legend}
${ticks.map((t) => html`<line x1="${M.left}" x2="${W - M.right}" y1="${r1(y(t, top))}" y2="${r1(y(t, top))}" stroke="${t === 0 ? '#505a5f' : '#d5d8da'}" stroke-width="1"/><text x="${M.left - 6}" y="${r1(y(t, top) + 4)}" font-size="12" text-anchor="end" fill="#505a5f">${p.format(t)}</text>`)}
${p.categories.map((c, i) => html`<text x="${r1(M.left + step * (i + 0.5))}" y="${H - 10}" font-size="12" text-anchor="middle" fill="#505a5f">${c}</text>`)}
</g>
${body}
</svg>`;
}

/** Stacked bars, one per category (the series add up to the bar). */
export function stackedBarChart(p: ChartParams): SafeHtml {
  const totals = p.categories.map((_, i) => p.series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const ticks = countTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1]!;
  const step = PLOT_W / Math.max(p.categories.length, 1);
  const width = r1(step * 0.6);
  const bars = p.categories.map((c, i) => {
    let base = 0;
    const x = r1(M.left + step * i + (step - width) / 2);
    return p.series.map((s) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return '';
      const y1 = y(base + v, top);
      const y0 = y(base, top);
      base += v;
      return html`<rect x="${x}" y="${r1(y1)}" width="${width}" height="${r1(y0 - y1)}" fill="${s.colour}" stroke="#fff" stroke-width="1"><title>${c}: ${s.label} ${p.format(v)}</title></rect>`;
    });
  });
  return frame(p, ticks, html`<g>${bars}</g>`, barSwatch);
}

/** Lines with markers, on a fixed 0–`max` scale (rates: 0–100 %); null values leave gaps. */
export function lineChart(p: ChartParams & { max: number }): SafeHtml {
  const step = PLOT_W / Math.max(p.categories.length, 1);
  const x = (i: number) => r1(M.left + step * (i + 0.5));
  const lines = p.series.map((s) => {
    let d = '';
    let open = false;
    s.values.forEach((v, i) => {
      if (v === null) return void (open = false);
      d += `${open ? 'L' : 'M'}${x(i)} ${r1(y(v, p.max))} `;
      open = true;
    });
    const markers = s.values.map((v, i) => {
      if (v === null) return '';
      const tip = html`<title>${p.categories[i]}: ${s.label} ${p.format(v)}</title>`;
      const cy = r1(y(v, p.max));
      return s.dashed
        ? html`<rect x="${r1(x(i) - 4)}" y="${r1(cy - 4)}" width="8" height="8" fill="${s.colour}">${tip}</rect>`
        : html`<circle cx="${x(i)}" cy="${cy}" r="4.5" fill="${s.colour}">${tip}</circle>`;
    });
    return html`<path d="${d.trim()}" fill="none" stroke="${s.colour}" stroke-width="2.5"${s.dashed ? html` stroke-dasharray="6 4"` : ''}/>${markers}`;
  });
  return frame(p, [0, 0.25, 0.5, 0.75, 1].map((t) => t * p.max), html`<g>${lines}</g>`, lineSwatch);
}

/**
 * Bars on a fixed 0–`max` scale (shares: 0–100 %), one series side by side per category; a
 * null value draws no bar. Example: the share of satisfied answers per survey element.
 */
export function barChart(p: ChartParams & { max: number }): SafeHtml {
  const step = PLOT_W / Math.max(p.categories.length, 1);
  const group = step * 0.7;
  const width = r1(group / Math.max(p.series.length, 1));
  const bars = p.categories.map((c, i) => p.series.map((s, j) => {
    const v = s.values[i];
    if (v === null || v === undefined) return '';
    const top = y(Math.min(v, p.max), p.max);
    const x = r1(M.left + step * i + (step - group) / 2 + width * j);
    return html`<rect x="${x}" y="${r1(top)}" width="${width}" height="${r1(M.top + PLOT_H - top)}" fill="${s.colour}" stroke="#fff" stroke-width="1"><title>${c}: ${s.label} ${p.format(v)}</title></rect>`;
  }));
  return frame(p, [0, 0.25, 0.5, 0.75, 1].map((t) => t * p.max), html`<g>${bars}</g>`, barSwatch);
}

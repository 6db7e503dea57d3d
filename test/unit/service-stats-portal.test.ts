import { describe, expect, it } from 'vitest';
import { countTicks, lineChart, stackedBarChart } from '../../src/portal/components/charts.ts';
import { formatCount, formatRate } from '../../src/modules/service-stats/portal.ts';
import { statsQuery } from '../../src/modules/service-stats/portal-routes.ts';

describe('processing results: public page pieces', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatRate(0.88537)).toBe('88,54\u00a0%');
    expect(formatRate(1)).toBe('100,00\u00a0%');
    expect(formatRate(null)).toBe('–');
  });

  it('puts count axes on round steps', () => {
    expect(countTicks(43)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  it('draws charts as accessible SVG with escaped text, stacked bars adding up and gaps for missing rates', () => {
    const bars = stackedBarChart({ id: 'b', title: 'Hồ sơ <tháng>', description: 'Mô tả & chi tiết', categories: ['T1', 'T2'], series: [{ label: 'Trực tuyến', colour: '#1d4e89', values: [3, 0] }, { label: 'Trực tiếp', colour: '#9c4a0f', values: [2, 5] }], format: formatCount }).value;
    expect(bars).toMatch(/^<svg class="chart" role="img" aria-labelledby="b-title b-desc"/);
    expect(bars).toContain('<title id="b-title">Hồ sơ &lt;tháng&gt;</title>');
    expect(bars).toContain('<desc id="b-desc">Mô tả &amp; chi tiết</desc>');
    // Zero values draw nothing: three segments for four values (legend swatches have no outline).
    expect(bars.match(/<rect [^>]*stroke="#fff"/g)).toHaveLength(3);
    expect(bars).toContain('<title>T2: Trực tiếp 5</title>');

    const lines = lineChart({ id: 'l', title: 'Tỉ lệ', description: 'Tỉ lệ theo tháng', categories: ['T1', 'T2', 'T3', 'T4'], series: [{ label: 'Đúng hạn', colour: '#1d4e89', values: [90, null, 80, 100] }], format: (v) => `${v} %`, max: 100 }).value;
    const d = /<path d="([^"]+)"/.exec(lines)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
    expect(lines.match(/<circle /g)).toHaveLength(3 + 1);
  });

  it('accepts only the choices the form offers in the query', () => {
    expect(statsQuery({})).toEqual({ year: undefined, month: undefined });
    expect(statsQuery({ nam: '2024', thang: '' })).toEqual({ year: 2024, month: undefined });
    expect(statsQuery({ nam: '2024', thang: '3' })).toEqual({ year: 2024, month: 3 });
    expect(statsQuery({ thang: '3' })).toEqual({ year: undefined, month: undefined });
    expect(statsQuery({ nam: '20x4' })).toBeUndefined();
    expect(statsQuery({ nam: '2024', thang: '13' })).toBeUndefined();
    expect(statsQuery({ nam: '1800' })).toBeUndefined();
  });
});

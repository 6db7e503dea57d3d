import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, dueStart, parseDue } from '../../../src/documents/import/due-parser.ts';
import { toRoman } from '../../../src/documents/import/numbering.ts';
import type { ParsedDue } from '../../../src/documents/plan-document.ts';

describe('parseDue: the spellings plans use', () => {
  it.each<[string, ParsedDue]>([
    ['30/6/2024', { kind: 'date', date: '2024-06-30', end: '2024-06-30' }],
    ['30/06/2024', { kind: 'date', date: '2024-06-30', end: '2024-06-30' }],
    ['Trước ngày 30/6/2024', { kind: 'date', date: '2024-06-30', end: '2024-06-30' }],
    ['ngày 30 tháng 6 năm 2024', { kind: 'date', date: '2024-06-30', end: '2024-06-30' }],
    ['Chậm nhất ngày 15.3.2024', { kind: 'date', date: '2024-03-15', end: '2024-03-15' }],
    ['T2/2024', { kind: 'month', year: 2024, month: 2, end: '2024-02-29' }],
    ['Tháng 2/2024', { kind: 'month', year: 2024, month: 2, end: '2024-02-29' }],
    ['tháng 02 năm 2023', { kind: 'month', year: 2023, month: 2, end: '2023-02-28' }],
    ['THÁNG 12/2024', { kind: 'month', year: 2024, month: 12, end: '2024-12-31' }],
    ['Quý II/2024', { kind: 'quarter', year: 2024, quarter: 2, end: '2024-06-30' }],
    ['Quý 2 năm 2024', { kind: 'quarter', year: 2024, quarter: 2, end: '2024-06-30' }],
    ['quy iii/2024', { kind: 'quarter', year: 2024, quarter: 3, end: '2024-09-30' }],
    ['6 tháng đầu năm 2024', { kind: 'half', year: 2024, half: 1, end: '2024-06-30' }],
    ['6 tháng cuối năm 2024', { kind: 'half', year: 2024, half: 2, end: '2024-12-31' }],
    ['Cả năm 2024', { kind: 'year', year: 2024, end: '2024-12-31' }],
    ['Năm 2024', { kind: 'year', year: 2024, end: '2024-12-31' }],
    ['Trong năm 2024', { kind: 'year', year: 2024, end: '2024-12-31' }],
    ['Thường xuyên', { kind: 'recurring', every: 'continuous', end: null }],
    ['Hằng tháng', { kind: 'recurring', every: 'month', end: null }],
    ['Hàng quý', { kind: 'recurring', every: 'quarter', end: null }],
    ['Hằng năm', { kind: 'recurring', every: 'year', end: null }],
    ['Thường xuyên trong năm 2024', { kind: 'recurring', every: 'continuous', year: 2024, end: '2024-12-31' }],
  ])('%s', (text, want) => {
    expect(parseDue(text)).toEqual(want);
  });

  it.each<[string, ParsedDue]>([
    ['tháng 2', { kind: 'month', year: 2024, month: 2, end: '2024-02-29' }],
    ['quý IV', { kind: 'quarter', year: 2024, quarter: 4, end: '2024-12-31' }],
    ['Cả năm', { kind: 'year', year: 2024, end: '2024-12-31' }],
    ['30/6', { kind: 'date', date: '2024-06-30', end: '2024-06-30' }],
    ['Hàng tháng', { kind: 'recurring', every: 'month', year: 2024, end: '2024-12-31' }],
  ])('%s takes the year from the context', (text, want) => {
    expect(parseDue(text, { year: 2024 })).toEqual(want);
  });

  it.each<[string, ParsedDue]>([
    ['Tháng 3 - 6/2024', { kind: 'month', year: 2024, month: 6, end: '2024-06-30' }],
    ['Từ tháng 3 đến tháng 6/2024', { kind: 'month', year: 2024, month: 6, end: '2024-06-30' }],
    ['Quý I-II/2024', { kind: 'quarter', year: 2024, quarter: 2, end: '2024-06-30' }],
    ['01/3/2024 - 30/6/2024', { kind: 'date', date: '2024-06-30', end: '2024-06-30' }],
    ['Trước ngày 15 hằng tháng', { kind: 'recurring', every: 'month', end: null }],
  ])('the span or cycle %s is due when it ends', (text, want) => {
    expect(parseDue(text)).toEqual(want);
  });

  it.each(['31/2/2024', '29/2/2023', '0/1/2024', '12/13/2024', 'Tháng 13/2024', 'Quý V/2024', 'tháng 2', 'quý IV',
    'Theo yêu cầu', 'Khi có văn bản', '', '   ', 'Quý I, II/2024', '2024-06-30T00:00', 'năm 20245',
    'Tháng 6 - 3/2024', 'Quý II - tháng 3/2024', 'kinh tế - xã hội'])('%j is not understood', (text) => {
    expect(parseDue(text)).toBeNull();
  });

  it('is tolerant of case, diacritics and NFD input', () => {
    expect(parseDue('CẢ NĂM 2024')).toEqual(parseDue('ca nam 2024'));
    expect(parseDue('Quý II/2024'.normalize('NFD'))).toEqual(parseDue('Quý II/2024'));
    expect(parseDue('  hằng   tháng  ')).toEqual(parseDue('Hằng tháng'));
  });
});

// Properties: generate a period, write it in one of the supported spellings with random case,
// spacing and leading zeros, and parse it back.
const yearArb = fc.integer({ min: 1990, max: 2090 });
const caseArb = fc.constantFrom<(s: string) => string>((s) => s, (s) => s.toUpperCase(), (s) => s.toLowerCase(),
  (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase());
const spaceArb = fc.constantFrom(' ', '  ', '\t', ' \u00a0');
const numArb = (n: number) => fc.constantFrom(String(n), String(n).padStart(2, '0'));

function render(parts: string[], space: string, casing: (s: string) => string): string {
  return casing(parts.join(' ').replace(/ /g, space));
}

const dateCase = fc.record({ y: yearArb, m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => d <= daysInMonth(y, m))
  .chain(({ y, m, d }) => fc.tuple(numArb(d), numArb(m), fc.constantFrom('/', '.', '-'), fc.integer({ min: 0, max: 2 })).map(([dd, mm, sep, style]) => ({
    parts: style === 0 ? [`${dd}${sep}${mm}${sep}${y}`] : style === 1 ? ['Trước', 'ngày', `${dd}/${mm}/${y}`] : ['ngày', dd, 'tháng', mm, 'năm', String(y)],
    kind: 'date', end: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  })));

const monthCase = fc.record({ y: yearArb, m: fc.integer({ min: 1, max: 12 }) }).chain(({ y, m }) =>
  fc.tuple(numArb(m), fc.integer({ min: 0, max: 2 })).map(([mm, style]) => ({
    parts: style === 0 ? [`T${mm}/${y}`] : style === 1 ? ['Tháng', `${mm}/${y}`] : ['tháng', mm, 'năm', String(y)],
    kind: 'month', end: `${y}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`,
  })));

const quarterCase = fc.record({ y: yearArb, q: fc.integer({ min: 1, max: 4 }) }).chain(({ y, q }) =>
  fc.tuple(fc.constantFrom(toRoman(q), String(q)), fc.boolean()).map(([label, slash]) => ({
    parts: slash ? ['Quý', `${label}/${y}`] : ['Quý', label, 'năm', String(y)],
    kind: 'quarter', end: `${y}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`,
  })));

const halfCase = fc.record({ y: yearArb, h: fc.constantFrom(1, 2) }).map(({ y, h }) => ({
  parts: ['6', 'tháng', h === 1 ? 'đầu' : 'cuối', 'năm', String(y)],
  kind: 'half', end: h === 1 ? `${y}-06-30` : `${y}-12-31`,
}));

const yearCase = fc.record({ y: yearArb, lead: fc.constantFrom(['Cả', 'năm'], ['Năm'], ['Trong', 'năm']) }).map(({ y, lead }) => ({
  parts: [...lead, String(y)], kind: 'year', end: `${y}-12-31`,
}));

describe('parseDue: properties', () => {
  it('round-trips every period in every spelling', () => {
    fc.assert(fc.property(fc.oneof(dateCase, monthCase, quarterCase, halfCase, yearCase), spaceArb, caseArb, (c, space, casing) => {
      const text = render(c.parts, space, casing);
      const due = parseDue(text);
      expect(due, text).not.toBeNull();
      expect(due?.kind).toBe(c.kind);
      expect(due?.end).toBe(c.end);
    }), { numRuns: 500 });
  });

  it('never ends before the period starts', () => {
    fc.assert(fc.property(fc.oneof(dateCase, monthCase, quarterCase, halfCase, yearCase), (c) => {
      const due = parseDue(c.parts.join(' '));
      if (!due || due.end === null) return;
      const start = dueStart(due);
      expect(start).not.toBeNull();
      expect(due.end >= (start ?? '')).toBe(true);
    }), { numRuns: 300 });
  });

  it('never throws on junk, and what it returns is a real date', () => {
    const junk = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[\dTtQqUuYyÝýNnĂăMm/ .-]{0,20}$/));
    fc.assert(fc.property(junk, fc.option(fc.integer({ min: -5, max: 5000 })), (text, year) => {
      const due = parseDue(text, year === null ? {} : { year });
      if (due?.end) expect(Number.isNaN(Date.parse(due.end))).toBe(false);
    }), { numRuns: 1000 });
  });
});

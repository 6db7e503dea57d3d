import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHundredths, formatPercentVi, parseHundredths } from '../../src/platform/vi-number.ts';

describe('Vietnamese decimal numbers', () => {
  it('formats published values with a decimal comma and both decimals', () => {
    expect(formatHundredths(8854)).toBe('88,54');
    expect(formatHundredths(7280)).toBe('72,80');
    expect(formatHundredths(123456)).toBe('1.234,56');
    expect(formatPercentVi(87.3333)).toBe('87,33\u00a0%');
    expect(formatPercentVi(null)).toBe('–');
  });

  it('reads the ways people and spreadsheets write them', () => {
    expect(parseHundredths('88,54')).toBe(8854);
    expect(parseHundredths('88.54')).toBe(8854);
    expect(parseHundredths(' 91,16 % ')).toBe(9116);
    expect(parseHundredths('72,8')).toBe(7280);
    expect(parseHundredths('1.234,5')).toBe(123450);
    expect(parseHundredths('44')).toBe(4400);
    for (const bad of ['', 'abc', '88,545', '1,2,3', '88.54.1', '12.34,5,6', '--1', '1e3']) expect(parseHundredths(bad), bad).toBeNull();
  });

  it('round-trips every value through its Vietnamese text', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), (x100) => parseHundredths(formatHundredths(x100)) === x100), { numRuns: 1000 });
  });

  it('reads a spreadsheet float of two decimals back exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (x100) => parseHundredths(String(x100 / 100)) === x100), { numRuns: 1000 });
  });

  it('never throws and never returns a fraction of a hundredth', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => {
      const v = parseHundredths(s);
      return v === null || Number.isInteger(v);
    }), { numRuns: 1000 });
  });
});

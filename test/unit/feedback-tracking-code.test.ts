import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSymbol, CODE_ALPHABET, newTrackingCode, parseTrackingCode } from '../../src/modules/feedback/tracking-code.ts';

const year = fc.integer({ min: 2000, max: 2099 });
const body = fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: 6, maxLength: 6 }).map((cs) => cs.join(''));

describe('feedback tracking codes', () => {
  it('have the format PA-YYYY-XXXXXXX from a 29-symbol alphabet without look-alikes', () => {
    expect(CODE_ALPHABET).toHaveLength(29);
    expect(new Set(CODE_ALPHABET).size).toBe(29);
    for (const c of '01ILOSU') expect(CODE_ALPHABET).not.toContain(c);
    fc.assert(fc.property(year, (y) => {
      const code = newTrackingCode(y);
      expect(code).toMatch(new RegExp(`^PA-${y}-[${CODE_ALPHABET}]{7}$`));
      expect(parseTrackingCode(code)).toBe(code);
    }));
  });

  it('read back whatever the case, spaces and dashes', () => {
    fc.assert(fc.property(year, body, fc.constantFrom(' ', '-', '', '  '), (y, b, sep) => {
      const code = `PA-${y}-${b}${checkSymbol(y, b)}`;
      const typed = code.replace(/-/g, sep).toLowerCase();
      expect(parseTrackingCode(` ${typed} `)).toBe(code);
    }));
  });

  it('catch every single mistyped symbol', () => {
    fc.assert(fc.property(year, body, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...CODE_ALPHABET), (y, b, at, replacement) => {
      const symbols = `${b}${checkSymbol(y, b)}`.split('');
      fc.pre(symbols[at] !== replacement);
      symbols[at] = replacement;
      expect(parseTrackingCode(`PA-${y}-${symbols.join('')}`)).toBeUndefined();
    }));
  });

  it('catch every swap of two different symbols', () => {
    fc.assert(fc.property(year, body, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (y, b, i, j) => {
      const symbols = `${b}${checkSymbol(y, b)}`.split('');
      fc.pre(symbols[i] !== symbols[j]);
      [symbols[i], symbols[j]] = [symbols[j]!, symbols[i]!];
      expect(parseTrackingCode(`PA-${y}-${symbols.join('')}`)).toBeUndefined();
    }));
  });

  it('refuse anything else (never throw)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => {
      const parsed = parseTrackingCode(s);
      if (parsed !== undefined) expect(parseTrackingCode(parsed)).toBe(parsed);
    }));
    for (const bad of ['', 'PA-2026', 'PA-2026-OOOOOOO', 'XX-2026-2222222', 'PA-26-2222222', 'PA-2026-22222222']) expect(parseTrackingCode(bad)).toBeUndefined();
  });
});

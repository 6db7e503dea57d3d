import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLabel, fromRoman, labelRank, toRoman } from '../../../src/documents/import/numbering.ts';

describe('classifyLabel', () => {
  it.each([
    ['I. MỤC ĐÍCH, YÊU CẦU', 'roman', 'I', 'MỤC ĐÍCH, YÊU CẦU'],
    ['IV. TỔ CHỨC THỰC HIỆN', 'roman', 'IV', 'TỔ CHỨC THỰC HIỆN'],
    ['1. Mục đích', 'arabic', '1', 'Mục đích'],
    ['2) Yêu cầu', 'arabic', '2', 'Yêu cầu'],
    ['1.1. Nâng cao', 'arabic', '1.1', 'Nâng cao'],
    ['1.2 Nâng cao', 'arabic', '1.2', 'Nâng cao'],
    ['a) Bám sát', 'letter', 'a', 'Bám sát'],
    ['b. Nội dung', 'letter', 'b', 'Nội dung'],
    ['- Tiếp tục', 'dash', '-', 'Tiếp tục'],
    ['– Tiếp tục', 'dash', '-', 'Tiếp tục'],
    ['+ Chi tiết', 'dash', '+', 'Chi tiết'],
    ['• Chi tiết', 'dash', '•', 'Chi tiết'],
    ['A. PHẦN CHUNG', 'group', 'A', 'PHẦN CHUNG'],
  ])('%s', (line, kind, label, rest) => {
    expect(classifyLabel(line)).toMatchObject({ kind, label, rest });
  });

  it('reads bare TT cells only when asked', () => {
    expect(classifyLabel('A Xây dựng Kế hoạch')).toBeNull();
    expect(classifyLabel('A Xây dựng Kế hoạch', { bare: true })).toMatchObject({ kind: 'group', label: 'A' });
    expect(classifyLabel('1 Tuyên truyền', { bare: true })).toMatchObject({ kind: 'arabic', label: '1' });
    expect(classifyLabel('II Công tác', { bare: true })).toMatchObject({ kind: 'roman', label: 'II' });
    expect(classifyLabel('-', { bare: true })).toMatchObject({ kind: 'dash', rest: '' });
  });

  it.each(['Tuyên truyền', '30/6/2024 là hạn', '2024. Năm', '______', '-5% chi phí', 'Các phòng', '', '06/CP “Phát triển'])('%j has no label', (line) => {
    expect(classifyLabel(line)).toBeNull();
  });

  it('nests in Decree 30 order', () => {
    const order = ['A. X', 'I. X', '1. X', '1.1. X', 'a) X', '- X', '+ X'].map((l) => labelRank(classifyLabel(l) ?? (() => { throw new Error(l); })()));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });
});

describe('Roman numerals', () => {
  it('round-trips 1..3999', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3999 }), (n) => {
      const roman = toRoman(n);
      expect(fromRoman(roman)).toBe(n);
      expect(fromRoman(roman.toLowerCase())).toBe(n);
    }));
    const wrong = Array.from({ length: 3999 }, (_, i) => i + 1).filter((n) => fromRoman(toRoman(n)) !== n);
    expect(wrong).toEqual([]);
  });

  it('rejects non-canonical numerals and out-of-range values', () => {
    for (const bad of ['IIII', 'VX', 'IC', 'MMMM', '', 'ABC', 'IIV']) expect(fromRoman(bad)).toBeNull();
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toRoman(4000)).toThrow(RangeError);
  });
});

describe('classifyLabel: properties', () => {
  const restArb = fc.constantFrom('Mục đích', 'TỔ CHỨC THỰC HIỆN', 'Nội dung tuyên truyền', 'Kinh phí: 5 triệu đồng');
  const spaceArb = fc.constantFrom(' ', '  ', '\t');

  it('a generated label of each style classifies to its kind', () => {
    const styled = fc.oneof(
      fc.integer({ min: 1, max: 39 }).chain((n) => fc.constantFrom('.', ')').map((p) => ({ text: `${toRoman(n)}${p}`, kind: 'roman', label: toRoman(n) }))),
      fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }).chain((parts) =>
        fc.constantFrom('.', ')').map((p) => ({ text: `${parts.join('.')}${p}`, kind: 'arabic', label: parts.join('.') }))),
      fc.constantFrom(...'abcdeghiklmnopqrstuvxyđ').chain((l) => fc.constantFrom(')', '.').map((p) => ({ text: `${l}${p}`, kind: 'letter', label: l }))),
      fc.constantFrom('-', '–', '—', '+', '•').map((b) => ({ text: b, kind: 'dash', label: b === '+' ? '+' : b === '•' ? '•' : '-' })),
    );
    fc.assert(fc.property(styled, spaceArb, restArb, fc.constantFrom('', ' ', '  '), (s, space, rest, indent) => {
      const got = classifyLabel(`${indent}${s.text}${space}${rest}`);
      expect(got).toMatchObject({ kind: s.kind, label: s.label, rest });
    }), { numRuns: 500 });
  });

  it('bare TT labels classify to group, roman or arabic', () => {
    const bare = fc.oneof(
      fc.constantFrom(...'ABCDEFGHJKLMNOPQRSTUWYZ').map((l) => ({ text: l, kind: 'group' })),
      fc.integer({ min: 1, max: 39 }).map((n) => ({ text: toRoman(n), kind: 'roman' })),
      fc.integer({ min: 1, max: 999 }).map((n) => ({ text: String(n), kind: 'arabic' })),
    );
    fc.assert(fc.property(bare, restArb, (b, rest) => {
      expect(classifyLabel(`${b.text} ${rest}`, { bare: true })).toMatchObject({ kind: b.kind, label: b.text, rest });
    }), { numRuns: 300 });
  });

  it('never throws on junk', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (s, bare) => {
      classifyLabel(s, { bare });
    }), { numRuns: 1000 });
  });
});

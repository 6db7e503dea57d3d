import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addFigures, balanceDifference, emptyFigures, FIGURE_KEYS, indicators, isBalanced, onlineRate, onTimeRate, pending, periodFigures, received, settled, sumFigures, type Figures,
} from '../../src/modules/service-stats/rates.ts';

const count = fc.integer({ min: 0, max: 5_000 });
const anyFigures: fc.Arbitrary<Figures> = fc.record(Object.fromEntries(FIGURE_KEYS.map((k) => [k, count])) as Record<keyof Figures, fc.Arbitrary<number>>);
const cuts = fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 6, maxLength: 6 });
const shares = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }));

/** A balanced month: carried over + received split into the seven outcomes at random cut points. */
function balancedMonth(carriedOver: number, receivedTotal: number, cut: number[], share: [number, number]): Figures {
  const total = carriedOver + receivedTotal;
  const points = cut.map((c) => Math.floor((c * total) / 1_000)).sort((a, b) => a - b);
  const bounds = [0, ...points, total];
  const part = (i: number) => bounds[i + 1]! - bounds[i]!;
  const online = Math.floor((receivedTotal * share[0]) / 100);
  const inPerson = Math.floor(((receivedTotal - online) * share[1]) / 100);
  return {
    carriedOver, receivedOnline: online, receivedInPerson: inPerson, receivedPostal: receivedTotal - online - inPerson,
    settledEarly: part(0), settledOnTime: part(1), settledLate: part(2), pendingWithin: part(3), pendingOverdue: part(4), returned: part(5), withdrawn: part(6),
  };
}

const month = fc.tuple(count, count, cuts, shares).map(([c, r, cut, share]) => balancedMonth(c, r, cut, share));

/** Consecutive balanced months of one key: each month carries over what the previous one left pending. */
const chain = fc.tuple(count, fc.array(fc.tuple(count, cuts, shares), { minLength: 1, maxLength: 12 })).map(([start, months]) => {
  const out: Figures[] = [];
  let carried = start;
  for (const [r, cut, share] of months) {
    const f = balancedMonth(carried, r, cut, share);
    out.push(f);
    carried = pending(f);
  }
  return out;
});
const monthOf = (i: number) => `2024-${String(i + 1).padStart(2, '0')}`;

describe('processing results: rates (766/QĐ-TTg)', () => {
  it('on-time rate is (early + on time) / settled, in [0, 1], null exactly when nothing was settled', () => {
    fc.assert(fc.property(anyFigures, (f) => {
      const rate = onTimeRate(f);
      if (settled(f) === 0) expect(rate).toBeNull();
      else {
        expect(rate).toBeCloseTo((f.settledEarly + f.settledOnTime) / (f.settledEarly + f.settledOnTime + f.settledLate), 12);
        expect(rate!).toBeGreaterThanOrEqual(0);
        expect(rate!).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('online rate is online / all received (postal included), null exactly when nothing was received', () => {
    fc.assert(fc.property(anyFigures, (f) => {
      const rate = onlineRate(f);
      if (received(f) === 0) expect(rate).toBeNull();
      else expect(rate).toBeCloseTo(f.receivedOnline / (f.receivedOnline + f.receivedInPerson + f.receivedPostal), 12);
    }));
  });

  it('a month is balanced exactly when its outcomes account for what was on hand; the difference is signed', () => {
    fc.assert(fc.property(month, count.filter((n) => n > 0), (f, extra) => {
      expect(isBalanced(f)).toBe(true);
      expect(indicators(f)).toMatchObject({ balanced: true, difference: 0 });
      expect(balanceDifference({ ...f, settledLate: f.settledLate + extra })).toBe(extra);
      expect(indicators({ ...f, receivedOnline: f.receivedOnline + extra })).toMatchObject({ balanced: false, difference: -extra });
    }));
  });

  it('a worked example: 77 of 87 settled on time is 88,51 %', () => {
    const f = { ...emptyFigures(), settledEarly: 40, settledOnTime: 37, settledLate: 10, receivedOnline: 30, receivedInPerson: 60, receivedPostal: 10, carriedOver: 0, pendingWithin: 13 };
    expect(onTimeRate(f)).toBeCloseTo(77 / 87, 12);
    expect(Math.round(onTimeRate(f)! * 10_000) / 100).toBe(88.51);
    expect(onlineRate(f)).toBeCloseTo(0.3, 12);
    expect(isBalanced(f)).toBe(true);
  });

  it('over a range, consistent balanced months balance too: carried over from the first month, pending from the last', () => {
    fc.assert(fc.property(chain, (months) => {
      const total = periodFigures(months.map((figures, i) => ({ key: 'p', month: monthOf(i), figures })));
      expect(isBalanced(total)).toBe(true);
      expect(total.carriedOver).toBe(months[0]!.carriedOver);
      expect(pending(total)).toBe(pending(months[months.length - 1]!));
      expect(received(total)).toBe(months.reduce((s, f) => s + received(f), 0));
      expect(settled(total)).toBe(months.reduce((s, f) => s + settled(f), 0));
    }));
  });

  it('range totals do not depend on the order rows come in, and keys add up separately', () => {
    fc.assert(fc.property(chain, chain, (a, b) => {
      const rows = [...a.map((figures, i) => ({ key: 'a', month: monthOf(i), figures })), ...b.map((figures, i) => ({ key: 'b', month: monthOf(i), figures }))];
      const total = periodFigures(rows);
      expect(periodFigures([...rows].reverse())).toEqual(total);
      const separate = addFigures(periodFigures(rows.filter((r) => r.key === 'a')), periodFigures(rows.filter((r) => r.key === 'b')));
      expect(total).toEqual(separate);
    }));
  });

  it('one month of several keys simply adds up', () => {
    fc.assert(fc.property(fc.array(anyFigures, { maxLength: 8 }), (list) => {
      const sum = sumFigures(list);
      for (const k of FIGURE_KEYS) expect(sum[k]).toBe(list.reduce((s, f) => s + f[k], 0));
      expect(periodFigures(list.map((figures, i) => ({ key: String(i), month: '2024-03', figures })))).toEqual(sum);
    }));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRanked, ranks, reportingPunctuality, type PeriodReports } from '../../src/modules/oversight/metrics.ts';

const period = (id: string, submitDue: string, lockDate: string, reports: PeriodReports['reports'], consolidated: PeriodReports['consolidated'] = null): PeriodReports => ({
  period: { id, label: id, submitDue, lockDate }, reports, consolidated,
});
const report = (unitName: string, status: string, late = false) => ({ unitName, status, late, submittedAt: status === 'submitted' || status === 'accepted' ? '2024-03-20T01:00:00Z' : null });

describe('reportingPunctuality', () => {
  it('counts only periods past their due date: on time, late, missing (returned counts as not submitted)', () => {
    const p = reportingPunctuality([
      period('Q1', '2024-03-16', '2024-03-24', [report('A', 'accepted'), report('B', 'submitted', true), report('C', 'returned'), report('D', 'not_started')]),
      period('Q2', '2024-06-16', '2024-06-24', [report('A', 'draft')]),
    ], '2024-04-01');
    expect(p).toMatchObject({ due: 4, onTime: 1, late: 1, missing: 2, rate: 0.25 });
    expect(p.lateReports.map((l) => `${l.unitName}:${l.reason}`)).toEqual(['B:late', 'C:missing', 'D:missing', 'null:missing']);
  });

  it('an issued consolidated report is not late; nothing due gives no rate', () => {
    expect(reportingPunctuality([period('Q1', '2024-03-16', '2024-03-24', [report('A', 'submitted')], { numberText: '05/BC-BDT', signDate: '2024-03-20' })], '2024-04-01'))
      .toMatchObject({ due: 1, onTime: 1, rate: 1, lateReports: [] });
    expect(reportingPunctuality([period('Q1', '2024-03-16', '2024-03-24', [report('A', 'draft')])], '2024-03-16')).toMatchObject({ due: 0, rate: null, lateReports: [] });
  });
});

describe('ranks', () => {
  it('gives competition ranks, highest first, none to a missing rate', () => {
    expect(ranks([0.5, null, 0.9, 0.5, 0])).toEqual([2, null, 1, 2, 4]);
  });

  it('a higher rate never ranks below a lower one; rank 1 goes to the best', () => {
    fc.assert(fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { maxLength: 30 }), (values) => {
      const r = ranks(values);
      values.forEach((v, i) => {
        expect(r[i] === null).toBe(v === null);
        values.forEach((w, j) => {
          if (v !== null && w !== null && v > w) expect(r[i]!).toBeLessThan(r[j]!);
          if (v !== null && w !== null && v === w) expect(r[i]).toBe(r[j]);
        });
      });
      const present = values.filter((v) => v !== null);
      if (present.length > 0) expect(r[values.indexOf(Math.max(...present))]).toBe(1);
    }));
  });

  it('orders rows by completion rank, then on-time rank, unranked last, then by name (Vietnamese order)', () => {
    const rows = [
      { name: 'Sở Y tế', completionRank: null, onTimeRank: null },
      { name: 'Đài Phát thanh', completionRank: 1, onTimeRank: 2 },
      { name: 'Ban Dân tộc', completionRank: 1, onTimeRank: 1 },
      { name: 'Sở Công Thương', completionRank: null, onTimeRank: null },
    ];
    expect([...rows].sort(compareRanked).map((r) => r.name)).toEqual(['Ban Dân tộc', 'Đài Phát thanh', 'Sở Công Thương', 'Sở Y tế']);
  });
});

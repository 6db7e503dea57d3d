import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, parsePeriodCode, periodDefaults } from '../../src/modules/reporting/periods.ts';

describe('reporting periods (Decree 09/2019 cut-offs)', () => {
  it('gives the decree\'s default dates', () => {
    expect(periodDefaults('2024-03')).toMatchObject({ kind: 'month', label: 'Tháng 3/2024', start: '2024-02-15', end: '2024-03-14' });
    expect(periodDefaults('2024-01')).toMatchObject({ start: '2023-12-15', end: '2024-01-14' });
    expect(periodDefaults('2024-Q1')).toMatchObject({ kind: 'quarter', label: 'Quý I/2024', start: '2023-12-15', end: '2024-03-14' });
    expect(periodDefaults('2024-Q4')).toMatchObject({ start: '2024-09-15', end: '2024-12-14' });
    expect(periodDefaults('2024-H1')).toMatchObject({ kind: 'half', label: '6 tháng đầu năm 2024', start: '2023-12-15', end: '2024-06-14' });
    expect(periodDefaults('2024')).toMatchObject({ kind: 'year', label: 'Năm 2024', start: '2023-12-15', end: '2024-12-14' });
    expect(periodDefaults('2024-q2')?.code).toBe('2024-Q2');
  });

  it('refuses codes that are not periods', () => {
    for (const bad of ['2024-13', '2024-Q5', '2024-H3', '24-Q1', 'Q1', '2024-00', '']) expect(parsePeriodCode(bad), bad).toBeNull();
  });

  it('months tile the year without gaps or overlaps, and quarters equal their three months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 11 }), (year, month) => {
        const a = periodDefaults(`${year}-${String(month).padStart(2, '0')}`)!;
        const b = periodDefaults(`${year}-${String(month + 1).padStart(2, '0')}`)!;
        expect(addDays(a.end, 1)).toBe(b.start);
        expect(a.submitDue > a.end && a.lockDate > a.submitDue).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 }), (year, q) => {
        const quarter = periodDefaults(`${year}-Q${q}`)!;
        expect(quarter.start).toBe(periodDefaults(`${year}-${String(q * 3 - 2).padStart(2, '0')}`)!.start);
        expect(quarter.end).toBe(periodDefaults(`${year}-${String(q * 3).padStart(2, '0')}`)!.end);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnOf, levelOf, parseAreas, parseDay } from '../../src/modules/outreach-events/area-parse.ts';

const HEADER = ['Mã', 'Tên', 'Cấp', 'Mã cấp trên', 'Hiệu lực từ', 'Hiệu lực đến', 'Thay bằng'];
const grid = (rows: string[][]) => ({ rows, lines: rows.map((_, i) => i + 1) });

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const code = fc.stringMatching(/^[A-Z0-9][A-Z0-9._-]{0,11}$/);
const name = fc.constantFrom('Xã Thử', 'Phường Đông Á', 'Thị trấn Chũ', 'Xã Đại Sơn (mẫu)', 'Xã Tân Hưng');
const level = fc.constantFrom(['Xã', 'commune'], ['Phường', 'commune'], ['Huyện', 'district'], ['Tỉnh', 'province'], ['Thị trấn', 'commune']);
const row = fc.record({ code, name, level, parent: fc.option(code, { nil: null }), from: day, span: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }), replacedBy: fc.option(code, { nil: null }), dmy: fc.boolean() });

const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

describe('area list parser', () => {
  it('reads back every well-formed row, whatever the date spelling', () => {
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => `${r.code}|${r.from}`, maxLength: 30 }), (rows) => {
        const to = (r: (typeof rows)[number]) => (r.span === null ? null : addDays(r.from, r.span));
        const cells = rows.map((r) => [r.code, r.name, r.level[0]!, r.parent ?? '', r.dmy ? vn(r.from) : r.from, to(r) ? (r.dmy ? vn(to(r)!) : to(r)!) : '', r.replacedBy ?? '']);
        const parsed = parseAreas([grid([HEADER, ...cells])]);
        expect(parsed.errors).toEqual([]);
        expect(parsed.dataRows).toBe(rows.length);
        expect(parsed.rows.map((p) => [p.code, p.name, p.level, p.parentCode, p.effectiveFrom, p.effectiveTo, p.replacedBy])).toEqual(rows.map((r) => [r.code, r.name, r.level[1], r.parent, r.from, to(r), r.replacedBy]));
      }),
    );
  });

  it('never throws on arbitrary cells, and accounts for every data row as read or reported', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 7, maxLength: 7 }), { maxLength: 25 }), (cells) => {
        const parsed = parseAreas([grid([HEADER, ...cells])]);
        const reported = new Set(parsed.errors.map((e) => e.row));
        expect(parsed.rows.length + reported.size).toBe(parsed.dataRows);
        for (const r of parsed.rows) {
          expect(r.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (r.effectiveTo) expect(r.effectiveTo > r.effectiveFrom).toBe(true);
        }
        for (const e of parsed.errors) expect(e.message).toMatch(/^Dòng \d+: /);
      }),
    );
  });

  it('finds the header anywhere in the first rows and in any column order', () => {
    const rows = [['Danh sách đơn vị hành chính'], [], ['Hiệu lực từ', 'Cấp', 'Tên đơn vị', 'Mã ĐVHC'], ['01/07/2025', 'Xã', 'Xã Thử', '10001']];
    expect(parseAreas([grid(rows)]).rows).toMatchObject([{ code: '10001', name: 'Xã Thử', level: 'commune', effectiveFrom: '2025-07-01', row: 4 }]);
    expect(parseAreas([grid([['Mã', 'Tên']])]).errors[0]!.message).toMatch(/Không tìm thấy dòng tiêu đề/);
  });

  it('spells days and levels the way people type them, and refuses impossible days', () => {
    fc.assert(fc.property(day, (iso) => {
      expect(parseDay(iso)).toBe(iso);
      expect(parseDay(vn(iso))).toBe(iso);
      expect(parseDay(`${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`)).toBe(iso);
    }));
    for (const bad of ['31/02/2024', '2024-13-01', '00/01/2024', '1/1/24', '']) expect(parseDay(bad)).toBeNull();
    expect(parseDay(`29/02/2024`)).toBe('2024-02-29');
    expect(levelOf('  XÃ ')).toBe('commune');
    expect(levelOf('Thành phố thuộc tỉnh')).toBe('district');
    expect(levelOf('Thôn')).toBeNull();
    expect(columnOf('Mã cấp trên')).toBe('parentCode');
    expect(columnOf('Hiệu lực đến')).toBe('effectiveTo');
    expect(columnOf('Mã')).toBe('code');
  });
});

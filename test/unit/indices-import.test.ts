import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICES, TOTAL } from '../../src/modules/indices/catalog.ts';
import { componentOfCell, IMPORT_COLUMNS, indexOfCell, parseIndexImport } from '../../src/modules/indices/parse.ts';
import { formatHundredths } from '../../src/platform/vi-number.ts';

const HEADER = IMPORT_COLUMNS.map((c) => c.title);

describe('indices import sheet', () => {
  it('finds the header below a title, reads names, keys and Vietnamese numbers', () => {
    const parsed = parseIndexImport([[
      ['Chỉ số của tỉnh Bắc Giang'],
      HEADER,
      ['par index', '', '2022', '88,54', '4', '63', 'Bộ Nội vụ', ''],
      ['PCI', 'Tính minh bạch', '2022', '7.1', '', '', 'VCCI', 'https://pcivietnam.vn'],
      ['', '', '', '', '', '', '', ''],
      ['SIPAS', 'yt3', '2023', '85', '', '', 'Bộ Nội vụ', ''],
    ]], 2026);
    expect(parsed.errors).toEqual([]);
    expect(parsed.dataRows).toBe(3);
    expect(parsed.rows.map((r) => [r.row, r.indexCode, r.component, r.year, r.valueX100, r.rank])).toEqual([[3, 'par', TOTAL, 2022, 8854, 4], [4, 'pci', 'cs3', 2022, 710, null], [6, 'sipas', 'yt3', 2023, 8500, null]]);
  });

  it('reports each bad row by number and a missing header once', () => {
    expect(parseIndexImport([[['a', 'b']]], 2026).errors[0]!.message).toMatch(/Không tìm thấy dòng tiêu đề/);
    expect(parseIndexImport([[['Chỉ số', 'Giá trị']]], 2026).errors[0]!.message).toMatch(/thiếu cột "Năm", "Nguồn"/);
    const parsed = parseIndexImport([[HEADER, ['PCI', '', '2022', '72,8', '', '', 'VCCI', ''], ['PCI', 'Tổng', '2022', '72,8', '', '', 'VCCI', ''], ['PAPI', '', '2023', '81', '', '', 'UNDP', '']]], 2026);
    expect(parsed.errors.map((e) => e.message)).toEqual(['Dòng 3: Trùng với dòng 2 (cùng chỉ số, thành phần và năm).', 'Dòng 4: Giá trị PAPI phải từ 0 đến 80,00, tối đa hai chữ số thập phân.']);
    expect(parsed.rows).toHaveLength(1);
  });

  it('every index and component is found by its own name, any case', () => {
    for (const d of INDICES) {
      expect(indexOfCell(d.name.toUpperCase())?.code).toBe(d.code);
      for (const c of d.components) expect(componentOfCell(d, c.name.toLowerCase())).toBe(c.key);
    }
  });

  it('any row of valid values in range is accepted as written; never throws on arbitrary cells', () => {
    const valid = fc.constantFrom(...INDICES).chain((d) => fc.record({
      d: fc.constant(d),
      component: fc.constantFrom(TOTAL, ...d.components.map((c) => c.key)),
      year: fc.integer({ min: 2005, max: 2026 }),
      x100: fc.integer({ min: 0, max: d.maxComponent }),
      rank: fc.option(fc.integer({ min: 1, max: 63 }), { nil: null }),
    }));
    fc.assert(fc.property(valid, (v) => {
      const parsed = parseIndexImport([[HEADER, [v.d.name, v.component === TOTAL ? 'Tổng' : v.component, String(v.year), formatHundredths(v.x100), v.rank === null ? '' : String(v.rank), '', 'Nguồn', '']]], 2026);
      return parsed.errors.length === 0 && parsed.rows[0]!.valueX100 === v.x100 && parsed.rows[0]!.rank === v.rank && parsed.rows[0]!.component === v.component;
    }), { numRuns: 400 });
    fc.assert(fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 9 }), { maxLength: 8 }), (rows) => {
      const parsed = parseIndexImport([[HEADER, ...rows]], 2026);
      return parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size >= 0;
    }), { numRuns: 300 });
  });
});

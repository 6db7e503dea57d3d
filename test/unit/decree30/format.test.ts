import { describe, expect, it } from 'vitest';
import {
  BLANK, appendixReferenceLine, documentNumber, documentYear, numberLine, placeDateLine, slashDate, upperVi,
} from '../../../src/documents/decree30/format.ts';

describe('placeDateLine', () => {
  it('writes the day and the months 1 and 2 with a leading zero', () => {
    expect(placeDateLine('Bắc Giang', '2024-02-05')).toBe('Bắc Giang, ngày 05 tháng 02 năm 2024');
    expect(placeDateLine('Bắc Giang', '2024-01-21')).toBe('Bắc Giang, ngày 21 tháng 01 năm 2024');
  });

  it('writes the months 3 to 12 as they are (Decree 30 pads only months 1 and 2)', () => {
    expect(placeDateLine('Bắc Ninh', '2025-03-07')).toBe('Bắc Ninh, ngày 07 tháng 3 năm 2025');
    expect(placeDateLine('Bắc Giang', '2024-12-14')).toBe('Bắc Giang, ngày 14 tháng 12 năm 2024');
  });

  it('leaves room for the day and month while the date is blank', () => {
    expect(placeDateLine('Bắc Giang', null, 2024)).toBe('Bắc Giang, ngày      tháng      năm 2024');
    expect(placeDateLine('Bắc Giang', null)).toBe(`Bắc Giang, ngày${BLANK}tháng${BLANK}năm${BLANK}`);
    expect(placeDateLine('Bắc Giang', 'tháng 2', 2024)).toBe('Bắc Giang, ngày      tháng      năm 2024');
  });
});

describe('numberLine', () => {
  it('prints the number with a leading zero under 10', () => {
    expect(numberLine('05/KH-BDT', 'KH-BDT')).toBe('Số: 05/KH-BDT');
    expect(numberLine('5/KH-BDT', 'KH-BDT')).toBe('Số: 05/KH-BDT');
    expect(numberLine('123/KH-BDT', 'KH-BDT')).toBe('Số: 123/KH-BDT');
  });

  it('leaves room for the number while it is blank', () => {
    expect(numberLine('/KH-BDT', 'KH-BDT')).toBe('Số:      /KH-BDT');
    expect(numberLine(null, 'KH-BDT')).toBe('Số:      /KH-BDT');
    expect(numberLine(null, null)).toBe('Số:      /KH');
    expect(documentNumber('  /KH-BDT ', null)).toBe(`${BLANK}/KH-BDT`);
  });
});

describe('upperVi', () => {
  it('keeps every Vietnamese letter whole', () => {
    expect(upperVi('Ban Dân tộc')).toBe('BAN DÂN TỘC');
    expect(upperVi('UBND tỉnh Bắc Giang')).toBe('UBND TỈNH BẮC GIANG');
    expect(upperVi('đường ưu tiên ở xã')).toBe('ĐƯỜNG ƯU TIÊN Ở XÃ');
    // Text pasted in decomposed form comes out composed.
    expect(upperVi('tộc'.normalize('NFD'))).toBe('TỘC');
  });
});

describe('appendixReferenceLine', () => {
  it('names the plan by number, date and agency', () => {
    expect(appendixReferenceLine({
      docType: 'KH', numberText: '05/KH-BDT', numberSuffix: 'KH-BDT', signDate: '2024-02-05', year: 2024, agency: 'Ban Dân tộc tỉnh Bắc Giang',
    })).toBe('(Kèm theo Kế hoạch số 05/KH-BDT ngày 05/02/2024 của Ban Dân tộc tỉnh Bắc Giang)');
  });

  it('leaves blanks for what is not known yet', () => {
    expect(appendixReferenceLine({
      docType: 'KH', numberText: '/KH-BDT', numberSuffix: 'KH-BDT', signDate: null, year: 2024, agency: 'Ban Dân tộc tỉnh Bắc Giang',
    })).toBe('(Kèm theo Kế hoạch số      /KH-BDT ngày      /      /2024 của Ban Dân tộc tỉnh Bắc Giang)');
  });
});

describe('dates and years', () => {
  it('slashDate pads day and month', () => {
    expect(slashDate('2024-02-05')).toBe('05/02/2024');
    expect(slashDate(null, 2024)).toBe(`${BLANK}/${BLANK}/2024`);
  });

  it('documentYear prefers the plan year, else the signing date', () => {
    expect(documentYear(2024, '2023-12-30')).toBe(2024);
    expect(documentYear(null, '2024-02-05')).toBe(2024);
    expect(documentYear(null, null)).toBeNull();
  });
});

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePlanTasksXlsx } from '../../../src/documents/xlsx/plan-tasks-xlsx.ts';
import { bacGiangPlan, largePlan } from './plans.ts';

const plan = bacGiangPlan();
let sheet: ExcelJS.Worksheet;

/** A row's six cells as text ("" for empty), the way an importer reads them. */
function cells(row: ExcelJS.Row): string[] {
  return Array.from({ length: 6 }, (_, i) => {
    const value = row.getCell(i + 1).value;
    return value === null || value === undefined ? '' : String(value);
  });
}

async function readSheet(xlsx: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const found = workbook.getWorksheet('Phụ lục');
  if (!found) throw new Error('no sheet "Phụ lục"');
  return found;
}

beforeAll(async () => {
  sheet = await readSheet(await writePlanTasksXlsx(plan));
});

describe('writePlanTasksXlsx', () => {
  it('has one sheet "Phụ lục" with the title, then the plan columns exactly', () => {
    expect(sheet.getRow(1).getCell(1).value).toBe(plan.appendix!.title);
    expect(cells(sheet.getRow(2))).toEqual(plan.appendix!.columns);
    expect(sheet.columnCount).toBe(6);
  });

  it('has the 3 group rows and the 8 task rows in print order', () => {
    const rows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => cells(sheet.getRow(i + 3)));
    const task = (i: number) => {
      const t = plan.appendix!.tasks[i]!;
      return [t.code ?? '-', t.content, t.lead, t.coop.join(', '), t.product, t.dueText];
    };
    expect(rows).toEqual([
      task(0),
      ['B', 'Công tác tuyên truyền', '', '', '', ''],
      ['1', 'Tuyên truyền trên Cổng Thông tin điện tử, mạng xã hội', '', '', '', ''],
      task(1), task(2), task(3), task(4), task(5),
      ['2', 'Tuyên truyền thông qua các hình thức: Hội nghị, tập huấn và các hình thức khác', '', '', '', ''],
      task(6), task(7),
    ]);
  });

  it('marks group rows bold, wraps text and keeps the header in view', () => {
    expect(sheet.getRow(4).getCell(2).font?.bold).toBe(true);
    expect(sheet.getRow(3).getCell(2).font?.bold).toBeFalsy();
    expect(sheet.getRow(3).getCell(2).alignment?.wrapText).toBe(true);
    expect(sheet.getRow(3).getCell(2).font?.name).toBe('Times New Roman');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
  });

  it('writes a 300-task plan whole', async () => {
    const big = await readSheet(await writePlanTasksXlsx(largePlan(300)));
    expect(big.rowCount).toBe(2 + 12 + 300);
  });

  it('writes an empty table under the plan title when the plan has no appendix', async () => {
    const empty = await readSheet(await writePlanTasksXlsx(bacGiangPlan({ appendix: null })));
    expect(empty.getRow(1).getCell(1).value).toBe(plan.title);
    expect(cells(empty.getRow(2))).toEqual(plan.appendix!.columns);
    expect(empty.rowCount).toBe(2);
  });
});

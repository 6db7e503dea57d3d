/**
 * One plain table as a spreadsheet: a bold title row, a bold header row kept in view, then the
 * rows. For exports and import templates that are a single table (survey results, indices).
 * Example: `await writeTableXlsx({ sheet: 'Chỉ số', title: 'Chỉ số năm 2024', columns: [{ header: 'Năm', width: 8 }], rows: [[2024]] })`.
 */
import ExcelJS from 'exceljs';

export interface TableXlsx {
  sheet: string;
  /** Above the header; none puts the header on the first row (import templates). */
  title?: string;
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
}

export async function writeTableXlsx(t: TableXlsx): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minh Bạch';
  const headerRow = t.title ? 2 : 1;
  const sheet = workbook.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: headerRow }] });
  sheet.columns = t.columns.map((c) => ({ width: c.width }));
  if (t.title) {
    sheet.getRow(1).getCell(1).value = t.title;
    sheet.getRow(1).font = { bold: true, size: 13 };
  }
  const header = sheet.getRow(headerRow);
  t.columns.forEach((c, i) => { header.getCell(i + 1).value = c.header; });
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const r of t.rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

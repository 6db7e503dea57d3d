/**
 * The plan's task appendix as a spreadsheet: one sheet "Phụ lục" with a title row, the header row
 * with the plan's own column titles, then group and task rows in print order. It holds exactly
 * the table of the DOCX appendix and nothing else, so that importing it back (the XLSX importer
 * finds the header row by its titles and takes a row with a code but no lead, product or due date
 * as a group) gives the same table.
 */
import ExcelJS from 'exceljs';
import { appendixColumns, appendixRows, taskCell, type AppendixField } from '../decree30/appendix-rows.ts';
import type { PlanDocument } from '../plan-document.ts';

const FONT = 'Times New Roman';
const SHEET = 'Phụ lục';

/** Column widths in characters, by field: wide enough that most cells wrap to 1–3 lines. */
const WIDTHS: Record<AppendixField, number> = { tt: 6, content: 60, lead: 20, coop: 24, product: 22, due: 18 };

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Row numbers: the title, then the header the importer looks for. */
const TITLE_ROW = 1;
const HEADER_ROW = 2;

export async function writePlanTasksXlsx(plan: PlanDocument): Promise<Buffer> {
  const appendix = plan.appendix ?? { title: plan.title, columns: [], groups: [], tasks: [] };
  const columns = appendixColumns(appendix.columns);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minh Bạch';
  const sheet = workbook.addWorksheet(SHEET, {
    // The header stays in view while scrolling through hundreds of tasks.
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  sheet.columns = columns.map((c) => ({ key: c.field, width: WIDTHS[c.field] }));

  const title = sheet.getRow(TITLE_ROW);
  title.getCell(1).value = appendix.title;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columns.length);
  title.font = { name: FONT, size: 13, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  title.height = 36;

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => { header.getCell(i + 1).value = c.title; });
  styleRow(header, columns.length, { bold: true, centre: true });

  for (const row of appendixRows(appendix)) {
    const values = row.kind === 'group'
      // A group row carries only its number and title, which is how the importer tells it apart.
      ? columns.map((c) => (c.field === 'tt' ? row.label : c.field === 'content' ? row.title : null))
      : columns.map((c) => taskCell(row, c.field));
    const added = sheet.addRow(values);
    styleRow(added, columns.length, { bold: row.kind === 'group' });
    columns.forEach((c, i) => {
      if (c.field === 'tt' || c.field === 'due') added.getCell(i + 1).alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
    });
  }

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

function styleRow(row: ExcelJS.Row, count: number, options: { bold?: boolean; centre?: boolean }): void {
  for (let i = 1; i <= count; i++) {
    const cell = row.getCell(i);
    cell.font = { name: FONT, size: 12, bold: options.bold ?? false };
    cell.alignment = { horizontal: options.centre ? 'center' : 'left', vertical: options.centre ? 'middle' : 'top', wrapText: true };
    cell.border = BORDER;
  }
}

/**
 * The annex of the period report as a spreadsheet. Sheet "Phụ lục số liệu" holds the figures of
 * each task, per unit and in total, one column per measure; sheet "Minh chứng" lists the
 * evidence lines behind them, one row per task and piece of evidence, so that every figure of
 * the first sheet is the sum of the second sheet's rows for that task and unit.
 */
import ExcelJS from 'exceljs';
import { documentNumber, documentYear, slashDate } from '../decree30/format.ts';
import {
  allQuantityRecords, evidenceUnit, measuresUsed, periodText,
} from '../decree30/report-text.ts';
import type { ReportDocument, ReportTaskResult } from '../report-document.ts';
import { compareVi } from '../../platform/vi-text.ts';

const FONT = 'Times New Roman';
export const FIGURES_SHEET = 'Phụ lục số liệu';
export const EVIDENCE_SHEET = 'Minh chứng';
/** What the task's own row shows in the unit column: its figures are the task's total. */
export const TASK_TOTAL = 'Cộng';
export const GRAND_TOTAL = 'TỔNG CỘNG';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const MEASURE_WIDTH = 13;

/** "số 05/BC-BDT", but "số      /BC-BDT" when the number is a blank (which starts with its own spaces). */
const after = (word: string, value: string): string => (value.startsWith(' ') ? `${word}${value}` : `${word} ${value}`);

/** The title rows above each sheet's header: the report title, its period, the report it goes with. */
function titleRows(sheet: ExcelJS.Worksheet, report: ReportDocument, width: number, heading: string): number {
  const year = documentYear(null, report.date) ?? documentYear(null, report.periodEnd);
  const number = documentNumber(report.numberText, null, 'BC');
  const lines: [string, Partial<ExcelJS.Font>, number][] = [
    [heading, { bold: true, size: 13 }, 20],
    [report.title, { bold: true, size: 13 }, 36],
    [`Kỳ báo cáo: ${periodText(report)}`, { italic: true, size: 12 }, 20],
    [`(Kèm theo Báo cáo ${after('số', number)} ${after('ngày', slashDate(report.date, year))})`, { italic: true, size: 12 }, 20],
  ];
  lines.forEach(([text, font, height], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    sheet.mergeCells(i + 1, 1, i + 1, width);
    row.font = { name: FONT, ...font };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.height = height;
  });
  return lines.length;
}

function newSheet(workbook: ExcelJS.Workbook, name: string, headerRow: number, xSplit: number): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
}

/**
 * Cell styles are shared objects: ExcelJS reuses a style only when it is the same object, and a
 * year of evidence is ~200 000 cells (one object per cell took seconds; shared, well under one).
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
function sharedStyle(key: string, make: () => Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  let style = styles.get(key);
  if (!style) styles.set(key, (style = make()));
  return style;
}

function cellStyle(bold: boolean, header: boolean, kind: 'number' | 'first' | 'text'): Partial<ExcelJS.Style> {
  return sharedStyle(`${bold}|${header}|${kind}`, () => ({
    font: { name: FONT, size: 12, bold },
    alignment: header ? { horizontal: 'center', vertical: 'middle', wrapText: true } : { horizontal: kind === 'number' ? 'right' : kind === 'first' ? 'center' : 'left', vertical: 'top', wrapText: true },
    border: BORDER,
    ...(kind === 'number' && !header ? { numFmt: '#,##0' } : {}),
  }));
}

const DATE_STYLE = () => sharedStyle('date', () => ({ font: { name: FONT, size: 12 }, alignment: { horizontal: 'center', vertical: 'top' }, border: BORDER, numFmt: 'dd/mm/yyyy' }));
const LINK_STYLE = () => sharedStyle('link', () => ({ font: { name: FONT, size: 12, color: { argb: 'FF0563C1' }, underline: true }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true }, border: BORDER }));

function styleRow(row: ExcelJS.Row, count: number, options: { bold?: boolean; header?: boolean; numbersFrom?: number }): void {
  for (let i = 1; i <= count; i++) {
    const number = options.numbersFrom !== undefined && i >= options.numbersFrom;
    row.getCell(i).style = cellStyle(options.bold ?? false, options.header ?? false, number ? 'number' : i === 1 ? 'first' : 'text');
  }
}

/** Figures in measure order; a zero is left blank so the table reads as a report, not a grid of 0. */
function figures(record: Record<string, number>, measures: string[]): (number | null)[] {
  return measures.map((m) => {
    const value = record[m] ?? 0;
    return value === 0 ? null : value;
  });
}

/** The units of a task in the order of the report's units, others after them alphabetically. */
function unitsOf(task: ReportTaskResult, report: ReportDocument): string[] {
  const names = Object.keys(task.byUnit);
  const order = new Map(report.units.map((u, i) => [u.name, i]));
  return names.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || compareVi(a, b));
}

/** The TT of a task: its own code, else "-" as the plan's appendix prints a task without one. */
function taskLabel(task: ReportTaskResult): string {
  const code = task.code?.trim() ?? '';
  return code !== '' ? code : '-';
}

/**
 * A "YYYY-MM-DD" date as a spreadsheet date (UTC midnight, so the serial is a whole day), shown
 * as dd/mm/yyyy and sortable; any other text is kept as it is.
 */
function excelDate(date: string): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : date;
}

/** Evidence lines in date order, those without a date last. */
function byDate(task: ReportTaskResult): ReportTaskResult['evidence'] {
  return [...task.evidence].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
}

function figuresSheet(workbook: ExcelJS.Workbook, report: ReportDocument, measures: string[]): void {
  const fixed = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị'];
  const width = fixed.length + measures.length;
  const headerRow = 5;
  const sheet = newSheet(workbook, FIGURES_SHEET, headerRow, fixed.length);
  sheet.columns = [{ width: 7 }, { width: 55 }, { width: 24 }, ...measures.map(() => ({ width: MEASURE_WIDTH }))];
  titleRows(sheet, report, width, 'PHỤ LỤC SỐ LIỆU');

  const header = sheet.getRow(headerRow);
  [...fixed, ...measures.map((m) => report.measureLabels[m] ?? m)].forEach((title, i) => { header.getCell(i + 1).value = title; });
  styleRow(header, width, { bold: true, header: true });
  header.height = 48;

  const numbersFrom = fixed.length + 1;
  report.groups.forEach((group) => {
    const groupRow = sheet.addRow([group.code ?? '', group.title || group.code || 'Nhiệm vụ khác', null]);
    styleRow(groupRow, width, { bold: true, numbersFrom });
    group.tasks.forEach((task) => {
      const taskRow = sheet.addRow([taskLabel(task), task.content, TASK_TOTAL, ...figures(task.totals, measures)]);
      styleRow(taskRow, width, { bold: true, numbersFrom });
      for (const unit of unitsOf(task, report)) {
        const unitRow = sheet.addRow([null, null, unit, ...figures(task.byUnit[unit] ?? {}, measures)]);
        styleRow(unitRow, width, { numbersFrom });
      }
    });
  });

  const total = sheet.addRow([null, GRAND_TOTAL, null, ...figures(report.totals, measures)]);
  styleRow(total, width, { bold: true, numbersFrom });
  const note = sheet.addRow(['Ghi chú: Một minh chứng phục vụ nhiều nhiệm vụ được tính ở từng nhiệm vụ, nhưng chỉ tính một lần ở dòng Tổng cộng. Danh mục minh chứng tại trang tính "Minh chứng".']);
  sheet.mergeCells(note.number, 1, note.number, width);
  note.font = { name: FONT, size: 11, italic: true };
  note.alignment = { wrapText: true, vertical: 'top' };
  note.height = 32;
}

function evidenceSheet(workbook: ExcelJS.Workbook, report: ReportDocument, measures: string[]): void {
  const fixed = ['TT', 'Nhiệm vụ', 'Ngày', 'Đơn vị', 'Tên minh chứng', 'Liên kết'];
  const width = fixed.length + measures.length;
  const headerRow = 5;
  const sheet = newSheet(workbook, EVIDENCE_SHEET, headerRow, 0);
  sheet.columns = [{ width: 7 }, { width: 40 }, { width: 12 }, { width: 22 }, { width: 45 }, { width: 36 }, ...measures.map(() => ({ width: MEASURE_WIDTH }))];
  titleRows(sheet, report, width, 'DANH MỤC MINH CHỨNG');

  const header = sheet.getRow(headerRow);
  [...fixed, ...measures.map((m) => report.measureLabels[m] ?? m)].forEach((title, i) => { header.getCell(i + 1).value = title; });
  styleRow(header, width, { bold: true, header: true });
  header.height = 48;

  const numbersFrom = fixed.length + 1;
  let n = 0;
  for (const group of report.groups) {
    for (const task of group.tasks) {
      for (const line of byDate(task)) {
        const row = sheet.addRow([++n, task.content, excelDate(line.date), evidenceUnit(line), line.title, null, ...figures(line.quantities, measures)]);
        styleRow(row, width, { numbersFrom });
        row.getCell(3).style = DATE_STYLE();
        if (line.link) {
          const cell = row.getCell(6);
          cell.value = { text: line.link, hyperlink: line.link };
          cell.style = LINK_STYLE();
        }
      }
    }
  }
  if (n === 0) {
    const none = sheet.addRow([null, 'Chưa có minh chứng trong kỳ báo cáo.']);
    styleRow(none, width, {});
  }
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: width } };
}

export async function writeReportAnnexXlsx(report: ReportDocument): Promise<Buffer> {
  const measures = measuresUsed(report.measureLabels, allQuantityRecords(report));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minh Bạch';
  workbook.title = `Phụ lục Báo cáo ${report.title}`;
  figuresSheet(workbook, report, measures);
  evidenceSheet(workbook, report, measures);
  // Fast deflate: a year's annex is ~1 MB; the highest level costs about half a second more for a quarter less size.
  const data = await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as Parameters<typeof workbook.xlsx.writeBuffer>[0]);
  return Buffer.from(data as ArrayBuffer);
}

/**
 * An XLSX appendix: every sheet as a grid of cell texts. Merged cells follow the same rule as
 * DOCX tables: a vertical merge repeats its value down the rows it covers (except in the first,
 * TT column), a horizontal merge (a group title across the row) counts once.
 */
import ExcelJS from 'exceljs';
import { assertZipWithinLimits } from '../../platform/media/zip-guard.ts';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The text a person sees in a cell: rich text joined, formulas by result, dates as dd/mm/yyyy. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<string[][][]> {
  assertZipWithinLimits(bytes);
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer); hand it exactly the file's bytes.
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const grids: string[][][] = [];
  workbook.eachSheet((sheet) => {
    const grid: string[][] = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        const across = master.row === cell.row && master.col !== cell.col;
        const down = master.row !== cell.row && (master.col !== cell.col || c === 1);
        cells.push(across || down ? '' : cellText(master.value).replace(/\r\n?/g, '\n'));
      }
      grid.push(cells);
    }
    grids.push(grid);
  });
  return grids;
}

/**
 * Writes the procedure catalog in the documented template (`CATALOG_COLUMNS`): XLSX (sheet
 * "Thủ tục hành chính" + sheet "Hướng dẫn"), CSV (UTF-8 with BOM, comma, CRLF) and JSON (keys
 * in the schema's order). `readCatalog` reads each of them back to the same procedures.
 */
import ExcelJS from 'exceljs';
import type { ProcedureDataValue } from '../../modules/procedures/procedure-data.ts';
import { formatDays, formatDossierLine, formatOnlineLevel, joinList } from './catalog-cells.ts';
import { writeCsv } from './catalog-csv.ts';
import { CATALOG_COLUMNS, catalogTemplateDoc, type CatalogColumnKey, type ChannelField } from './catalog-format.ts';

const FONT = 'Times New Roman';
export const CATALOG_SHEET = 'Thủ tục hành chính';
export const GUIDE_SHEET = 'Hướng dẫn';

/** The cell of a column for one procedure: text, or the processing days as a number (null when empty). */
function cellValue(p: ProcedureDataValue, key: CatalogColumnKey): string | number | null {
  switch (key) {
    case 'steps': case 'forms': case 'legalBasis': return joinList(p[key]);
    case 'dossier': return joinList(p.dossier.map(formatDossierLine));
    case 'processingDays': return p.processingDays;
    case 'onlineLevel': return formatOnlineLevel(p.onlineLevel);
    case 'code': case 'name': case 'field': case 'level': case 'implementingAgency':
    case 'applicants': case 'result': case 'conditions': return p[key];
    default: {
      // A channel column: `in_person.fee`; the template has one set of columns per channel kind.
      const [kind, field] = key.split('.') as [string, ChannelField];
      return p.channels.find((c) => c.channel === kind)?.[field] ?? '';
    }
  }
}

function textCell(p: ProcedureDataValue, key: CatalogColumnKey): string {
  const value = cellValue(p, key);
  return typeof value === 'number' ? formatDays(value) : value ?? '';
}

/**
 * Spreadsheet readers turn `_x0041_` in a cell into "A" (the OOXML escape for characters XML
 * cannot hold); the underscore that starts such text is itself escaped so that it reads back as written.
 */
function xlsxText<T>(value: T): T | string {
  return typeof value === 'string' ? value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_') : value;
}

export async function catalogToXlsx(list: ProcedureDataValue[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minh Bạch';
  const sheet = workbook.addWorksheet(CATALOG_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = CATALOG_COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  const header = sheet.getRow(1);
  CATALOG_COLUMNS.forEach((c, i) => { header.getCell(i + 1).value = c.header; });
  header.font = { name: FONT, size: 12, bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };

  for (const p of list) {
    const row = sheet.addRow(CATALOG_COLUMNS.map((c) => xlsxText(cellValue(p, c.key))));
    row.font = { name: FONT, size: 12 };
    row.alignment = { vertical: 'top', wrapText: true };
  }
  // Text format on the code column, so that codes typed later in Excel stay text (1.004940 keeps its zero).
  sheet.getColumn(1).numFmt = '@';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CATALOG_COLUMNS.length } };

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 120;
  for (const line of catalogTemplateDoc().split('\n')) {
    const row = guide.addRow([line]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (line.startsWith('#')) row.font = { bold: true };
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function catalogToCsv(list: ProcedureDataValue[]): string {
  return writeCsv([CATALOG_COLUMNS.map((c) => c.header), ...list.map((p) => CATALOG_COLUMNS.map((c) => textCell(p, c.key)))]);
}

/** Pretty JSON, `{ "procedures": [...] }`, every object's keys in the schema's order whatever the input's. */
export function catalogToJson(list: ProcedureDataValue[]): string {
  const procedures = list.map((p) => ({
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level,
    implementingAgency: p.implementingAgency,
    steps: [...p.steps],
    channels: p.channels.map((c) => ({ channel: c.channel, processingTime: c.processingTime, fee: c.fee, description: c.description })),
    processingDays: p.processingDays,
    onlineLevel: p.onlineLevel,
    dossier: p.dossier.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies })),
    applicants: p.applicants,
    result: p.result,
    forms: [...p.forms],
    conditions: p.conditions,
    legalBasis: [...p.legalBasis],
  }));
  return `${JSON.stringify({ procedures }, null, 2)}\n`;
}

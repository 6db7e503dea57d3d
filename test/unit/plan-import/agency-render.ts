/**
 * The plans of agency-plans.ts as the files reviewers will upload: a Decree 30 DOCX (header and
 * signature as borderless two-column tables, the appendix as a real table in its own section),
 * an XLSX holding the appendix only, and the text a user gets by copying the DOCX from Word
 * (a table row's cells separated by tabs, a cell's paragraphs by new lines).
 */
import {
  AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { isGroup, type AgencyPlan, type Kind, type RowSpec } from './agency-plans.ts';

const FONT = 'Times New Roman';
const WEIGHT: Record<Kind, number> = { tt: 5, content: 34, lead: 15, coop: 16, product: 12, due: 11, notes: 9, budget: 8 };

const run = (text: string, bold = false, size = 26): TextRun => new TextRun({ text, bold, font: FONT, size });
const para = (text: string, options: { bold?: boolean; center?: boolean; size?: number } = {}): Paragraph =>
  new Paragraph({
    children: [run(text, options.bold ?? false, options.size ?? 26)],
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { after: 60 },
  });
const cellOf = (lines: string[], width: number, options: { bold?: boolean; center?: boolean; span?: number; size?: number } = {}): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    children: (lines.length ? lines : ['']).map((l) => para(l, options)),
  });

/** A row's cell texts (one entry per column, each a list of paragraphs). */
function rowCells(plan: AgencyPlan, row: RowSpec): string[][] {
  if (isGroup(row)) return [[row.tt], [row.title]];
  return plan.columns.map(({ kind }) => {
    switch (kind) {
      case 'tt': return [row.tt];
      case 'content': return [row.content];
      case 'lead': return row.lead ? [row.lead] : [];
      case 'coop': return row.coop;
      case 'product': return row.product ? [row.product] : [];
      case 'due': return [row.due];
      case 'notes': return row.notes ? [row.notes] : [];
      case 'budget': return row.budget ? [row.budget] : [];
    }
  });
}

function isCapsHeading(text: string): boolean {
  return /^(?:[IVX]+|\d+)\.\s+\p{Lu}/u.test(text) && text === text.toUpperCase();
}

function twoColumns(left: string[], right: string[], leftCenter = true): Table {
  return new Table({
    borders: TableBorders.NONE,
    width: { size: 9350, type: WidthType.DXA },
    columnWidths: [3900, 5450],
    rows: [new TableRow({
      children: [
        new TableCell({ width: { size: 3900, type: WidthType.DXA }, children: left.map((l, i) => para(l, { bold: i > 0 && i < left.length - 1 && leftCenter, center: leftCenter, size: l.startsWith('-') ? 22 : 26 })) }),
        new TableCell({ width: { size: 5450, type: WidthType.DXA }, children: right.map((l, i) => para(l, { bold: i < 2 || !/^\p{Lu}\p{Ll}/u.test(l), center: true, size: 24 })) }),
      ],
    })],
  });
}

function bodyParagraphs(lines: readonly string[]): Paragraph[] {
  return lines.map((line) => {
    const title = line === 'KẾ HOẠCH' || line === 'QUYẾT ĐỊNH' || line === 'QUYẾT ĐỊNH:';
    return para(line, { bold: title || isCapsHeading(line), center: title || /^(?:Về việc|\(Kèm theo)/u.test(line) || /^[\p{Lu}\s]+$/u.test(line) });
  });
}

export async function planDocx(plan: AgencyPlan): Promise<Buffer> {
  const header = twoColumns(plan.headerLeft, ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', plan.placeDate]);
  const children: (Paragraph | Table)[] = [header];
  if (plan.decision) {
    const d = plan.decision;
    children.push(...bodyParagraphs(d.paragraphs), twoColumns(d.recipients, d.signer, false));
  }
  children.push(...bodyParagraphs(plan.body));
  if (plan.recipients.length) children.push(twoColumns(plan.recipients, plan.signer, false));

  const total = plan.landscape ? 14000 : 9350;
  const weights = plan.columns.map((c) => WEIGHT[c.kind]);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.round((w / sum) * total));
  const size = plan.landscape ? 24 : 22;
  const rows = [
    new TableRow({ tableHeader: true, children: plan.columns.map((c, i) => cellOf([c.title], widths[i] ?? 0, { bold: true, center: true, size })) }),
    ...(plan.columnNumbers ? [new TableRow({ children: plan.columns.map((_, i) => cellOf([`(${i + 1})`], widths[i] ?? 0, { center: true, size })) })] : []),
    ...plan.rows.map((row) => {
      const cells = rowCells(plan, row);
      if (isGroup(row)) {
        return new TableRow({ children: [
          cellOf(cells[0] ?? [], widths[0] ?? 0, { bold: true, center: true, size }),
          cellOf(cells[1] ?? [], total - (widths[0] ?? 0), { bold: true, span: plan.columns.length - 1, size }),
        ] });
      }
      return new TableRow({ children: cells.map((lines, i) => cellOf(lines, widths[i] ?? 0, { center: plan.columns[i]?.kind === 'tt', size })) });
    }),
  ];
  const appendix = new Table({ width: { size: total, type: WidthType.DXA }, columnWidths: widths, rows });
  const margin = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
  const doc = new Document({
    sections: [
      { properties: { page: { margin } }, children },
      {
        properties: { page: { margin: plan.landscape ? { top: 1134, bottom: 1134, left: 1134, right: 1134 } : margin, size: plan.landscape ? { orientation: PageOrientation.LANDSCAPE } : {} } },
        children: [...plan.appendixHead.map((l, i) => para(l, { bold: i < 2, center: true })), appendix],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function planXlsx(plan: AgencyPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Phụ lục');
  const last = String.fromCharCode(64 + plan.columns.length);
  for (const line of plan.appendixHead) {
    const r = sheet.addRow([line]).number;
    sheet.mergeCells(`A${r}:${last}${r}`);
  }
  sheet.addRow(plan.columns.map((c) => c.title));
  if (plan.columnNumbers) sheet.addRow(plan.columns.map((_, i) => `(${i + 1})`));
  for (const row of plan.rows) {
    const cells = rowCells(plan, row).map((lines) => lines.join('\n'));
    const r = sheet.addRow(cells).number;
    if (isGroup(row)) sheet.mergeCells(`B${r}:${last}${r}`);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer() as ArrayBuffer);
}

/** The DOCX copied from Word and pasted as text: tables as tab-separated cells. */
export function planText(plan: AgencyPlan): string {
  const table = (rows: string[][][]): string[] => rows.map((cells) => cells.map((lines) => lines.join('\n')).join('\t'));
  const lines: string[] = [
    ...table([[plan.headerLeft, ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', plan.placeDate]]]),
  ];
  if (plan.decision) lines.push(...plan.decision.paragraphs, ...table([[plan.decision.recipients, plan.decision.signer]]));
  lines.push(...plan.body);
  if (plan.recipients.length) lines.push(...table([[plan.recipients, plan.signer]]));
  lines.push(...plan.appendixHead);
  const rows: string[][][] = [plan.columns.map((c) => [c.title])];
  if (plan.columnNumbers) rows.push(plan.columns.map((_, i) => [`(${i + 1})`]));
  rows.push(...plan.rows.map((row) => rowCells(plan, row)));
  lines.push(...table(rows));
  return `${lines.join('\n')}\n`;
}

/**
 * The appendix of a plan: "Phụ lục", its title, the reference to the plan and the bordered task
 * table, whose header row repeats on every page.
 */
import {
  AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
  type IBorderOptions,
} from 'docx';
import type { PlanDocument } from '../plan-document.ts';
import { appendixColumns, appendixRows, taskCell, type AppendixColumn, type AppendixField, type AppendixRow } from './appendix-rows.ts';
import { LANDSCAPE_TEXT_WIDTH, TIGHT_SPACING, centred } from './docx-parts.ts';
import { appendixReferenceLine, upperVi } from './format.ts';

type Appendix = NonNullable<PlanDocument['appendix']>;

/** Share of the table width per field: the content column gets the room it needs. */
const WEIGHTS: Record<AppendixField, number> = { tt: 5, content: 37, lead: 13, coop: 15, product: 15, due: 15 };

const TABLE_POINTS = 12;
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** Borders and padding are set once on the table, not per cell: a 300-task table has ~2,000 cells. */
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const PADDING = { top: 40, bottom: 40, left: 80, right: 80 };

function columnWidths(columns: AppendixColumn[]): number[] {
  const total = columns.reduce((sum, c) => sum + WEIGHTS[c.field], 0);
  const widths = columns.map((c) => Math.floor((LANDSCAPE_TEXT_WIDTH * WEIGHTS[c.field]) / total));
  // Give the rounding remainder to the widest column so the table fills the text width exactly.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] ?? 0) + LANDSCAPE_TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Table text relies on the document's default font (Times New Roman), again to keep the XML small. */
function tableRun(text: string, bold: boolean | undefined): TextRun {
  return new TextRun({ text, size: TABLE_POINTS * 2, bold });
}

function cell(text: string, width: number, options: { bold?: boolean; centre?: boolean; span?: number; keepNext?: boolean } = {}): TableCell {
  // A line break in the text (a multi-line product) becomes its own paragraph in the cell.
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlign.CENTER,
    children: lines.map((line) => new Paragraph({
      alignment: options.centre ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: TIGHT_SPACING,
      keepNext: options.keepNext,
      children: [tableRun(line, options.bold)],
    })),
  });
}

/** Fields printed centred: the short ones. */
const CENTRED: ReadonlySet<AppendixField> = new Set(['tt', 'due']);

function rowCells(row: AppendixRow, columns: AppendixColumn[], widths: number[]): TableCell[] {
  if (row.kind === 'task') {
    return columns.map((c, i) => cell(taskCell(row, c.field), widths[i] ?? 0, { centre: CENTRED.has(c.field) }));
  }
  // A group row: its number in the TT column, its title across all the others. It is kept with
  // the next row so that a page never ends on a group title.
  const rest = widths.slice(1).reduce((a, b) => a + b, 0);
  const group = { bold: true, keepNext: true };
  if (columns[0]?.field === 'tt') {
    return [cell(row.label, widths[0] ?? 0, { ...group, centre: true }), cell(row.title, rest, { ...group, span: columns.length - 1 })];
  }
  return [cell(`${row.label}. ${row.title}`, (widths[0] ?? 0) + rest, { ...group, span: columns.length })];
}

export function appendixTable(appendix: Appendix): Table {
  const columns = appendixColumns(appendix.columns);
  const widths = columnWidths(columns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.title, widths[i] ?? 0, { bold: true, centre: true })),
  });
  const rows = appendixRows(appendix).map((row) => new TableRow({ cantSplit: true, children: rowCells(row, columns, widths) }));
  return new Table({
    width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: PADDING,
    rows: [header, ...rows],
  });
}

/** "Phụ lục", the title in caps, the italic reference to the plan, then the table. */
export function appendixBlock(plan: PlanDocument, appendix: Appendix, agency: string, year: number | null): (Paragraph | Table)[] {
  const reference = appendixReferenceLine({
    docType: plan.docType, numberText: plan.numberText, numberSuffix: plan.numberSuffix, signDate: plan.signDate, year, agency,
  });
  return [
    centred('Phụ lục', { size: 14, bold: true }),
    centred(upperVi(appendix.title), { size: 14, bold: true }),
    centred(reference, { size: 14, italics: true }, { after: 240 }),
    appendixTable(appendix),
  ];
}

/**
 * A bordered table of plain text with a bold header row repeated on every page, in the
 * appendix's look; widths in twips. For other tables of a document (the province roll-up).
 * Example: `borderedTable([600, 4000], ['TT', 'Cơ quan'], [['1', 'Ban Dân tộc']], [true, false])`.
 */
export function borderedTable(widths: number[], headers: readonly string[], rows: readonly string[][], centre: readonly boolean[] = []): Table {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, widths[i] ?? 0, { bold: true, centre: true })) });
  const body = rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, widths[i] ?? 0, { centre: centre[i] ?? false })) }));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: PADDING,
    rows: [header, ...body],
  });
}

/**
 * The small DOCX building blocks of a Decree 30 document: page geometry, runs in Times New Roman,
 * body paragraphs, short rules and borderless tables. Sizes are given in points, as the decree
 * states them, and converted here.
 */
import {
  AlignmentType, BorderStyle, Header, LineRuleType, PageNumber, Paragraph, Table, TableBorders, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
  type IBorderOptions, type ParagraphChild,
} from 'docx';

export const FONT = 'Times New Roman';

/** Millimetres to twips, rounded (docx's own helper floors: 20 mm would give 1133, not 1134). */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** A4 in twips (210 × 297 mm), portrait; docx swaps the sides itself for landscape sections. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Decree 30 margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) } as const;

export const PORTRAIT_TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
export const LANDSCAPE_TEXT_WIDTH = A4.height - MARGINS.left - MARGINS.right;

/** First-line indent of body paragraphs: 1 cm. */
export const FIRST_LINE = mm(10);

/** ~1.15 lines (240 = single), and 6 pt after: inside the decree's single-to-1.5 range. */
export const BODY_SPACING = { after: 120, line: 276, lineRule: LineRuleType.AUTO } as const;
export const TIGHT_SPACING = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

export interface RunStyle {
  /** Points. */
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

/** A run of text in Times New Roman; the font is set on every run so no viewer substitutes it. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: (style.size ?? 14) * 2, bold: style.bold, italics: style.italics });
}

/** A centred single-spaced line, for header blocks, titles and the signature. */
export function centred(text: string, style: RunStyle = {}, spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...TIGHT_SPACING, ...spacing },
    children: [run(text, style)],
  });
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
export function bodyParagraph(children: ParagraphChild[], options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: BODY_SPACING,
    keepNext: options.keepNext,
    children,
  });
}

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

/**
 * A short horizontal rule, centred in a space `within` twips wide, drawn as the bottom border of an
 * empty 3-pt-high paragraph: Word and LibreOffice both print it, and it moves with the text.
 */
export function rule(width: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: LINE },
    children: [new TextRun({ text: '', font: FONT, size: 6 })],
  });
}

/** Default cell padding Word uses (0.19 cm each side), taken off when centring a rule in a cell. */
export const CELL_PADDING = 108;

/** A cell without borders, width in twips. */
export function plainCell(children: Paragraph[], width: number, columnSpan?: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    verticalAlign: VerticalAlign.TOP,
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

/** A borderless table with fixed column widths (twips): the header and signature layouts. */
export function layoutTable(widths: number[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells })),
  });
}

/** Decree 30: the page number is centred in the top margin, 13–14 pt, and not on page 1. */
export function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })],
    })],
  });
}

/** An empty header for page 1 (Word needs one for `titlePage` to leave that page unnumbered). */
export function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({})] });
}

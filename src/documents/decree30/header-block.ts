/**
 * The top of a Decree 30 document: the two-column header (agencies and number on the left, the
 * national title, motto, place and date on the right), then the document type and its subject.
 */
import type { Paragraph, Table } from 'docx';
import { CELL_PADDING, PORTRAIT_TEXT_WIDTH, centred, layoutTable, plainCell, rule } from './docx-parts.ts';
import { numberLine, placeDateLine, upperVi } from './format.ts';

/** The names in force on the document's date, chosen by the caller from the agency's history. */
export interface HeaderNames {
  /** Full name of the parent agency ("UBND tỉnh Bắc Giang"), or null if the agency has none. */
  parentAgency: string | null;
  /** Full name of the issuing agency ("Ban Dân tộc tỉnh Bắc Giang"), used in running text. */
  agency: string;
  /** The place written before the date ("Bắc Giang"). */
  place: string;
  /** Short official form printed in the header ("Ban Dân tộc"); `agency` when not given. */
  agencyHeader?: string;
  /** Short official form of the parent ("UBND tỉnh Bắc Giang"); `parentAgency` when not given. */
  parentHeader?: string | null;
}

export interface HeaderFacts {
  numberText: string | null;
  numberSuffix: string | null;
  docType: string;
  signDate: string | null;
  year: number | null;
}

/** The left column is the narrower one: the national title on the right must fit on one line. */
const LEFT = 3600;
const RIGHT = PORTRAIT_TEXT_WIDTH - LEFT;

/** Rough printed width in twips of a caps line: enough to size a rule, not to lay out text. */
function estimateWidth(text: string, points: number): number {
  return Math.round(text.length * points * 20 * 0.62);
}

/** Decree 30: the rule under the agency name is 1/3 to 1/2 of that line; take about 0.45. */
function agencyRule(agencyCaps: string): Paragraph {
  const inner = LEFT - 2 * CELL_PADDING;
  const width = Math.min(inner, Math.max(900, Math.round(estimateWidth(agencyCaps, 13) * 0.45)));
  return rule(width, inner);
}

/** Decree 30: the rule under the motto is as long as the motto. */
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const MOTTO_WIDTH = 3560;

export function headerTable(names: HeaderNames, facts: HeaderFacts): Table {
  const parent = names.parentHeader === undefined ? names.parentAgency : names.parentHeader;
  const agencyCaps = upperVi(names.agencyHeader ?? names.agency);

  const left: Paragraph[] = [];
  if (parent) left.push(centred(upperVi(parent), { size: 13 }));
  left.push(centred(agencyCaps, { size: 13, bold: true }), agencyRule(agencyCaps));

  const right: Paragraph[] = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true }),
    centred(MOTTO, { size: 13, bold: true }),
    rule(MOTTO_WIDTH, RIGHT - 2 * CELL_PADDING),
  ];

  // A second row puts "Số:" and the date on one baseline, however many lines the names take.
  const number = centred(numberLine(facts.numberText, facts.numberSuffix, facts.docType), { size: 13 }, { before: 120 });
  const date = centred(placeDateLine(names.place, facts.signDate, facts.year), { size: 14, italics: true }, { before: 120 });

  return layoutTable([LEFT, RIGHT], [
    [plainCell(left, LEFT), plainCell(right, RIGHT)],
    [plainCell([number], LEFT), plainCell([date], RIGHT)],
  ]);
}

/** Document type words in caps, as the heading prints them. */
const TYPE_HEADINGS: Record<string, string> = { KH: 'KẾ HOẠCH', BC: 'BÁO CÁO' };

/** "KẾ HOẠCH" and the subject below it, with the short rule Decree 30 puts under the subject. */
export function titleBlock(docType: string, subject: string): Paragraph[] {
  const subjectWidth = Math.min(PORTRAIT_TEXT_WIDTH, estimateWidth(subject, 14) * 0.85);
  return [
    centred(TYPE_HEADINGS[docType] ?? upperVi(docType), { size: 14, bold: true }, { before: 480 }),
    centred(subject, { size: 14, bold: true }),
    rule(Math.max(1200, Math.round(subjectWidth * 0.4)), PORTRAIT_TEXT_WIDTH),
    centred('', { size: 8 }, { after: 240 }),
  ];
}

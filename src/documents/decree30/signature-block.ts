/**
 * The foot of a Decree 30 document: "Nơi nhận:" and its list on the left, the signer on the right,
 * side by side in a borderless table as the decree's forms show them.
 */
import { AlignmentType, Paragraph, type Table } from 'docx';
import type { PlanDocument } from '../plan-document.ts';
import { PORTRAIT_TEXT_WIDTH, TIGHT_SPACING, centred, layoutTable, plainCell, run } from './docx-parts.ts';
import { upperVi } from './format.ts';

const LEFT = Math.round(PORTRAIT_TEXT_WIDTH * 0.45);
const RIGHT = PORTRAIT_TEXT_WIDTH - LEFT;

/**
 * The recipients as printed: "- item;" each, the last ending with "." — and the archive line
 * "Lưu: VT" that Decree 30 requires added when the list has none.
 */
export function recipientLines(recipients: readonly string[]): string[] {
  const items = recipients
    .map((r) => r.replace(/^[\s\-–+•]+/, '').replace(/[\s;.,]+$/, ''))
    .filter((r) => r !== '');
  if (!items.some((r) => /^lưu\s*:/i.test(r))) items.push('Lưu: VT');
  return items.map((item, i) => `- ${item}${i === items.length - 1 ? '.' : ';'}`);
}

function recipientsCell(recipients: readonly string[]): Paragraph[] {
  const left = (text: string, style: { size: number; bold?: boolean; italics?: boolean }) =>
    new Paragraph({ alignment: AlignmentType.LEFT, spacing: TIGHT_SPACING, children: [run(text, style)] });
  return [
    left('Nơi nhận:', { size: 12, bold: true, italics: true }),
    ...recipientLines(recipients).map((line) => left(line, { size: 11 })),
  ];
}

/** Room for the handwritten signature and the seal: about four lines of 14 pt. */
const SIGNING_SPACE = 1600;

function signerCell(signer: PlanDocument['signer']): Paragraph[] {
  if (!signer) return [];
  const out: Paragraph[] = [];
  if (signer.authority) out.push(centred(upperVi(signer.authority), { size: 14, bold: true }));
  out.push(centred(upperVi(signer.title), { size: 14, bold: true }));
  out.push(centred(signer.name, { size: 14, bold: true }, { before: SIGNING_SPACE }));
  return out;
}

/** What the foot prints: a plan and a report both carry these. */
export type SignatureFacts = Pick<PlanDocument, 'recipients' | 'signer'>;

export function signatureTable(document: SignatureFacts): Table {
  return layoutTable([LEFT, RIGHT], [[plainCell(recipientsCell(document.recipients), LEFT), plainCell(signerCell(document.signer), RIGHT)]]);
}

/** A little space between the last body paragraph and the signature table. */
export function beforeSignature(): Paragraph {
  return centred('', { size: 8 }, { after: 120 });
}

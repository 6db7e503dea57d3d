/**
 * Writes a plan (Kế hoạch) as a DOCX laid out per Decree 30/2020/NĐ-CP: A4 portrait body with
 * page numbers from page 2, then the task appendix in a landscape section of its own.
 */
import { Document, Packer, PageOrientation, type ISectionOptions } from 'docx';
import type { PlanDocument } from '../plan-document.ts';
import { appendixBlock } from './appendix-table.ts';
import { bodyParagraphs } from './body.ts';
import { A4, FONT, MARGINS, emptyHeader, pageNumberHeader } from './docx-parts.ts';
import { documentYear } from './format.ts';
import { headerTable, titleBlock, type HeaderNames } from './header-block.ts';
import { beforeSignature, signatureTable } from './signature-block.ts';

export type { HeaderNames } from './header-block.ts';

/**
 * The DOCX of a plan. `header` holds the agency names in force on the plan's date (they change:
 * Ban Dân tộc became Sở Dân tộc và Tôn giáo in 2025), so the caller looks them up, not the plan.
 */
export async function writePlanDocx(plan: PlanDocument, header: HeaderNames): Promise<Buffer> {
  const year = documentYear(plan.year, plan.signDate);
  const issuer = plan.issuer ?? header.agencyHeader ?? header.agency;

  const main: ISectionOptions = {
    properties: {
      titlePage: true,
      page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGINS },
    },
    headers: { default: pageNumberHeader(), first: emptyHeader() },
    children: [
      headerTable(header, { numberText: plan.numberText, numberSuffix: plan.numberSuffix, docType: plan.docType, signDate: plan.signDate, year }),
      ...titleBlock(plan.docType, plan.title),
      ...bodyParagraphs(plan, issuer),
      beforeSignature(),
      signatureTable(plan),
    ],
  };

  const sections: ISectionOptions[] = [main];
  if (plan.appendix) {
    sections.push({
      // The appendix continues the page numbering, its first page included.
      properties: {
        titlePage: false,
        page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGINS },
      },
      headers: { default: pageNumberHeader() },
      children: appendixBlock(plan, plan.appendix, header.agency, year),
    });
  }

  const document = new Document({
    creator: 'Minh Bạch',
    title: `Kế hoạch ${plan.title}`,
    styles: { default: { document: { run: { font: FONT, size: 28, language: { value: 'vi-VN' } } } } },
    sections,
  });
  return Packer.toBuffer(document);
}

/**
 * The province roll-up as a DOCX in the Decree 30 layout: page 1 (portrait) has the issuing
 * department's header, "BÁO CÁO" and the subject, and the summary; the appendix (landscape)
 * has the agency table and the late reports. It is a working document computed on the day it
 * is downloaded: number, date and signature are left for the department to fill in.
 */
import { Document, Packer, PageOrientation, type ISectionOptions } from 'docx';
import { formatPercentVi } from '../../platform/vi-number.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import { LATE_COLUMNS, ROLLUP_COLUMNS, lateReportCells, rollupAgencyCells, rollupTitle, type ProvinceRollup } from '../province-rollup.ts';
import { borderedTable } from './appendix-table.ts';
import { A4, FONT, LANDSCAPE_TEXT_WIDTH, MARGINS, bodyParagraph, centred, emptyHeader, pageNumberHeader, run } from './docx-parts.ts';
import { upperVi } from './format.ts';
import { headerTable, titleBlock, type HeaderNames } from './header-block.ts';

/** Column widths in proportion to the XLSX widths, filling the landscape text width. */
function widthsOf(columns: readonly { width: number }[]): number[] {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((LANDSCAPE_TEXT_WIDTH * c.width) / total));
  widths[1] = (widths[1] ?? 0) + LANDSCAPE_TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function summary(rollup: ProvinceRollup): string[] {
  const withPlan = rollup.agencies.filter((a) => a.planTitle !== null).length;
  const due = rollup.agencies.reduce((s, a) => s + a.tasksDue, 0);
  const done = rollup.agencies.reduce((s, a) => s + a.tasksDoneOnTime, 0);
  const reports = rollup.agencies.reduce((s, a) => s + a.reportsDue, 0);
  const onTime = rollup.agencies.reduce((s, a) => s + a.reportsOnTime, 0);
  return [
    `Số liệu tổng hợp từ hệ thống Minh Bạch đến ngày ${formatDateVi(rollup.asOf)}: ${rollup.agencies.length} cơ quan trên địa bàn tỉnh, ${withPlan} cơ quan có kế hoạch năm ${rollup.year} được phê duyệt.`,
    `Nhiệm vụ đến hạn: ${due}; hoàn thành đúng hạn: ${done} (${formatPercentVi(due === 0 ? null : (done * 100) / due)}).`,
    `Báo cáo định kỳ của các đơn vị đến hạn: ${reports}; nộp đúng hạn: ${onTime} (${formatPercentVi(reports === 0 ? null : (onTime * 100) / reports)}); báo cáo trễ hạn hoặc chưa nộp: ${rollup.lateReports.length}.`,
    'Xếp hạng các cơ quan theo tỉ lệ hoàn thành kế hoạch và tỉ lệ báo cáo đúng hạn tại Phụ lục kèm theo.',
  ];
}

/** `abbreviation` is the issuing department's ("SNV"): the number is left blank before "/BC-SNV". */
export async function writeProvinceRollupDocx(rollup: ProvinceRollup, header: HeaderNames, abbreviation: string): Promise<Buffer> {
  const first: ISectionOptions = {
    properties: { titlePage: true, page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGINS } },
    headers: { default: pageNumberHeader(), first: emptyHeader() },
    children: [
      headerTable(header, { numberText: null, numberSuffix: `BC-${abbreviation}`, docType: 'BC', signDate: null, year: Number(rollup.asOf.slice(0, 4)) }),
      ...titleBlock('BC', rollupTitle(rollup)),
      ...summary(rollup).map((line) => bodyParagraph([run(line)])),
    ],
  };
  const centreAgency = ROLLUP_COLUMNS.map((_, i) => i !== 1 && i !== 2);
  const appendix: ISectionOptions = {
    properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGINS } },
    headers: { default: pageNumberHeader() },
    children: [
      centred('Phụ lục', { size: 14, bold: true }),
      centred(upperVi(`Xếp hạng các cơ quan năm ${rollup.year}`), { size: 14, bold: true }, { after: 240 }),
      borderedTable(widthsOf(ROLLUP_COLUMNS), ROLLUP_COLUMNS.map((c) => c.header), rollupAgencyCells(rollup), centreAgency),
      centred('Báo cáo trễ hạn, chưa nộp', { size: 14, bold: true }, { before: 360, after: 240 }),
      ...(rollup.lateReports.length > 0
        ? [borderedTable(widthsOf(LATE_COLUMNS), LATE_COLUMNS.map((c) => c.header), lateReportCells(rollup), [false, false, false, true, true])]
        : [centred('Không có báo cáo trễ hạn hay chưa nộp.', { size: 13, italics: true })]),
    ],
  };
  const document = new Document({
    creator: 'Minh Bạch',
    title: `Báo cáo ${rollupTitle(rollup)}`,
    styles: { default: { document: { run: { font: FONT, size: 28, language: { value: 'vi-VN' } } } } },
    sections: [first, appendix],
  });
  return Packer.toBuffer(document);
}

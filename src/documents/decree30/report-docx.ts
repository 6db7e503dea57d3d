/**
 * Writes the consolidated period report (Báo cáo kết quả thực hiện Kế hoạch tuyên truyền cải
 * cách hành chính <kỳ>) as a DOCX laid out per Decree 30/2020/NĐ-CP, with the plan's header,
 * title and signature blocks: A4 portrait, page numbers from page 2. Every figure in it is a sum
 * of evidence; the XLSX annex (report-annex-xlsx.ts) lists the evidence behind each.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, type ISectionOptions } from 'docx';
import { normalizeText } from '../../platform/vi-text.ts';
import type { ReportDocument, ReportTaskResult } from '../report-document.ts';
import { A4, FONT, MARGINS, TIGHT_SPACING, bodyParagraph, emptyHeader, pageNumberHeader, run } from './docx-parts.ts';
import { documentYear } from './format.ts';
import { headerTable, titleBlock, type HeaderNames } from './header-block.ts';
import {
  clause, completionText, letter, lowerFirst, periodText, resultSentence, sentence, statusSummary, textLines,
} from './report-text.ts';
import { beforeSignature, signatureTable } from './signature-block.ts';

export type { HeaderNames } from './header-block.ts';

/** The mark a draft carries at the top right of page 1, above the header. */
export const DRAFT_MARK = 'DỰ THẢO';

function draftMark(): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, spacing: TIGHT_SPACING, children: [run(DRAFT_MARK, { size: 12, bold: true })] });
}

const plain = (text: string): Paragraph => bodyParagraph([run(text)]);
const heading = (text: string): Paragraph => bodyParagraph([run(text, { bold: true })], { keepNext: true });
const subHeading = (text: string): Paragraph => bodyParagraph([run(text, { italics: true })], { keepNext: true });

/** "- <content>: <status>; <results>." then its units' narratives as "+ Phòng X: …" lines. */
function taskParagraphs(task: ReportTaskResult, labels: Record<string, string>): Paragraph[] {
  const results = resultSentence(task.totals, labels);
  const status = results === '' ? sentence(task.status) : `${task.status}; ${results}.`;
  const out = [bodyParagraph([run(`- ${clause(normalizeText(task.content))}: `), run(status)])];
  for (const narrative of task.narratives) {
    for (const line of textLines(narrative)) out.push(plain(`+ ${sentence(line)}`));
  }
  return out;
}

/**
 * The groups in plan order, each under a lettered heading ("a) <title>"). A group without tasks
 * of its own is printed, unlettered, only when it heads the groups that follow (A over A.1, A.2).
 */
function taskResults(report: ReportDocument): Paragraph[] {
  const out: Paragraph[] = [];
  let lettered = 0;
  report.groups.forEach((group, i) => {
    const title = normalizeText(group.title) || group.code || 'Nhiệm vụ khác';
    if (group.tasks.length === 0) {
      const next = report.groups[i + 1];
      if (group.code && next?.code?.startsWith(`${group.code}.`)) out.push(bodyParagraph([run(title, { bold: true, italics: true })], { keepNext: true }));
      return;
    }
    out.push(subHeading(`${letter(lettered++)}) ${title}`));
    for (const task of group.tasks) out.push(...taskParagraphs(task, report.measureLabels));
  });
  if (out.length === 0) out.push(plain('Kế hoạch chưa có nhiệm vụ.'));
  return out;
}

/** "- Phòng X: …" for each unit that wrote something in `field`, or the line saying none did. */
function unitLines(report: ReportDocument, field: 'difficulties' | 'proposals', none: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const unit of report.units) {
    const lines = textLines(unit[field]);
    if (lines.length === 0) continue;
    const [first, ...rest] = lines;
    out.push(plain(`- ${unit.name}: ${sentence(first ?? '')}`));
    for (const line of rest) out.push(plain(sentence(line)));
  }
  return out.length > 0 ? out : [plain(none)];
}

function nextTaskLines(report: ReportDocument): Paragraph[] {
  if (report.nextTasks.length === 0) return [plain('Tiếp tục triển khai các nhiệm vụ còn lại theo Kế hoạch.')];
  return report.nextTasks.map((task) => {
    const notes = [task.lead.trim() ? `chủ trì: ${clause(task.lead)}` : '', task.dueText.trim() ? `thời hạn: ${clause(task.dueText)}` : ''].filter(Boolean);
    return plain(`- ${clause(normalizeText(task.content))}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}.`);
  });
}

/** Everything between the subject and the signature. */
function reportBody(report: ReportDocument, agency: string): Paragraph[] {
  const results = resultSentence(report.totals, report.measureLabels);
  return [
    plain(`Thực hiện ${clause(normalizeText(report.planReference))}; ${agency} báo cáo kết quả thực hiện ${periodText(report)} như sau:`),
    heading('I. KẾT QUẢ THỰC HIỆN'),
    heading('1. Kết quả chung'),
    plain(results === ''
      ? 'Trong kỳ báo cáo, chưa có kết quả được ghi nhận bằng minh chứng.'
      : `Trong kỳ báo cáo, ${agency} đã ${results}.`),
    plain(statusSummary(report.groups)),
    plain(completionText(report.completionRate)),
    bodyParagraph([run('(Số liệu chi tiết theo từng nhiệm vụ, đơn vị và danh mục minh chứng tại Phụ lục kèm theo.)', { italics: true })]),
    heading('2. Kết quả theo từng nhiệm vụ'),
    ...taskResults(report),
    heading('II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT'),
    heading('1. Khó khăn, vướng mắc'),
    ...unitLines(report, 'difficulties', 'Không có khó khăn, vướng mắc.'),
    heading('2. Đề xuất, kiến nghị'),
    ...unitLines(report, 'proposals', 'Không có đề xuất, kiến nghị.'),
    heading('III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI'),
    ...nextTaskLines(report),
    plain(`Trên đây là Báo cáo ${lowerFirst(clause(normalizeText(report.title)))} của ${agency}./.`),
  ];
}

/**
 * The DOCX of a report. `header` holds the agency names in force on the report's date; the place
 * printed before the date is the report's own when it has one.
 */
export async function writeReportDocx(report: ReportDocument, header: HeaderNames): Promise<Buffer> {
  const year = documentYear(null, report.date) ?? documentYear(null, report.periodEnd);
  const names: HeaderNames = { ...header, place: report.place.trim() || header.place };

  const section: ISectionOptions = {
    properties: {
      titlePage: true,
      page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGINS },
    },
    headers: { default: pageNumberHeader(), first: emptyHeader() },
    children: [
      ...(report.draft ? [draftMark()] : []),
      headerTable(names, { numberText: report.numberText, numberSuffix: null, docType: 'BC', signDate: report.date, year }),
      ...titleBlock('BC', report.title),
      ...reportBody(report, header.agency),
      beforeSignature(),
      signatureTable(report),
    ],
  };

  const document = new Document({
    creator: 'Minh Bạch',
    title: `Báo cáo ${report.title}`,
    styles: { default: { document: { run: { font: FONT, size: 28, language: { value: 'vi-VN' } } } } },
    sections: [section],
  });
  return Packer.toBuffer(document);
}

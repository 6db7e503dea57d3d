/**
 * A plan's text (from a PDF, a DOCX or pasted) read into a PlanDocument. The text is split into
 * zones by landmarks every Decree 30 plan has: header, "KẾ HOẠCH" and subject, basis, numbered
 * sections, closing ("Trên đây…", signature, "Nơi nhận"), then "Phụ lục" and its task table. A
 * plan issued inside a decision ("QUYẾT ĐỊNH … Điều 1. Ban hành kèm theo Quyết định này Kế
 * hoạch …") has the decision's header, basis and signature, then the plan itself.
 */
import type { ImportWarning, PlanDocument } from '../plan-document.ts';
import { buildAppendix } from './appendix-build.ts';
import { readTableAppendix } from './appendix-table.ts';
import { findAppendixStart, readPreamble, readTextAppendix, type AppendixSource } from './appendix-text.ts';
import { findTheme, isBasisParagraph, parseBasis } from './basis.ts';
import { parseClosing } from './closing.ts';
import { agencyName, parseAttachment, parseHeader, provinceOf, splitIssuer } from './header.ts';
import { clean, joinWrapped, splitLines, type Paragraph } from './lines.ts';
import { findChannels, findIndices } from './mentions.ts';
import { classifyLabel } from './numbering.ts';
import { budgetLines, budgetText, buildSections } from './sections.ts';

export interface ParseOptions {
  /** Tables read from the file (DOCX, XLSX): the task table is taken from them when present. */
  tables?: readonly (readonly string[])[][];
  /** Every line is a whole paragraph (DOCX, XLSX): do not glue wrapped lines. */
  paragraphs?: boolean;
}

const PLAN_TITLE = /^KẾ HOẠCH(?:\s+(.*))?$/u;
const DECISION_TITLE = /^QUYẾT ĐỊNH$/u;
const TITLE_STOP = /^(?:Căn cứ|Thực hiện|Nhằm|Để|Triển khai|\(?\s*Kèm theo)/iu;
const CLOSING = /^(?:Trên đây|Nơi nhận|(?:KT|TM|TL|TUQ|Q)\.\s)/u;

function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** The subject under "KẾ HOẠCH": lines up to the basis, a label or a separator rule. */
function readTitle(lines: readonly string[], from: number, to: number, sameLine: string | undefined): { title: string; next: number } {
  const parts: string[] = sameLine ? [sameLine] : [];
  let i = from;
  for (; i < to && parts.length < 4; i++) {
    const line = clean(lines[i] ?? '');
    if (!line) continue;
    if (/^[-_=.*\s]{3,}$/.test(line)) {
      if (parts.length) { i++; break; }
      continue;
    }
    if (TITLE_STOP.test(line) || classifyLabel(line)) break;
    // The issuing authority's caps line of a decision ("TRƯỞNG BAN DÂN TỘC") ends its subject.
    if (parts.length && isCaps(line)) break;
    parts.push(line);
  }
  return { title: parts.join(' '), next: i };
}

function firstIndex(paras: readonly Paragraph[], test: (p: Paragraph) => boolean, from = 0): number {
  for (let i = from; i < paras.length; i++) if (test(paras[i] as Paragraph)) return i;
  return -1;
}

function isSectionStart(p: Paragraph): boolean {
  const label = classifyLabel(p.text);
  return label !== null && (label.kind === 'roman' || label.kind === 'group' || (label.kind === 'arabic' && label.depth === 1));
}

/** The year the plan is for: its subject's "năm 2024" first, then dates, then the commonest year. */
function planYear(title: string, dated: (number | null)[], body: string): number | null {
  const inTitle = [...title.matchAll(/năm\s+(\d{4})/giu)].pop()?.[1];
  if (inTitle) return Number(inTitle);
  const known = dated.find((y) => y !== null);
  if (known) return known;
  const counts = new Map<number, number>();
  for (const m of body.matchAll(/\b(20\d{2})\b/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** "tỉnh Bắc Giang" named most often in the body. */
function commonProvince(body: string): string | null {
  const counts = new Map<string, number>();
  for (const m of body.matchAll(/tỉnh\s+((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){0,2})/gu)) {
    const name = m[1] ?? '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function parsePlanText(text: string, options: ParseOptions = {}): PlanDocument {
  const lines = splitLines(text);
  const warnings: ImportWarning[] = [];
  const appendixAt = findAppendixStart(lines);
  const bodyEnd = appendixAt >= 0 ? appendixAt : lines.length;

  // Zones: header | decision (if any) | plan title | plan body | closing.
  const docAt = lines.findIndex((l, i) => i < bodyEnd && (PLAN_TITLE.test(clean(l)) || DECISION_TITLE.test(clean(l))));
  const isDecision = docAt >= 0 && DECISION_TITLE.test(clean(lines[docAt] ?? ''));
  const planAt = isDecision ? lines.findIndex((l, i) => i > docAt && i < bodyEnd && PLAN_TITLE.test(clean(l))) : docAt;
  const header = parseHeader(docAt > 0 ? lines.slice(0, docAt) : []);

  const decisionParas = isDecision ? joinWrapped(lines, { ...options, from: docAt + 1, to: planAt >= 0 ? planAt : bodyEnd }) : [];
  const planLine = planAt >= 0 ? clean(lines[planAt] ?? '') : '';
  const titleRead = planAt >= 0
    ? readTitle(lines, planAt + 1, bodyEnd, PLAN_TITLE.exec(planLine)?.[1])
    : { title: '', next: isDecision ? bodyEnd : Math.max(docAt + 1, 0) };
  const paras = planAt >= 0 || !isDecision ? joinWrapped(lines, { ...options, from: titleRead.next, to: bodyEnd }) : [];

  const sectionAt = firstIndex(paras, isSectionStart);
  const closingAt = firstIndex(paras, (p) => CLOSING.test(p.text), Math.max(sectionAt, 0));
  const intro = paras.slice(0, sectionAt >= 0 ? sectionAt : closingAt >= 0 ? closingAt : paras.length);
  const bodyParas = sectionAt >= 0 ? paras.slice(sectionAt, closingAt >= 0 ? closingAt : paras.length) : [];
  // PlanDocument has no place for the closing sentence ("Trên đây là Kế hoạch …"); like the
  // Decree 30 writer expects, it stays a paragraph of the last section so no text is lost.
  const closingSentence = closingAt >= 0 && /^Trên đây/u.test(paras[closingAt]?.text ?? '') ? [paras[closingAt] as Paragraph] : [];
  if (sectionAt >= 0) bodyParas.push(...closingSentence);
  const { sections } = buildSections(bodyParas.map((p) => p.text));

  // Closing: the plan's own, and in a decision the decision's (after its last article).
  const closingLines: string[] = [];
  if (isDecision) {
    const lastArticle = decisionParas.reduce((at, p, i) => (/^Điều\s+\d+/u.test(p.text) ? i : at), -1);
    const after = decisionParas[lastArticle]?.end ?? docAt;
    closingLines.push(...lines.slice(after + 1, planAt >= 0 ? planAt : bodyEnd));
  }
  if (closingAt >= 0) closingLines.push(...lines.slice(paras[closingAt]?.start ?? bodyEnd, bodyEnd));
  const closing = parseClosing(closingLines);

  // Title of a plan known only from "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …".
  let title = clean(titleRead.title);
  const article1 = decisionParas.find((p) => /^Điều\s+1\b/u.test(p.text))?.text ?? '';
  if (!title) {
    const m = /Kế hoạch\s+(.+?)(?:\s+của\s+.*)?\.?$/u.exec(article1.replace(/^.*?kèm theo Quyết định này\s*/iu, ''));
    if (m?.[1]) title = m[1].charAt(0).toUpperCase() + m[1].slice(1).replace(/\.$/, '');
  }

  // Appendix: a real table if the file had one, else the text after "Phụ lục".
  const appendixLines = appendixAt >= 0 ? lines.slice(appendixAt) : [];
  const bodyText = lines.slice(0, bodyEnd).join('\n');
  const attachmentInBody = paras.slice(0, 3).map((p) => p.text).find((t) => /^\(?\s*Kèm theo/iu.test(t))
    ?? clean(lines.slice(titleRead.next - 1, titleRead.next + 2).find((l) => /Kèm theo/iu.test(l)) ?? '');
  const draftYear = header.year ?? parseAttachment(attachmentInBody ?? '')?.year ?? null;
  let source: AppendixSource | null = null;
  for (const table of options.tables ?? []) {
    const found = readTableAppendix(table);
    if (!found) continue;
    const pre = readPreamble([...appendixLines, ...found.preamble]);
    source = { ...pre, columns: found.columns, rows: found.rows };
    break;
  }
  const yearHint = planYear(title, [draftYear], bodyText);
  if (!source && appendixAt >= 0) source = readTextAppendix(appendixLines, yearHint);
  const attachment = parseAttachment(source?.attachment ?? '') ?? parseAttachment(attachmentInBody ?? '');

  const year = planYear(title || (source?.title ?? ''), [header.year, attachment?.year ?? null], bodyText);
  let appendix: PlanDocument['appendix'] = null;
  if (source && source.columns.length) {
    const built = buildAppendix(source.title, source.columns, source.rows, year);
    appendix = built.appendix;
    warnings.push(...built.warnings);
  } else if (source) {
    warnings.push({ path: 'appendix', message: 'Có phụ lục nhưng không nhận ra bảng nhiệm vụ (tiêu đề cột); kế hoạch được lưu chưa có nhiệm vụ.' });
  } else {
    warnings.push({ path: 'appendix', message: 'Không tìm thấy phụ lục nhiệm vụ; kế hoạch được lưu chưa có nhiệm vụ, cần nhập nhiệm vụ bằng tay.' });
  }
  if (!title && appendix?.title) title = appendix.title;

  const fromAttachment = attachment?.issuer ? splitIssuer(attachment.issuer) : null;
  const issuer = header.agency ? agencyName(header.agency, bodyText) : fromAttachment?.issuer ?? null;
  const numberText = header.numberText ?? attachment?.numberText ?? null;
  const numberSuffix = header.numberText ? header.numberSuffix : attachment?.numberSuffix ?? null;
  const signDate = header.signDate ?? attachment?.signDate ?? null;
  const basis = [...decisionParas, ...intro].filter((p) => isBasisParagraph(p.text)).flatMap((p) => parseBasis(p.text));
  const budget = budgetText(sections);
  const mentionText = [bodyText, ...(appendix?.tasks.map((t) => t.content) ?? [])].join('\n');

  if (!title) warnings.push({ path: 'plan.title', message: 'Không tìm thấy tên (trích yếu) của kế hoạch.' });
  if (year === null) warnings.push({ path: 'plan.year', message: 'Không xác định được năm của kế hoạch.' });
  if (!numberText) warnings.push({ path: 'plan.numberText', message: 'Không tìm thấy số văn bản.' });
  else if (numberText.startsWith('/')) warnings.push({ path: 'plan.numberText', message: 'Số văn bản chưa điền (bản chưa ký số); bình thường với kế hoạch chưa ban hành.' });
  if (isDecision && numberText) warnings.push({ path: 'plan.numberText', message: `Kế hoạch ban hành kèm theo Quyết định số ${numberText}; số văn bản là số của quyết định.` });
  if (!signDate) warnings.push({ path: 'plan.signDate', message: 'Chưa có ngày ký (ngày, tháng để trống hoặc không đọc được).' });
  if (!sections.length) warnings.push({ path: 'plan.sections', message: 'Không nhận ra các mục đánh số (I., 1., a), -) của kế hoạch.' });

  return {
    docType: 'KH',
    title,
    year,
    issuer,
    parentAgency: header.parentAgency,
    province: provinceOf(header.parentAgency) ?? fromAttachment?.province ?? attachment?.province ?? provinceOf(header.agency) ?? commonProvince(bodyText),
    numberText,
    numberSuffix,
    place: header.place,
    signDate,
    basis,
    theme: findTheme(lines.slice(0, bodyEnd).join(' ')),
    sections,
    budgetText: budget,
    budgetLines: budgetLines(budget),
    recipients: closing.recipients,
    signer: closing.signer,
    channels: findChannels(mentionText),
    indices: findIndices(mentionText),
    appendix,
    warnings,
  };
}

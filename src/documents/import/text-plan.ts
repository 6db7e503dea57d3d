/**
 * A plan's text (from a PDF, a DOCX or pasted) read into a PlanDocument: the body (plan-body.ts),
 * the appendix from a real table when the file had one or from the text after "Phụ lục", the
 * plan's facts merged from wherever they are printed (header first, then the appendix's "Kèm
 * theo" line, then the body), and warnings for what the user should check.
 */
import type { ImportWarning, PlanDocument } from '../plan-document.ts';
import { buildAppendix } from './appendix-build.ts';
import { readTableAppendix } from './appendix-table.ts';
import { findAppendixStart, readPreamble, readTextAppendix, type AppendixSource } from './appendix-text.ts';
import { findTheme } from './basis.ts';
import { agencyName, parseAttachment, provinceOf } from './header.ts';
import { splitLines } from './lines.ts';
import { findChannels, findIndices } from './mentions.ts';
import { readPlanBody } from './plan-body.ts';
import { budgetLines, budgetText } from './sections.ts';

export interface ParseOptions {
  /** Tables read from the file (DOCX, XLSX): the task table is taken from them when present. */
  tables?: readonly (readonly (readonly string[])[])[];
  /** Every line is a whole paragraph (DOCX, XLSX): do not glue wrapped lines. */
  paragraphs?: boolean;
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

/** The province named most often in the body ("tỉnh Bắc Giang"). */
function commonProvince(body: string): string | null {
  const counts = new Map<string, number>();
  for (const m of body.matchAll(/tỉnh\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})/gu)) {
    const name = m[1] ?? '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The task table: a real table of the file if one has task columns, else the appendix text. */
function findAppendix(appendixLines: readonly string[], options: ParseOptions, year: number | null): AppendixSource | null {
  for (const table of options.tables ?? []) {
    const found = readTableAppendix(table);
    if (found) return { ...readPreamble([...appendixLines, ...found.preamble]), columns: found.columns, rows: found.rows };
  }
  return appendixLines.length ? readTextAppendix(appendixLines, year) : null;
}

export function parsePlanText(text: string, options: ParseOptions = {}): PlanDocument {
  const lines = splitLines(text);
  const appendixAt = findAppendixStart(lines);
  const bodyEnd = appendixAt >= 0 ? appendixAt : lines.length;
  const bodyText = lines.slice(0, bodyEnd).join('\n');
  const body = readPlanBody(lines, bodyEnd, options);
  const { header } = body;

  const bodyAttachment = parseAttachment(body.attachment ?? '');
  const source = findAppendix(appendixAt >= 0 ? lines.slice(appendixAt) : [], options, planYear(body.title, [header.year, bodyAttachment?.year ?? null], bodyText));
  const attachment = parseAttachment(source?.attachment ?? '') ?? bodyAttachment;
  const year = planYear(body.title || (source?.title ?? ''), [header.year, attachment?.year ?? null], bodyText);

  const warnings: ImportWarning[] = [];
  let appendix: PlanDocument['appendix'] = null;
  if (source?.columns.length) {
    const built = buildAppendix(source.title, source.columns, source.rows, year);
    appendix = built.appendix;
    warnings.push(...built.warnings);
  } else if (source) {
    warnings.push({ path: 'appendix', message: 'Có phụ lục nhưng không nhận ra bảng nhiệm vụ (tiêu đề cột); kế hoạch được lưu chưa có nhiệm vụ.' });
  } else {
    warnings.push({ path: 'appendix', message: 'Không tìm thấy phụ lục nhiệm vụ; kế hoạch được lưu chưa có nhiệm vụ, cần nhập nhiệm vụ bằng tay.' });
  }

  const title = body.title || appendix?.title || '';
  const numberText = header.numberText ?? attachment?.numberText ?? null;
  const signDate = header.signDate ?? attachment?.signDate ?? null;
  const budget = budgetText(body.sections);
  const mentions = [bodyText, ...(appendix?.tasks.map((t) => t.content) ?? [])].join('\n');

  if (!title) warnings.push({ path: 'plan.title', message: 'Không tìm thấy tên (trích yếu) của kế hoạch.' });
  if (year === null) warnings.push({ path: 'plan.year', message: 'Không xác định được năm của kế hoạch.' });
  if (!numberText) warnings.push({ path: 'plan.numberText', message: 'Không tìm thấy số văn bản.' });
  else if (numberText.startsWith('/')) warnings.push({ path: 'plan.numberText', message: 'Số văn bản chưa điền (bản chưa ký số); bình thường với kế hoạch chưa ban hành.' });
  if (body.isDecision && numberText) warnings.push({ path: 'plan.numberText', message: `Kế hoạch ban hành kèm theo Quyết định số ${numberText}; số văn bản là số của quyết định.` });
  if (!signDate) warnings.push({ path: 'plan.signDate', message: 'Chưa có ngày ký (ngày, tháng để trống hoặc không đọc được).' });
  if (!body.sections.length) warnings.push({ path: 'plan.sections', message: 'Không nhận ra các mục đánh số (I., 1., a), -) của kế hoạch.' });

  return {
    docType: 'KH',
    title,
    year,
    issuer: header.agency ? agencyName(header.agency, bodyText) : attachment?.issuer ?? null,
    parentAgency: header.parentAgency,
    province: provinceOf(header.parentAgency) ?? attachment?.province ?? provinceOf(header.agency) ?? commonProvince(bodyText),
    numberText,
    numberSuffix: header.numberText ? header.numberSuffix : attachment?.numberSuffix ?? null,
    place: header.place,
    signDate,
    basis: body.basis,
    theme: findTheme(lines.slice(0, bodyEnd).join(' ')),
    sections: body.sections,
    budgetText: budget,
    budgetLines: budgetLines(budget),
    recipients: body.closing.recipients,
    signer: body.closing.signer,
    channels: findChannels(mentions),
    indices: findIndices(mentions),
    appendix,
    warnings,
  };
}

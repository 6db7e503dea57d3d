/**
 * The body of a plan: the "Căn cứ …" paragraphs, the numbered sections (I → 1 → a → -) and the
 * budget when the sections do not already carry it.
 */
import type { Paragraph } from 'docx';
import { foldVi, normalizeText } from '../../platform/vi-text.ts';
import type { BudgetLine, PlanDocument, PlanSection } from '../plan-document.ts';
import { bodyParagraph, run } from './docx-parts.ts';
import { upperVi } from './format.ts';

/** Ends a basis line with ";" (or "," on the last one) unless it already ends in punctuation. */
function basisText(text: string, last: boolean): string {
  const body = normalizeText(text);
  const withWord = /^căn cứ\b/i.test(body) ? body : `Căn cứ ${body}`;
  return /[.,;:]$/.test(withWord) ? withWord : `${withWord}${last ? ',' : ';'}`;
}

/**
 * One italic paragraph per legal basis, then the sentence that hands over to the sections. The
 * document type has no field for that sentence, so it is the usual one, built from the issuer.
 */
export function basisParagraphs(plan: PlanDocument, issuer: string): Paragraph[] {
  if (plan.basis.length === 0) return [];
  const lines = plan.basis.map((b, i) => bodyParagraph([run(basisText(b.text, i === plan.basis.length - 1), { italics: true })]));
  const lastText = plan.basis[plan.basis.length - 1]?.text.trim() ?? '';
  if (lastText.endsWith(':')) return lines;
  return [...lines, bodyParagraph([run(`${issuer} ban hành Kế hoạch thực hiện như sau:`)])];
}

const ROMAN = /^[IVXLC]+$/;
const ARABIC = /^\d+(\.\d+)*$/;
const LETTER = /^[a-zđ]$/;

/**
 * A heading that reads as a sentence (long, or ending in punctuation) is a numbered paragraph
 * of the body, not a title: "1. Tuyên truyền các quan điểm, chủ trương …" is printed plain in the
 * signed plan while "1. Mục đích" is bold.
 */
function isTitle(heading: string): boolean {
  return heading.length <= 120 && !/[.;:!?]$/.test(heading.trim());
}

/** The printed heading of one section: its label, style and text. */
function headingParagraph(section: PlanSection): Paragraph | null {
  const heading = normalizeText(section.heading);
  const number = section.number.trim();
  if (ROMAN.test(number)) return bodyParagraph([run(`${number}. ${upperVi(heading)}`, { bold: true })], { keepNext: true });
  if (heading === '' && number === '') return null;
  if (ARABIC.test(number)) {
    const title = isTitle(heading);
    return bodyParagraph([run(`${number}. ${heading}`, { bold: title })], { keepNext: title });
  }
  if (LETTER.test(number)) {
    const title = isTitle(heading);
    return bodyParagraph([run(`${number}) ${heading}`, { italics: title })], { keepNext: title });
  }
  if (number === '-' || number === '+') return bodyParagraph([run(`${number} ${heading}`)]);
  return bodyParagraph([run(number === '' ? heading : `${number}. ${heading}`)]);
}

/** A section, its paragraphs and its children, depth first, as the signed plan reads. */
function sectionParagraphs(section: PlanSection): Paragraph[] {
  const out: Paragraph[] = [];
  const heading = headingParagraph(section);
  if (heading) out.push(heading);
  for (const text of section.paragraphs) {
    const clean = normalizeText(text);
    if (clean !== '') out.push(bodyParagraph([run(clean)]));
  }
  for (const child of section.children) out.push(...sectionParagraphs(child));
  return out;
}

/** Every text of a section tree, folded, to find out what the sections already say. */
function foldedTexts(sections: PlanSection[]): string[] {
  return sections.flatMap((s) => [foldVi(`${s.heading} ${s.paragraphs.join(' ')}`).replace(/\s+/g, ' '), ...foldedTexts(s.children)]);
}

/** True when the sections hold the budget already: a "Kinh phí …" heading or its very text. */
export function sectionsCoverBudget(plan: PlanDocument): boolean {
  const texts = foldedTexts(plan.sections);
  if (texts.some((t) => t.startsWith('kinh phi'))) return true;
  const budget = plan.budgetText ? foldVi(plan.budgetText).replace(/\s+/g, ' ').trim().slice(0, 60) : '';
  return budget !== '' && texts.some((t) => t.includes(budget));
}

const money = new Intl.NumberFormat('vi-VN');

function budgetLineText(line: BudgetLine): string {
  const amount = line.amount === null ? '' : `: ${money.format(line.amount)} đồng`;
  const source = line.source ? ` (${line.source})` : '';
  return `- ${line.item}${amount}${source};`;
}

/**
 * The budget as a section of its own when the imported sections do not hold it: placed before
 * "Tổ chức thực hiện" (where plans put it), with the Roman numbers of the sections renumbered.
 */
export function sectionsWithBudget(plan: PlanDocument): PlanSection[] {
  const hasBudget = (plan.budgetText ?? '').trim() !== '' || plan.budgetLines.length > 0;
  if (!hasBudget || sectionsCoverBudget(plan)) return plan.sections;
  const budget: PlanSection = {
    number: 'I',
    heading: 'KINH PHÍ THỰC HIỆN',
    paragraphs: [...(plan.budgetText ? [plan.budgetText] : []), ...plan.budgetLines.map(budgetLineText)],
    children: [],
  };
  const closing = plan.sections.findIndex((s) => foldVi(s.heading).startsWith('to chuc thuc hien'));
  const at = closing === -1 ? plan.sections.length : closing;
  const merged = [...plan.sections.slice(0, at), budget, ...plan.sections.slice(at)];
  if (!plan.sections.every((s) => ROMAN.test(s.number.trim()))) return merged;
  return merged.map((s, i) => ({ ...s, number: toRoman(i + 1) }));
}

function toRoman(n: number): string {
  const table: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) {
    while (rest >= value) { out += letters; rest -= value; }
  }
  return out;
}

/** The whole body between the subject and the signature. */
export function bodyParagraphs(plan: PlanDocument, issuer: string): Paragraph[] {
  return [...basisParagraphs(plan, issuer), ...sectionsWithBudget(plan).flatMap(sectionParagraphs)];
}

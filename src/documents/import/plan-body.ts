/**
 * Everything before the appendix, cut into zones by landmarks every Decree 30 plan has: header,
 * "KẾ HOẠCH" and its subject, basis, numbered sections, closing ("Trên đây…", signature, "Nơi
 * nhận"). A plan issued inside a decision ("QUYẾT ĐỊNH … Điều 1. Ban hành kèm theo Quyết định
 * này Kế hoạch …") has the decision's header, basis and signature, then the plan itself.
 */
import type { BasisRef, PlanSection } from '../plan-document.ts';
import { isBasisParagraph, parseBasis } from './basis.ts';
import { parseClosing, type Closing } from './closing.ts';
import { parseHeader, type HeaderFacts } from './header.ts';
import { clean, joinWrapped, type Paragraph } from './lines.ts';
import { classifyLabel } from './numbering.ts';
import { buildSections } from './sections.ts';

export interface PlanBody {
  header: HeaderFacts;
  isDecision: boolean;
  /** The subject under "KẾ HOẠCH" (or from the decision's Điều 1); '' when not found. */
  title: string;
  basis: BasisRef[];
  sections: PlanSection[];
  closing: Closing;
  /** "(Kèm theo Quyết định số …)" under the plan's title, when it is issued by a decision. */
  attachment: string | null;
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
    // A subject ends with its year ("… năm 2024"); an intro ending "như sau:" is no subject.
    if (/năm \d{4}\.?$/u.test(line) || /:$/.test(line)) { i++; break; }
  }
  return { title: clean(parts.join(' ')), next: i };
}

function firstIndex(paras: readonly Paragraph[], test: (p: Paragraph) => boolean, from = 0): number {
  for (let i = from; i < paras.length; i++) if (test(paras[i] as Paragraph)) return i;
  return -1;
}

function isSectionStart(p: Paragraph): boolean {
  const label = classifyLabel(p.text);
  return label !== null && (label.kind === 'roman' || label.kind === 'group' || (label.kind === 'arabic' && label.depth === 1));
}

/** "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền … năm 2025 của …" → the subject. */
function titleFromArticle(article: string): string {
  const m = /Kế hoạch\s+(.+?)(?:\s+của\s+.*)?\.?$/u.exec(article.replace(/^.*?kèm theo Quyết định này\s*/iu, ''));
  return m?.[1] ? m[1].charAt(0).toUpperCase() + m[1].slice(1).replace(/\.$/, '') : '';
}

export function readPlanBody(lines: readonly string[], end: number, options: { paragraphs?: boolean }): PlanBody {
  const docAt = lines.findIndex((l, i) => i < end && (PLAN_TITLE.test(clean(l)) || DECISION_TITLE.test(clean(l))));
  const isDecision = docAt >= 0 && DECISION_TITLE.test(clean(lines[docAt] ?? ''));
  const planAt = isDecision ? lines.findIndex((l, i) => i > docAt && i < end && PLAN_TITLE.test(clean(l))) : docAt;
  const header = parseHeader(docAt > 0 ? lines.slice(0, docAt) : []);
  const decision = isDecision ? joinWrapped(lines, { ...options, from: docAt + 1, to: planAt >= 0 ? planAt : end }) : [];

  const subject = planAt >= 0
    ? readTitle(lines, planAt + 1, end, PLAN_TITLE.exec(clean(lines[planAt] ?? ''))?.[1])
    : { title: '', next: isDecision ? end : Math.max(docAt + 1, 0) };
  const paras = joinWrapped(lines, { ...options, from: subject.next, to: end });

  const sectionAt = firstIndex(paras, isSectionStart);
  const closingAt = firstIndex(paras, (p) => CLOSING.test(p.text), Math.max(sectionAt, 0));
  const intro = paras.slice(0, sectionAt >= 0 ? sectionAt : closingAt >= 0 ? closingAt : paras.length);
  const body = sectionAt >= 0 ? paras.slice(sectionAt, closingAt >= 0 ? closingAt : paras.length) : [];
  // PlanDocument has no place for the closing sentence ("Trên đây là Kế hoạch …"); as the
  // Decree 30 writer expects, it stays a paragraph of the last section so no text is lost.
  const closingPara = closingAt >= 0 ? paras[closingAt] : undefined;
  if (sectionAt >= 0 && closingPara && /^Trên đây/u.test(closingPara.text)) body.push(closingPara);

  // Closing lines: the decision's (after its last article) and the plan's own.
  const closingLines: string[] = [];
  if (isDecision) {
    const lastArticle = decision.reduce((at, p, i) => (/^Điều\s+\d+/u.test(p.text) ? i : at), -1);
    closingLines.push(...lines.slice((decision[lastArticle]?.end ?? docAt) + 1, planAt >= 0 ? planAt : end));
  }
  if (closingPara) closingLines.push(...lines.slice(closingPara.start, end));

  const article1 = decision.find((p) => /^Điều\s+1\b/u.test(p.text))?.text ?? '';
  return {
    header,
    isDecision,
    title: subject.title || titleFromArticle(article1),
    basis: [...decision, ...intro].filter((p) => isBasisParagraph(p.text)).flatMap((p) => parseBasis(p.text)),
    sections: buildSections(body.map((p) => p.text)).sections,
    closing: parseClosing(closingLines),
    attachment: intro.slice(0, 3).map((p) => p.text).find((t) => /^\(?\s*Kèm theo/iu.test(t)) ?? null,
  };
}

/**
 * The numbered body of a plan (I. → 1. → 1.1. → a) → - → +) as a tree, and the budget it states.
 * Nesting follows the label kinds' Decree 30 order, so a plan that starts at "1." or skips
 * "a)" still nests correctly.
 */
import { foldVi } from '../../platform/vi-text.ts';
import type { BudgetLine, PlanSection } from '../plan-document.ts';
import { classifyLabel, labelRank } from './numbering.ts';

export function buildSections(paragraphs: readonly string[]): { sections: PlanSection[]; intro: string[] } {
  const roots: PlanSection[] = [];
  const intro: string[] = [];
  const stack: { rank: number; node: PlanSection }[] = [];
  for (const text of paragraphs) {
    const label = classifyLabel(text);
    if (!label) {
      const open = stack[stack.length - 1];
      if (open) open.node.paragraphs.push(text);
      else intro.push(text);
      continue;
    }
    const rank = labelRank(label);
    const node: PlanSection = { number: label.label, heading: label.rest, paragraphs: [], children: [] };
    while (stack.length && (stack[stack.length - 1]?.rank ?? 0) >= rank) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ rank, node });
  }
  return { sections: roots, intro };
}

function flatten(section: PlanSection): string[] {
  return [section.heading, ...section.paragraphs, ...section.children.flatMap(flatten)].filter(Boolean);
}

function findBudget(sections: readonly PlanSection[]): PlanSection | null {
  for (const s of sections) {
    if (/^kinh phi\b/.test(foldVi(s.heading))) return s;
    const inner = findBudget(s.children);
    if (inner) return inner;
  }
  return null;
}

/**
 * The budget section's text without its label: "4. Kinh phí thực hiện: Bố trí từ nguồn …" gives
 * "Bố trí từ nguồn …"; under a caps heading ("V. KINH PHÍ THỰC HIỆN") its body is the text.
 */
export function budgetText(sections: readonly PlanSection[]): string | null {
  const s = findBudget(sections);
  if (!s) return null;
  const labelled = /^([^:]{0,40}):\s*(.*)$/su.exec(s.heading);
  const lead = labelled ? labelled[2] ?? '' : s.paragraphs.length || s.children.length ? '' : s.heading;
  // The plan's closing sentence may end the last section, which can be the budget item.
  const parts = [lead, ...s.paragraphs, ...s.children.flatMap(flatten)].filter((t) => t && !/^Trên đây/u.test(t));
  return parts.join('\n') || null;
}

const AMOUNT = /(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|đ\b|VNĐ|VND)/iu;
const SCALE: Record<string, number> = { tỷ: 1e9, triệu: 1e6, nghìn: 1e3, ngàn: 1e3 };

/** Amounts the budget text states ("Tổ chức hội nghị: 15.000.000 đồng"), one line per amount. */
export function budgetLines(text: string | null): BudgetLine[] {
  if (!text) return [];
  const lines: BudgetLine[] = [];
  for (const clause of text.split(/\n|;/)) {
    const m = AMOUNT.exec(clause);
    if (!m?.[1]) continue;
    const scale = m[2] ? SCALE[m[2].toLowerCase()] ?? 1 : 1;
    const digits = scale === 1 ? m[1].replace(/[.,]/g, '') : m[1].replace(/\./g, '').replace(',', '.');
    const amount = Number(digits) * scale;
    const item = clause.slice(0, m.index).replace(/^[-–+•\s]+/, '').replace(/[:\s,–-]+$/, '').trim();
    const source = /nguồn\s+([^.;,]+)/iu.exec(clause)?.[1]?.trim() ?? null;
    lines.push({ item: item || clause.trim(), amount: Number.isFinite(amount) ? Math.round(amount) : null, source });
  }
  return lines;
}

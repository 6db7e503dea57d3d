/**
 * The real Bắc Giang 2024 plan (text extracted from its signed PDF) must import to exactly what
 * its expected.json lists. The comparison walks expected.json, so every field it names is
 * checked and nothing else is assumed; texts are compared with white space runs collapsed.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../src/documents/import/text-plan.ts';
import type { PlanDocument, PlanSection } from '../../../src/documents/plan-document.ts';
import { normalise, project, squash } from './expected-compare.ts';
import { fixtureJson, fixtureText, sharedExists, sharedText } from './fixtures.ts';

const TEXT = 'bdt-bacgiang-2024.txt';
const EXPECTED = 'bdt-bacgiang-2024.expected.json';

interface ExpectedSection { number: string; heading: string; subsections?: string[]; items?: number }
interface Expected {
  plan: Record<string, unknown> & { sections: ExpectedSection[] };
  appendix: Record<string, unknown> & { tasks: Record<string, unknown>[] };
}

const expected = fixtureJson<Expected>(EXPECTED);
const plan = parsePlanText(fixtureText(TEXT));

function sectionView(actual: PlanSection, want: ExpectedSection): ExpectedSection {
  return {
    number: actual.number,
    heading: squash(actual.heading),
    ...(want.subsections ? { subsections: actual.children.map((c) => squash(c.heading)) } : {}),
    ...(want.items !== undefined ? { items: actual.children.length } : {}),
  };
}

describe('Bắc Giang 2024 plan (real fixture)', () => {
  const planKeys = Object.keys(expected.plan).filter((k) => k !== 'sections');
  it.each(planKeys)('plan.%s is as expected', (key) => {
    const actual = (plan as unknown as Record<string, unknown>)[key];
    expect(project(actual, expected.plan[key])).toEqual(normalise(expected.plan[key]));
  });

  it('plan.sections: numbers, headings, subsection titles and item counts', () => {
    expect(plan.sections).toHaveLength(expected.plan.sections.length);
    expected.plan.sections.forEach((want, i) => {
      const actual = plan.sections[i];
      expect(actual, `section ${want.number}`).toBeDefined();
      expect(sectionView(actual as PlanSection, want)).toEqual(normalise(want));
    });
  });

  const appendixKeys = Object.keys(expected.appendix).filter((k) => k !== 'tasks');
  it.each(appendixKeys)('appendix.%s is as expected', (key) => {
    const actual = (plan.appendix as unknown as Record<string, unknown>)[key];
    expect(project(actual, expected.appendix[key])).toEqual(normalise(expected.appendix[key]));
  });

  it('appendix.tasks: same count', () => {
    expect(plan.appendix?.tasks).toHaveLength(expected.appendix.tasks.length);
  });

  it.each(expected.appendix.tasks.map((t, i) => [i, t] as const))('appendix.tasks[%i] is as expected', (i, want) => {
    const actual = plan.appendix?.tasks[i];
    expect(project(actual, want)).toEqual(normalise(want));
    // A task the expectation gives no own number ("-" rows) must not invent one.
    if (!('code' in want)) expect(actual?.code).toBeUndefined();
  });

  it('warns only about what this unsigned extract really lacks', () => {
    const paths = plan.warnings.map((w) => w.path).sort();
    expect(paths).toEqual(['plan.numberText', 'plan.signDate']);
    for (const w of plan.warnings) expect(w.message).toMatch(/\p{L}/u);
  });

  it('keeps the fields the extract has no source for empty', () => {
    const empty: Partial<PlanDocument> = { parentAgency: null, place: null, signDate: null, signer: null };
    expect(plan).toMatchObject(empty);
  });

  it.runIf(sharedExists(TEXT) && sharedExists(EXPECTED))('the copy under test/fixtures is byte-identical to the shared fixture', () => {
    expect(fixtureText(TEXT)).toBe(sharedText(TEXT));
    expect(fixtureText(EXPECTED)).toBe(sharedText(EXPECTED));
  });
});

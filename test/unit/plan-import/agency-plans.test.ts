/**
 * Plans of agencies other than Ban Dân tộc Bắc Giang (agency-plans.ts), each imported from every
 * form a reviewer may upload: the DOCX, its PDF as LibreOffice prints it (stored fixture: table
 * cells wrap over lines and columns interleave in the text layer), the appendix as XLSX, and
 * the text pasted from Word. Every form must give the plan as written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlanFile } from '../../../src/documents/import/extract.ts';
import type { PlanDocument } from '../../../src/documents/plan-document.ts';
import { bacGiangPlan } from '../decree30/plans.ts';
import { AGENCY_PLANS, expectedAppendix, type AgencyPlan } from './agency-plans.ts';
import { planDocx, planText, planXlsx } from './agency-render.ts';

type Format = 'docx' | 'pdf' | 'xlsx' | 'text';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function load(plan: AgencyPlan, format: Format): Promise<PlanDocument> {
  switch (format) {
    case 'docx': return importPlanFile({ name: `${plan.id}.docx`, bytes: new Uint8Array(await planDocx(plan)) });
    case 'pdf': return importPlanFile({ name: `${plan.id}.pdf`, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/plans/agencies/${plan.id}.pdf`, import.meta.url))) });
    case 'xlsx': return importPlanFile({ name: `${plan.id}.xlsx`, bytes: await planXlsx(plan) });
    case 'text': return importPlanFile({ name: `${plan.id}.txt`, bytes: new TextEncoder().encode(planText(plan)) });
  }
}

function taskView(doc: PlanDocument): Record<string, unknown>[] {
  return (doc.appendix?.tasks ?? []).map((t) => ({
    group: t.group,
    ...(t.code === undefined ? {} : { code: t.code }),
    content: squash(t.content),
    lead: squash(t.lead),
    coop: t.coop.map(squash),
    product: squash(t.product),
    dueText: squash(t.dueText),
    end: t.due?.end ?? null,
  }));
}

const cases = AGENCY_PLANS.flatMap((plan) => (['docx', 'pdf', 'xlsx', 'text'] as const).map((format) => [plan.id, format, plan] as const));

describe.each(cases)('%s as %s', (_id, format, plan) => {
  const doc = load(plan, format);
  const want = plan.expect;
  const appendix = expectedAppendix(plan);

  it('reads the appendix table: title, columns, groups and every task', async () => {
    const d = await doc;
    expect(squash(d.appendix?.title ?? '')).toBe(want.appendixTitle);
    expect(d.appendix?.columns).toEqual(want.columns);
    expect(d.appendix?.groups).toEqual(appendix.groups);
    expect(taskView(d)).toEqual(appendix.tasks);
    expect(d.year).toBe(want.year);
  });

  it.skipIf(format === 'xlsx')('reads the plan: header, title, basis, sections, recipients and signer', async () => {
    const d = await doc;
    expect({
      title: d.title, year: d.year, issuer: d.issuer, parentAgency: d.parentAgency, province: d.province,
      numberText: d.numberText, place: d.place, signDate: d.signDate,
    }).toEqual({
      title: want.title, year: want.year, issuer: want.issuer, parentAgency: want.parentAgency, province: want.province,
      numberText: want.numberText, place: want.place, signDate: want.signDate,
    });
    expect(d.basis.map((b) => b.number)).toEqual(want.basis);
    expect(d.sections.map((s) => [s.number, squash(s.heading)])).toEqual(want.sections);
    expect(d.recipients).toEqual(want.recipients);
    expect(d.signer).toEqual(want.signer);
  });

  it.runIf(format === 'xlsx')('takes the plan facts from the "Kèm theo" line', async () => {
    const d = await doc;
    expect({ numberText: d.numberText, signDate: d.signDate }).toEqual({ numberText: want.numberText, signDate: want.signDate });
  });

  it('warns only about deadlines it cannot read (and a decision\'s number)', async () => {
    const d = await doc;
    const unread = appendix.tasks.flatMap((t, i) => (t.end === null ? [`appendix.tasks[${i}].due`] : []));
    const paths = d.warnings.map((w) => w.path).filter((p) => p !== 'plan.numberText' || !plan.decision);
    const allowed = format === 'xlsx' ? ['plan.sections', 'plan.title'] : [];
    expect(paths.filter((p) => !allowed.includes(p)).sort()).toEqual(unread.sort());
  });
});

describe("the Decree 30 writer's plan printed to PDF by LibreOffice", () => {
  // Its appendix cells are centred vertically, the table runs over a page break and its header
  // is printed again on the new page.
  const plan = bacGiangPlan();
  const doc = importPlanFile({ name: 'ke-hoach.pdf', bytes: new Uint8Array(readFileSync(new URL('../../fixtures/plans/agencies/decree30-bacgiang.pdf', import.meta.url))) });

  it('gives back the task table it was written from', async () => {
    const d = await doc;
    expect(d.appendix?.columns).toEqual(plan.appendix?.columns);
    expect(d.appendix?.groups).toEqual(plan.appendix?.groups);
    expect(d.appendix?.tasks.map((t) => ({ ...t, content: squash(t.content) }))).toEqual(plan.appendix?.tasks.map((t) => ({ ...t, content: squash(t.content) })));
    expect(d.warnings).toEqual([]);
  });

  it('and the plan around it', async () => {
    const d = await doc;
    expect({ title: d.title, numberText: d.numberText, signDate: d.signDate, issuer: d.issuer, recipients: d.recipients })
      .toEqual({ title: plan.title, numberText: plan.numberText, signDate: plan.signDate, issuer: plan.issuer, recipients: plan.recipients });
    expect(d.sections.map((s) => s.number)).toEqual(plan.sections.map((s) => s.number));
  });
});

/**
 * What Minh Bạch writes it must read back: the Decree 30 DOCX and the XLSX appendix produced by
 * src/documents/{decree30,xlsx} import to the plan they were written from.
 */
import { describe, expect, it } from 'vitest';
import { writePlanDocx } from '../../../src/documents/decree30/plan-docx.ts';
import { importPlanFile } from '../../../src/documents/import/extract.ts';
import type { PlanDocument } from '../../../src/documents/plan-document.ts';
import { writePlanTasksXlsx } from '../../../src/documents/xlsx/plan-tasks-xlsx.ts';
import { BAC_GIANG_HEADER, bacGiangPlan } from '../decree30/plans.ts';

describe('round trip through the writers', () => {
  const plan = bacGiangPlan();

  it('Decree 30 DOCX → same plan', async () => {
    const back = await importPlanFile({ name: 'ke-hoach.docx', bytes: new Uint8Array(await writePlanDocx(plan, BAC_GIANG_HEADER)) });
    expect(back.warnings).toEqual([]);
    const { basis, signer, ...rest } = back;
    const { basis: wantBasis, signer: wantSigner, ...wantRest } = plan;
    expect(rest).toEqual(wantRest);
    // The printed signature block is in capitals; a basis' text stops at its issuer (its subject follows).
    expect(signer).toEqual({ authority: wantSigner?.authority?.toUpperCase(), title: wantSigner?.title.toUpperCase(), name: wantSigner?.name });
    expect(basis.map((b) => ({ ...b, text: '' }))).toEqual(wantBasis.map((b) => ({ ...b, text: '' })));
    basis.forEach((b, i) => expect(wantBasis[i]?.text.startsWith(b.text)).toBe(true));
  });

  it('XLSX appendix → same task table', async () => {
    const back: PlanDocument = await importPlanFile({ name: 'phu-luc.xlsx', bytes: new Uint8Array(await writePlanTasksXlsx(plan)) });
    expect(back.appendix).toEqual(plan.appendix);
    expect(back.year).toBe(2024);
  });
});

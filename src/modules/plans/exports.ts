import type { Actor } from '../../platform/access.ts';
import type { PlansService } from './service.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Prints a plan in the Decree 30 layout (DOCX) or its task table (XLSX), with the names of its date. */
export function createPlanExports(plans: PlansService) {
  return {
    async export(actor: Actor | undefined, planId: string, format: 'docx' | 'xlsx') {
      const { document, names, view } = await plans.document(actor, planId);
      const base = `Ke-hoach-${view.year}${view.numberText ? `-${view.numberText.replace(/[^\w-]+/g, '-')}` : ''}`;
      // The writers pull in docx and exceljs: loaded on first export, not at every start.
      if (format === 'xlsx') {
        const { writePlanTasksXlsx } = await import('../../documents/xlsx/plan-tasks-xlsx.ts');
        return { name: `${base}-phu-luc.xlsx`, mime: XLSX_MIME, bytes: await writePlanTasksXlsx(document) };
      }
      const { writePlanDocx } = await import('../../documents/decree30/plan-docx.ts');
      const header = {
        parentAgency: names?.parentName ?? null,
        agency: names?.name ?? view.issuer ?? '',
        agencyHeader: names?.shortName,
        place: view.place ?? names?.place ?? view.province ?? '',
      };
      return { name: `${base}.docx`, mime: DOCX_MIME, bytes: await writePlanDocx(document, header) };
    },
  };
}

export type PlanExports = ReturnType<typeof createPlanExports>;

import { readFile } from 'node:fs/promises';
import type { PlanImports } from './import-service.ts';
import type { PlansService } from './service.ts';

/** The seed agency's real 2024 plan, as extracted from its signed PDF (same bytes as the shared fixture). */
export const SEED_PLAN_FILE = new URL('../../../seed/plans/bdt-bacgiang-2024.txt', import.meta.url);

/**
 * Loads the seed plan through the same importer users use, when the agency has no plan yet,
 * and puts it in force (it was signed in February 2024) so the portal shows it.
 */
/** Returns the new plan's id, or null when the agency already had a plan. */
export async function seedPlans(deps: { plans: PlansService; imports: PlanImports }, agencyId: string): Promise<string | null> {
  if (await deps.plans.hasPlans(agencyId)) return null;
  const bytes = await readFile(SEED_PLAN_FILE);
  const document = await deps.imports.read({ file: { name: 'bdt-bacgiang-2024.txt', mime: 'text/plain', base64: bytes.toString('base64') } });
  const plan = await deps.plans.createFromDocumentAs({ agencyId }, document, { name: 'Kế hoạch tuyên truyền CCHC năm 2024 (văn bản trích từ bản ký).txt', mime: 'text/plain; charset=utf-8', bytes });
  await deps.plans.putInForceAs(agencyId, plan.id, 'Kế hoạch đã ký, nạp từ văn bản gốc');
  return plan.id;
}

import type { OrgService } from '../org/service.ts';
import type { PlansService } from '../plans/service.ts';
import type { EvidenceService } from './service.ts';

/**
 * Demo evidence for the seed plan's year, so the dashboard and a first-quarter report show
 * numbers on first start. Every row is flagged demo and titled "(mẫu)"; nothing here is a real
 * result of the agency. Deterministic, so every fresh start shows the same figures.
 */
export async function seedDemoEvidence(deps: { evidence: EvidenceService; plans: PlansService; org: OrgService }, agencyId: string, planId: string): Promise<number> {
  const plan = await deps.plans.planTasks(agencyId, planId);
  if (!plan) return 0;
  const { units, groups } = await deps.org.unitDirectory(agencyId);
  const coordinator = units.find((u) => u.isCoordinator)?.id ?? units[0]?.id ?? null;
  const year = plan.year;
  const date = (month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  let count = 0;
  const add = async (input: Parameters<EvidenceService['recordDemo']>[1]) => {
    await deps.evidence.recordDemo(agencyId, input);
    count += 1;
  };
  for (const [i, t] of plan.tasks.filter((x) => x.kind === 'task').entries()) {
    const unitId = t.lead.unitId ?? groups.find((g) => g.id === t.lead.groupId)?.unitIds[0] ?? coordinator;
    const kinds = t.productKinds;
    const base = { planId, taskIds: [t.id], unitId };
    if (kinds.includes('plan')) {
      await add({ ...base, kind: 'document', date: date(2, 5), title: 'Kế hoạch tuyên truyền CCHC được ký ban hành', quantities: { documents: 1 } });
      continue;
    }
    if (kinds.includes('contest')) await add({ ...base, kind: 'event', date: date(8, 20 + (i % 5)), title: 'Lồng ghép tuyên truyền CCHC tại hội thi', quantities: { contests: 1, participants: 120 + 10 * i } });
    if (kinds.includes('conference') || kinds.includes('training')) {
      await add({ ...base, kind: 'event', date: date(3, 8 + i), title: 'Hội nghị tập huấn ở cơ sở có lồng ghép nội dung CCHC', quantities: { conferences: 1, participants: 90 + 5 * i } });
      await add({ ...base, kind: 'event', date: date(9, 10 + i), title: 'Hội nghị cung cấp thông tin cho người có uy tín', quantities: { conferences: 1, participants: 110 + 5 * i } });
    }
    if (kinds.includes('article') || kinds.includes('document')) {
      for (let month = 1; month <= 12; month++) {
        const n = 1 + ((i + month) % 3);
        await add({ ...base, kind: 'article', date: date(month, 6 + ((i * 3 + month) % 20)), title: `Tin, bài tuyên truyền CCHC tháng ${month}/${year}`, quantities: { articles: n } });
      }
    }
  }
  return count;
}

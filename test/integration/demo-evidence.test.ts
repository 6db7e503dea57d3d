import { describe, expect, it } from 'vitest';
import { seedDemoEvidence } from '../../src/modules/evidence/demo.ts';
import { seedPlans } from '../../src/modules/plans/seed.ts';
import { systemReader } from '../../src/platform/access.ts';
import { createTestApp, DEMO } from '../support/test-app.ts';

describe('demo evidence on the seed plan', () => {
  it('gives the dashboard and a first-quarter report numbers, every row marked demo', async () => {
    const t = await createTestApp('sqlite');
    try {
      const admin = await t.login(DEMO.admin);
      const planId = (await seedPlans({ plans: t.services.plans, imports: t.services.planImports }, admin.agencyId))!;
      const count = await seedDemoEvidence(t.services, admin.agencyId, planId);
      expect(count).toBeGreaterThan(40);
      const all = await t.services.evidence.list(systemReader(admin.agencyId), { planId });
      expect(all).toHaveLength(count);
      expect(all.every((e) => e.isDemo && e.title.endsWith('(mẫu)') && e.date.startsWith('2024-'))).toBe(true);
      const q1 = await t.services.evidence.progress(systemReader(admin.agencyId), planId, '2024-03-14');
      expect(q1.totals.articles).toBeGreaterThan(0);
      expect(q1.totals.conferences).toBeGreaterThan(0);
      expect(q1.byStatus.done).toBeGreaterThanOrEqual(1); // the plan itself, signed in February
      expect(q1.completionRate).toBe(1);
    } finally {
      await t.close();
    }
  });
});

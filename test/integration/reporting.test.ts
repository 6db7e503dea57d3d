import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import { createReportingService } from '../../src/modules/reporting/service.ts';
import type { Actor } from '../../src/platform/access.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type TestApp } from '../support/test-app.ts';

describe.each(ENGINES)('unit reports on %s', (engine) => {
  let t: TestApp;
  let clock = '2024-03-01';
  let reporting: ReturnType<typeof createReportingService>;
  const actors: Record<string, Actor> = {};
  let planId: string;
  let khttUnit: string;
  let ktTask: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const { services } = t;
    reporting = createReportingService({ database: t.db.database, audit: services.audit, org: services.org, plans: services.plans, evidence: services.evidence, today: () => clock });
    for (const [k, email] of Object.entries({ coordinator: DEMO.coordinator, staff: DEMO.staff, head: DEMO.unitHead, editor: DEMO.editor })) {
      const s = await t.login(email);
      actors[k] = (await services.auth.loadActor(s.userId, s.agencyId))!;
    }
    const plan = await services.plans.createFromDocumentAs({ agencyId: actors.coordinator!.agencyId }, await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') }));
    planId = plan.id;
    khttUnit = actors.staff!.unitId!;
    ktTask = plan.tasks.find((x) => x.lead.text === 'Phòng KH-TT')!.id;
    await services.evidence.record(actors.staff, { planId, taskIds: [ktTask], kind: 'event', date: '2024-02-20', title: 'Hội thi tìm hiểu pháp luật', quantities: { contests: 1, participants: 150 } });
    await services.evidence.record(actors.staff, { planId, taskIds: [ktTask], kind: 'article', date: '2024-04-02', title: 'Tin sau kỳ', quantities: { articles: 1 } });
  });
  afterAll(() => t.close());

  it('opens periods with the decree\'s dates once per code', async () => {
    const q1 = await reporting.openPeriod(actors.coordinator, { planId, code: '2024-Q1' });
    expect(q1).toMatchObject({ label: 'Quý I/2024', startDate: '2023-12-15', endDate: '2024-03-14', submitDue: '2024-03-16', lockDate: '2024-03-24', status: 'open' });
    await expect(reporting.openPeriod(actors.coordinator, { planId, code: '2024-Q1' })).rejects.toMatchObject({ status: 409 });
    await expect(reporting.openPeriod(actors.coordinator, { planId, code: '2024-Q7' })).rejects.toMatchObject({ status: 400 });
    await expect(reporting.openPeriod(actors.staff, { planId, code: '2024-Q2' })).rejects.toMatchObject({ status: 403 });
    await expect(reporting.openPeriod(actors.coordinator, { planId, code: '2024-02', lockDate: '2024-01-01' })).rejects.toMatchObject({ status: 400 });
  });

  it('pre-fills the unit report from its evidence in the period, then runs write → approve → submit → return → accept', async () => {
    const [q1] = await reporting.listPeriods(actors.coordinator, planId);
    const draft = await reporting.getReport(actors.staff, q1!.id, khttUnit);
    const task = draft.tasks.find((x) => x.taskId === ktTask)!;
    expect(task.role).toBe('lead');
    expect(task.totals).toEqual({ contests: 1, participants: 150 });
    expect(task.evidence.map((e) => e.title)).toEqual(['Hội thi tìm hiểu pháp luật']);
    // The unit co-operates on the HC-TH tasks through "Các phòng chuyên môn".
    expect(draft.tasks.filter((x) => x.role === 'coop').length).toBeGreaterThan(3);

    await expect(reporting.getReport(actors.staff, q1!.id, actors.coordinator!.unitId!)).rejects.toMatchObject({ status: 403 });
    await reporting.saveReport(actors.staff, q1!.id, khttUnit, { narratives: { [ktTask]: 'Đã tổ chức hội thi với 150 người tham dự.' }, difficulties: 'Kinh phí hạn chế', proposals: 'Bổ sung kinh phí' });
    await reporting.requestApproval(actors.staff, q1!.id, khttUnit);
    await expect(reporting.saveReport(actors.staff, q1!.id, khttUnit, { difficulties: 'sửa khi chờ duyệt' })).rejects.toMatchObject({ status: 409 });
    await expect(reporting.approveAndSubmit(actors.staff, q1!.id, khttUnit)).rejects.toMatchObject({ status: 403 });
    clock = '2024-03-18'; // after the submission deadline (16/3), before the lock (24/3)
    const submitted = await reporting.approveAndSubmit(actors.head, q1!.id, khttUnit);
    expect(submitted).toMatchObject({ status: 'submitted', late: true });
    const again = await reporting.approveAndSubmit(actors.head, q1!.id, khttUnit);
    expect(again.history.filter((h) => h.action === 'submit')).toHaveLength(1);

    const returned = await reporting.returnReport(actors.coordinator, q1!.id, khttUnit, 'Bổ sung số liệu tin bài');
    expect(returned).toMatchObject({ status: 'returned', editable: true });
    await reporting.saveReport(actors.staff, q1!.id, khttUnit, { proposals: 'Bổ sung kinh phí; tập huấn thêm' });
    await reporting.approveAndSubmit(actors.head, q1!.id, khttUnit);
    const accepted = await reporting.accept(actors.coordinator, q1!.id, khttUnit, 'Đạt');
    expect(accepted.status).toBe('accepted');
    expect(accepted.history.map((h) => h.action)).toEqual(['save', 'request_approval', 'submit', 'return', 'save', 'submit', 'accept']);
    expect(accepted.history.find((h) => h.action === 'return')?.comment).toBe('Bổ sung số liệu tin bài');
    expect(accepted.tasks.find((x) => x.taskId === ktTask)?.narrative).toBe('Đã tổ chức hội thi với 150 người tham dự.');

    const list = await reporting.listReports(actors.coordinator, q1!.id);
    expect(list.reports.find((r) => r.unitId === khttUnit)).toMatchObject({ status: 'accepted', late: true });
    expect(list.reports.filter((r) => r.status === 'not_started').length).toBeGreaterThan(0);
    expect((await reporting.listReports(actors.staff, q1!.id)).reports.map((r) => r.unitId)).toEqual([khttUnit]);
  });

  it('after the lock date only the coordinator can reopen', async () => {
    const period = await reporting.openPeriod(actors.coordinator, { planId, code: '2024-02' });
    clock = '2024-03-10'; // lock date of February is 24/02 + … = after 10 days past 14/02
    await expect(reporting.saveReport(actors.staff, period.id, khttUnit, { difficulties: 'muộn' })).rejects.toMatchObject({ status: 409 });
    await expect(reporting.reopen(actors.staff, period.id, khttUnit, 'xin mở')).rejects.toMatchObject({ status: 403 });
    await reporting.reopen(actors.coordinator, period.id, khttUnit, 'Cho phép bổ sung');
    const saved = await reporting.saveReport(actors.staff, period.id, khttUnit, { difficulties: 'Bổ sung sau khi mở lại' });
    expect(saved).toMatchObject({ difficulties: 'Bổ sung sau khi mở lại', editable: true });
  });

  it('the coordinator moves a period\'s dates, keeping them in order, and can close it', async () => {
    const period = await reporting.openPeriod(actors.coordinator, { planId, code: '2024-05' });
    const moved = await reporting.updatePeriod(actors.coordinator, period.id, { lockDate: '2024-06-30' });
    expect(moved).toMatchObject({ lockDate: '2024-06-30', submitDue: period.submitDue });
    await expect(reporting.updatePeriod(actors.coordinator, period.id, { submitDue: '2024-07-15' })).rejects.toMatchObject({ status: 400 });
    await expect(reporting.updatePeriod(actors.staff, period.id, { lockDate: '2024-07-30' })).rejects.toMatchObject({ status: 403 });
    expect((await reporting.updatePeriod(actors.coordinator, period.id, { status: 'closed' })).status).toBe('closed');
    clock = '2024-05-20';
    await expect(reporting.saveReport(actors.staff, period.id, khttUnit, { difficulties: 'x' })).rejects.toMatchObject({ status: 409 });
  });
});

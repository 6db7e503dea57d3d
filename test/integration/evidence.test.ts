import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

type Task = { id: string; kind: string; content: string; lead: { text: string } };
type Progress = { completionRate: number | null; tasksDue: number; byStatus: Record<string, number>; totals: Record<string, number>; tasks: { taskId: string; status: string; achieved: Record<string, number>; targets: { achieved: number }[]; evidenceCount: number }[]; units: { name: string; evidence: number }[]; months: { month: string; evidence: number }[] };

describe.each(ENGINES)('evidence and progress on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let staff: Session;
  let planId: string;
  let tasks: Task[];
  let ktTask: Task;
  let hcthTask: Task;

  beforeAll(async () => {
    t = await createTestApp(engine);
    coordinator = await t.login(DEMO.coordinator);
    staff = await t.login(DEMO.staff);
    const document = await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') });
    const plan = await t.services.plans.createFromDocumentAs({ agencyId: coordinator.agencyId }, document);
    planId = plan.id;
    tasks = plan.tasks.filter((x) => x.kind === 'task');
    ktTask = tasks.find((x) => x.lead.text === 'Phòng KH-TT')!;
    hcthTask = tasks.find((x) => x.lead.text === 'Phòng HC-TH' && x.content.startsWith('Công khai'))!;
  });
  afterAll(() => t.close());

  const post = (s: Session, body: object) => t.as(s, 'POST', '/api/evidence', { planId, date: '2024-03-10', kind: 'article', title: 'Tin bài', ...body });

  it('staff records evidence for their own unit on a task it leads; quantities count in progress', async () => {
    const res = await post(staff, { taskIds: [ktTask.id], kind: 'event', title: 'Hội thi tìm hiểu pháp luật', quantities: { contests: 1, participants: 120 }, link: 'https://example.vn/hoi-thi' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ quantities: { contests: 1, participants: 120 }, taskIds: [ktTask.id], status: 'active' });
    const p = (await t.as(staff, 'GET', `/api/plans/${planId}/progress?asOf=2024-04-01`)).json() as Progress;
    const row = p.tasks.find((x) => x.taskId === ktTask.id)!;
    expect(row).toMatchObject({ status: 'in_progress', achieved: { contests: 1, participants: 120 }, evidenceCount: 1 });
    expect(p.units.find((u) => u.name === 'Phòng KH-TT')!.evidence).toBe(1);
    expect(p.months).toEqual([{ month: '2024-03', evidence: 1, totals: { contests: 1, participants: 120 } }]);
  });

  it('staff may also report on tasks their unit co-operates on through "Các phòng chuyên môn", but not for another unit', async () => {
    expect((await post(staff, { taskIds: [hcthTask.id] })).statusCode).toBe(201);
    const units = (await t.as(coordinator, 'GET', '/api/units')).json() as { id: string; abbreviation: string }[];
    const hcth = units.find((u) => u.abbreviation === 'HC-TH')!;
    const forOther = await post(staff, { taskIds: [hcthTask.id], unitId: hcth.id });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().detail).toMatch(/đơn vị của mình/);
    // The coordinator records for any unit.
    expect((await post(coordinator, { taskIds: [hcthTask.id], unitId: hcth.id })).statusCode).toBe(201);
  });

  it('refuses negative quantities, unknown measures, dates outside the plan year and foreign tasks, writing nothing', async () => {
    const before = ((await t.as(coordinator, 'GET', `/api/evidence?planId=${planId}`)).json() as unknown[]).length;
    const cases = [
      { taskIds: [hcthTask.id], quantities: { articles: -1 } },
      { taskIds: [hcthTask.id], quantities: { likes: 3 } },
      { taskIds: [hcthTask.id], date: '2025-01-02' },
      { taskIds: ['khong-co'] },
      { taskIds: [] },
    ];
    for (const c of cases) {
      const res = await post(coordinator, c);
      expect(res.statusCode, JSON.stringify(c)).toBe(400);
      expect(res.json().detail).toMatch(/[À-ỹ]/);
    }
    expect(((await t.as(coordinator, 'GET', `/api/evidence?planId=${planId}`)).json() as unknown[]).length).toBe(before);
  });

  it('withdrawn evidence stays listed, marked, and stops counting', async () => {
    const created = (await post(coordinator, { taskIds: [tasks[0]!.id], date: '2024-02-10', kind: 'document', title: 'Kế hoạch số 05/KH-BDT' })).json() as { id: string };
    let p = (await t.as(coordinator, 'GET', `/api/plans/${planId}/progress?asOf=2024-03-01`)).json() as Progress;
    expect(p.tasks.find((x) => x.taskId === tasks[0]!.id)!.status).toBe('done');
    const res = await t.as(coordinator, 'POST', `/api/evidence/${created.id}/withdraw`, { reason: 'Nhập nhầm' });
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Nhập nhầm' });
    const all = (await t.as(coordinator, 'GET', `/api/evidence?planId=${planId}&includeWithdrawn=true`)).json() as { id: string; status: string }[];
    expect(all.find((e) => e.id === created.id)?.status).toBe('withdrawn');
    const active = (await t.as(coordinator, 'GET', `/api/evidence?planId=${planId}`)).json() as { id: string }[];
    expect(active.map((e) => e.id)).not.toContain(created.id);
    p = (await t.as(coordinator, 'GET', `/api/plans/${planId}/progress?asOf=2024-03-01`)).json() as Progress;
    expect(p.tasks.find((x) => x.taskId === tasks[0]!.id)!.status).toBe('overdue');
  });

  it('source items (portal articles and the like) record evidence once, update it, and withdraw it visibly', async () => {
    const { evidence } = t.services;
    const source = { type: 'article', id: 'bai-viet-1' };
    const input = { source, planId, taskIds: [hcthTask.id], kind: 'article' as const, date: '2024-05-02', unitId: null, title: 'Bài viết về một cửa' };
    const id = await evidence.recordFromSource(coordinator.agencyId, input);
    expect(await evidence.recordFromSource(coordinator.agencyId, { ...input, title: 'Bài viết về một cửa (sửa)' })).toBe(id);
    let list = (await t.as(coordinator, 'GET', `/api/evidence?taskId=${hcthTask.id}&includeWithdrawn=true`)).json() as { id: string; title: string; status: string; source: unknown }[];
    expect(list.filter((e) => e.id === id)).toEqual([expect.objectContaining({ title: 'Bài viết về một cửa (sửa)', status: 'active', source })]);
    expect(await evidence.withdrawSource(coordinator.agencyId, source, 'Bài viết bị gỡ khỏi Cổng')).toBe(true);
    expect(await evidence.withdrawSource(coordinator.agencyId, source, 'lần hai')).toBe(false);
    list = (await t.as(coordinator, 'GET', `/api/evidence?taskId=${hcthTask.id}&includeWithdrawn=true`)).json();
    expect(list.find((e) => e.id === id)).toMatchObject({ status: 'withdrawn' });
    // Manual withdrawal of source evidence is refused: the source owns it.
    expect((await t.as(coordinator, 'POST', `/api/evidence/${id}/withdraw`, { reason: 'x' })).statusCode).toBe(400);
  });

  it('computes targets, overdue, at-risk and the completion rate as of a date', async () => {
    const target = await t.as(coordinator, 'POST', `/api/plans/${planId}/tasks`, { content: 'Đăng 3 tin trước 30/4', lead: 'Phòng HC-TH', dueText: '30/4/2024', targets: [{ measure: 'articles', quantity: 3 }] });
    const taskId = (target.json() as { id: string }).id;
    await post(coordinator, { taskIds: [taskId], date: '2024-04-05', quantities: { articles: 1 } });
    let p = (await t.as(coordinator, 'GET', `/api/plans/${planId}/progress?asOf=2024-04-20`)).json() as Progress;
    expect(p.tasks.find((x) => x.taskId === taskId)).toMatchObject({ status: 'at_risk', targets: [{ achieved: 1 }] });
    await post(coordinator, { taskIds: [taskId], date: '2024-04-25', quantities: { articles: 2 } });
    p = (await t.as(coordinator, 'GET', `/api/plans/${planId}/progress?asOf=2024-05-10`)).json() as Progress;
    expect(p.tasks.find((x) => x.taskId === taskId)).toMatchObject({ status: 'done' });
    // Due by 10/5: task A (T2/2024, its evidence withdrawn → not done) and this one (done on time).
    expect(p.tasksDue).toBe(2);
    expect(p.completionRate).toBe(0.5);
    const end = (await t.as(coordinator, 'GET', `/api/plans/${planId}/progress?asOf=2024-12-31`)).json() as Progress;
    expect(end.byStatus.overdue).toBeGreaterThan(0);
  });

  it('exports the year\'s PAR Index evidence pack: index by channel with the completion rate, and the attached files', async () => {
    const pdf = Buffer.from('%PDF-1.4 biên bản hội nghị');
    const withFile = await post(coordinator, { taskIds: [ktTask.id], kind: 'event', title: 'Hội nghị có biên bản', quantities: { conferences: 1 }, files: [{ name: 'biên bản.pdf', mime: 'application/pdf', base64: pdf.toString('base64') }] });
    expect(withFile.statusCode, withFile.body).toBe(201);
    const created = withFile.json() as { id: string; files: { id: string; name: string }[] };
    const download = await t.as(staff, 'GET', `/api/evidence/${created.id}/files/${created.files[0]!.id}`);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await t.as(staff, 'GET', `/api/evidence/${created.id}/files/khong-co`)).statusCode).toBe(404);
    const bad = await post(coordinator, { taskIds: [ktTask.id], files: [{ name: 'x.exe', mime: 'application/x-msdownload', base64: 'AAAA' }] });
    expect(bad.statusCode).toBe(400);
    const res = await t.as(coordinator, 'GET', `/api/plans/${planId}/par-pack`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(res.rawPayload);
    const index = await zip.file('00-danh-muc-minh-chung.html')!.async('string');
    expect(index).toContain('Tỉ lệ hoàn thành nhiệm vụ đúng hạn');
    expect(index).toContain('Trực tuyến: Trên Cổng/Trang thông tin điện tử');
    expect(index).toContain('Truyền thống: Hội nghị, tập huấn, hội thi');
    expect(index).toContain('Hội nghị có biên bản');
    const attached = Object.keys(zip.files).find((n) => n.startsWith('minh-chung/') && n.endsWith('biên bản.pdf'))!;
    expect(attached).toBeTruthy();
    expect(Buffer.from(await zip.file(attached)!.async('uint8array')).equals(pdf)).toBe(true);
    expect(index).toContain(`href="${attached}"`);
  });
});

import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEvidence } from '../../src/modules/evidence/demo.ts';
import { seedPlans } from '../../src/modules/plans/seed.ts';
import { systemReader } from '../../src/platform/access.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

describe.each(ENGINES)('consolidated report on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    coordinator = await t.login(DEMO.coordinator);
    planId = (await seedPlans({ plans: t.services.plans, imports: t.services.planImports }, coordinator.agencyId))!;
    await seedDemoEvidence(t.services, coordinator.agencyId, planId);
  });
  afterAll(() => t.close());

  it('prints a Decree 30 report whose numbers equal the evidence of the period', async () => {
    const report = await t.services.consolidation.generateForCode(coordinator.agencyId, planId, '2024-Q1');
    expect(report.final).toBe(false);
    const text = (await mammoth.extractRawText({ buffer: report.docx })).value;
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Quý I/2024', 'Xây dựng Kế hoạch tuyên truyền năm 2024', 'Nơi nhận:']) expect(text, line).toContain(line);
    const evidence = await t.services.evidence.list(systemReader(coordinator.agencyId), { planId, from: '2023-12-15', to: '2024-03-14' });
    const articles = evidence.reduce((s, e) => s + (e.quantities.articles ?? 0), 0);
    const participants = evidence.reduce((s, e) => s + (e.quantities.participants ?? 0), 0);
    expect(articles).toBeGreaterThan(0);
    expect(text).toContain(`${articles} tin, bài viết`);
    expect(text).toContain(`${participants.toLocaleString('vi-VN')} lượt người tham dự`);
    // The annex lists every piece of evidence behind the figures.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.xlsx as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Minh chứng')!;
    const titles = new Set<string>();
    sheet.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && titles.add(c.value))));
    for (const e of evidence) expect(titles.has(e.title), e.title).toBe(true);
  });

  it('a finalised report keeps its number and files and is never regenerated', async () => {
    const coordinatorActor = (await t.services.auth.loadActor(coordinator.userId, coordinator.agencyId))!;
    const period = await t.services.reporting.openPeriod(coordinatorActor, { planId, code: '2024-Q1' });
    // Draft → edit (words only) → final.
    const edited = await t.as(coordinator, 'PUT', `/api/periods/${period.id}/consolidated/draft`, { nextTasks: [{ content: 'Tổ chức hội nghị đối thoại về TTHC', lead: 'Phòng HC-TH', dueText: 'Quý II/2024' }], recipients: ['Sở Nội vụ', 'Lưu: VT, HCTH'] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().document.nextTasks).toEqual([{ content: 'Tổ chức hội nghị đối thoại về TTHC', lead: 'Phòng HC-TH', dueText: 'Quý II/2024' }]);
    expect((await t.as(coordinator, 'PUT', `/api/periods/${period.id}/consolidated/draft`, { totals: { articles: 999 } })).statusCode).toBe(400);
    const draftText = (await mammoth.extractRawText({ buffer: (await t.as(coordinator, 'GET', `/api/periods/${period.id}/consolidated/file?format=docx`)).rawPayload })).value;
    expect(draftText).toContain('Tổ chức hội nghị đối thoại về TTHC');
    const bad = await t.as(coordinator, 'POST', `/api/periods/${period.id}/consolidated/finalize`, { numberText: 'năm', date: '2024-03-20' });
    expect(bad.statusCode).toBe(400);
    const done = await t.as(coordinator, 'POST', `/api/periods/${period.id}/consolidated/finalize`, { numberText: '07/BC-BDT', date: '2024-03-20' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ final: true, numberText: '07/BC-BDT' });
    const first = await t.as(coordinator, 'GET', `/api/periods/${period.id}/consolidated/file?format=docx`);
    expect((await mammoth.extractRawText({ buffer: first.rawPayload })).value).toContain('07/BC-BDT');
    // New evidence after finalising does not change the kept report.
    const task = (await t.services.plans.planTasks(coordinator.agencyId, planId))!.tasks.find((x) => x.kind === 'task' && x.lead.text === 'Phòng HC-TH')!;
    await t.services.evidence.recordDemo(coordinator.agencyId, { planId, taskIds: [task.id], kind: 'article', date: '2024-03-01', unitId: null, title: 'Tin muộn', quantities: { articles: 50 } });
    const second = await t.as(coordinator, 'GET', `/api/periods/${period.id}/consolidated/file?format=docx`);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect((await t.as(coordinator, 'POST', `/api/periods/${period.id}/consolidated/finalize`, { numberText: '08/BC-BDT', date: '2024-03-21' })).statusCode).toBe(409);
    expect((await mammoth.extractRawText({ buffer: second.rawPayload })).value).toContain('Tổ chức hội nghị đối thoại về TTHC');
    expect((await t.as(coordinator, 'PUT', `/api/periods/${period.id}/consolidated/draft`, { recipients: ['x'] })).statusCode).toBe(409);
  });
});

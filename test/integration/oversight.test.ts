import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEvidence } from '../../src/modules/evidence/demo.ts';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE, seedPlans } from '../../src/modules/plans/seed.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

/**
 * The overseer (Sở Nội vụ) of province P reads every agency of P — the same figures each agency
 * sees itself — and nothing of province Q; it writes nothing anywhere.
 */
describe.each(ENGINES)('province oversight on %s', (engine) => {
  let t: TestApp;
  let overseer: Session;
  let foreignOverseer: Session;
  let coordinator: Session;
  let agencyA: string;
  let planA: string;
  let periodA: string;
  let agencyB: string;
  let planB: string;
  const nameB = 'Ban Dân tộc tỉnh Thử Nghiệm';

  beforeAll(async () => {
    t = await createTestApp(engine);
    coordinator = await t.login(DEMO.coordinator);
    agencyA = coordinator.agencyId;
    planA = (await seedPlans({ plans: t.services.plans, imports: t.services.planImports }, agencyA))!;
    await seedDemoEvidence(t.services, agencyA, planA);
    const coordinatorActor = (await t.services.auth.loadActor(coordinator.userId, agencyA))!;
    // Q1 of 2024, kept open until the unit head of KH-TT submits now, long after its due date (late), then locked.
    periodA = (await t.services.reporting.openPeriod(coordinatorActor, { planId: planA, code: '2024-Q1', lockDate: '2099-12-31' })).id;
    const head = await t.login(DEMO.unitHead);
    const headActor = (await t.services.auth.loadActor(head.userId, agencyA))!;
    await t.services.reporting.approveAndSubmit(headActor, periodA, headActor.unitId!);
    await t.services.reporting.updatePeriod(coordinatorActor, periodA, { lockDate: '2024-03-24' });

    // Province Q: an agency with its own in-force plan, and its own overseer.
    const accounts = t.services.accounts;
    agencyB = (await accounts.addAgency({ code: 'bdt-thunghiem', name: nameB, shortName: 'Ban Dân tộc', abbreviation: 'BDT', parentName: 'UBND tỉnh Thử Nghiệm', place: 'Thử Nghiệm', provinceCode: 'thu-nghiem' })).id;
    const plan = await t.services.plans.createFromDocumentAs({ agencyId: agencyB }, await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') }));
    await t.services.plans.putInForceAs(agencyB, plan.id, 'Kế hoạch đã ký');
    planB = plan.id;
    await accounts.addAgency({ code: 'snv-thunghiem', name: 'Sở Nội vụ tỉnh Thử Nghiệm', shortName: 'Sở Nội vụ', abbreviation: 'SNV', parentName: 'UBND tỉnh Thử Nghiệm', place: 'Thử Nghiệm', provinceCode: 'thu-nghiem' });
    await accounts.addUser({ agencyCode: 'snv-thunghiem', email: 'giamsat@thunghiem.example', fullName: 'Giám sát tỉnh Thử Nghiệm', roles: ['overseer'], password: 'Giamsat-2024' });
    overseer = await t.login(DEMO.overseer);
    foreignOverseer = await t.login('giamsat@thunghiem.example', 'Giamsat-2024');
  });
  afterAll(() => t.close());

  it('ranks every agency of the province with the figures the agency itself sees, and none of another province', async () => {
    const res = await t.as(overseer, 'GET', '/api/oversight/province?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ provinceCode: 'bac-giang', provinceName: 'Bắc Giang', year: 2024 });
    expect(view.agencies.map((a: { agencyId: string }) => a.agencyId)).not.toContain(agencyB);
    expect(JSON.stringify(view)).not.toContain('Thử Nghiệm');
    const row = view.agencies.find((a: { agencyId: string }) => a.agencyId === agencyA);
    expect(row).toMatchObject({ name: 'Ban Dân tộc tỉnh Bắc Giang', completionRank: 1, plan: { id: planA, status: 'in_force' } });

    // Completion: the same numbers as the agency's own progress endpoint.
    const own = (await t.as(coordinator, 'GET', `/api/plans/${planA}/progress`)).json();
    expect(own.tasksDue).toBeGreaterThan(0);
    expect(row).toMatchObject({ completionRate: own.completionRate, tasksDue: own.tasksDue, tasksDoneOnTime: own.tasksDoneOnTime });

    // Reporting: the unit reports of the due period as the coordinator sees them.
    const reports = (await t.as(coordinator, 'GET', `/api/periods/${periodA}/reports`)).json().reports as { unitName: string; status: string; late: boolean }[];
    const late = reports.filter((r) => r.late && r.status === 'submitted');
    expect(late).toHaveLength(1);
    expect(row).toMatchObject({ reportsDue: reports.length, reportsOnTime: 0, reportsLate: 1, reportsMissing: reports.length - 1, onTimeRate: 0 });
    const lateOfA = view.lateReports.filter((l: { agencyId: string }) => l.agencyId === agencyA);
    expect(lateOfA).toContainEqual(expect.objectContaining({ unitName: late[0]!.unitName, reason: 'late', periodLabel: 'Quý I/2024' }));
    // The consolidated report of Q1 was never issued: listed as missing.
    expect(lateOfA).toContainEqual(expect.objectContaining({ unitName: null, reason: 'missing' }));

    // The overseer's own department is an agency of the province without a plan: listed, unranked.
    expect(view.agencies.at(-1)).toMatchObject({ name: 'Sở Nội vụ tỉnh Bắc Giang', plan: null, completionRank: null, onTimeRank: null, isDemo: true });
  });

  it('opens an agency of the province read-only, and answers 404 for an agency or a plan of another province', async () => {
    const detail = await t.as(overseer, 'GET', `/api/oversight/agencies/${agencyA}?year=2024`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().periods).toEqual([expect.objectContaining({ period: expect.objectContaining({ id: periodA }), consolidated: null })]);
    const progress = await t.as(overseer, 'GET', `/api/oversight/agencies/${agencyA}/plans/${planA}/progress`);
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toEqual((await t.as(coordinator, 'GET', `/api/plans/${planA}/progress`)).json());
    const consolidated = await t.as(overseer, 'GET', `/api/oversight/agencies/${agencyA}/periods/${periodA}/consolidated?format=docx`);
    expect(consolidated.statusCode).toBe(200);
    expect((await mammoth.extractRawText({ buffer: consolidated.rawPayload })).value).toContain('Quý I/2024');

    const planDocx = await t.as(overseer, 'GET', `/api/oversight/agencies/${agencyA}/plans/${planA}/export?format=docx`);
    expect(planDocx.statusCode).toBe(200);
    expect((await mammoth.extractRawText({ buffer: planDocx.rawPayload })).value).toContain('KẾ HOẠCH');

    for (const url of [`/api/oversight/agencies/${agencyB}`, `/api/oversight/agencies/${agencyA}/plans/${planB}/export?format=docx`, `/api/oversight/agencies/${agencyA}/plans/${planB}/progress`, `/api/oversight/agencies/${agencyB}/plans/${planB}/progress`, '/api/oversight/agencies/nope']) {
      expect((await t.as(overseer, 'GET', url)).statusCode, url).toBe(404);
    }
    // The other province's overseer sees its agency, and ours is invisible to it.
    const theirs = (await t.as(foreignOverseer, 'GET', '/api/oversight/province?year=2024')).json();
    expect(theirs.agencies.map((a: { agencyId: string }) => a.agencyId)).toContain(agencyB);
    expect(theirs.agencies.map((a: { agencyId: string }) => a.agencyId)).not.toContain(agencyA);
    expect((await t.as(foreignOverseer, 'GET', `/api/oversight/agencies/${agencyA}`)).statusCode).toBe(404);
    expect((await t.as(foreignOverseer, 'GET', `/api/oversight/agencies/${agencyA}/periods/${periodA}/consolidated?format=xlsx`)).statusCode).toBe(404);
    // Through the agency's own routes the overseer is a stranger: 404 on its records.
    expect((await t.as(overseer, 'GET', `/api/plans/${planA}`)).statusCode).toBe(404);
  });

  it('an overseer whose department belongs to no province sees no agency', async () => {
    await t.services.accounts.addAgency({ code: 'snv-khongtinh', name: 'Sở Nội vụ chưa gắn tỉnh', shortName: 'Sở Nội vụ', abbreviation: 'SNV', parentName: null, place: 'Không rõ', provinceCode: null });
    await t.services.accounts.addUser({ agencyCode: 'snv-khongtinh', email: 'giamsat@khongtinh.example', fullName: 'Giám sát chưa gắn tỉnh', roles: ['overseer'], password: 'Giamsat-2024' });
    const lost = await t.login('giamsat@khongtinh.example', 'Giamsat-2024');
    expect((await t.as(lost, 'GET', '/api/oversight/province?year=2024')).json()).toMatchObject({ provinceCode: null, agencies: [], lateReports: [] });
    expect((await t.as(lost, 'GET', `/api/oversight/agencies/${agencyA}`)).statusCode).toBe(404);
  });

  it('only the overseer holds the province view', async () => {
    for (const who of [DEMO.admin, DEMO.coordinator, DEMO.leader, DEMO.staff]) {
      const session = await t.login(who);
      expect((await t.as(session, 'GET', '/api/oversight/province')).statusCode, who).toBe(403);
      expect((await t.as(session, 'GET', `/api/oversight/agencies/${agencyA}`)).statusCode, who).toBe(403);
    }
  });

  it('the overseer writes nothing: every write route refuses it, save its own notification settings', async () => {
    // Its own notices are the overseer's own; every other write is refused by role (403) or, on a record, by agency (404).
    const writes = t.routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && r.access.permission && r.access.permission !== 'notifications.own');
    expect(writes.length).toBeGreaterThan(30);
    const fill = (url: string) => url.replace(/:id\b/, planA).replace(/:[a-zA-Z]+/g, 'x');
    // The one write whose route any reader passes: a valid body, so that only access decides.
    const bodies: Record<string, unknown> = { '/api/plans/:id/status': { status: 'closed', reason: 'Thử' } };
    for (const r of writes) {
      const res = await t.as(overseer, r.method, fill(r.url), bodies[r.url] ?? {});
      expect([403, 404], `${r.method} ${r.url}: ${res.statusCode}`).toContain(res.statusCode);
    }
    expect((await t.services.plans.list((await t.services.auth.loadActor(coordinator.userId, agencyA))!)).find((p) => p.id === planA)?.status).toBe('in_force');
  });

  it('downloads the province roll-up as DOCX (Decree 30) and XLSX, with the province\'s agencies only', async () => {
    const docx = await t.as(overseer, 'GET', '/api/oversight/province/rollup?year=2024&format=docx');
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ NỘI VỤ', 'BÁO CÁO', 'trên địa bàn tỉnh Bắc Giang', 'Ban Dân tộc tỉnh Bắc Giang', 'Sở Nội vụ tỉnh Bắc Giang (mẫu)', 'Nộp trễ hạn']) expect(text, line).toContain(line);
    expect(text).not.toContain('Thử Nghiệm');

    const xlsx = await t.as(overseer, 'GET', '/api/oversight/province/rollup?year=2024&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toContain('Ban Dân tộc tỉnh Bắc Giang');
    expect(cells.join('\n')).not.toContain('Thử Nghiệm');
    // A later year prints the province's name after the 2025 merger.
    const later = (await t.as(overseer, 'GET', '/api/oversight/province?year=2026')).json();
    expect(later.provinceName).toBe(later.asOf >= '2025-07-01' ? 'Bắc Ninh' : 'Bắc Giang');
  });
});

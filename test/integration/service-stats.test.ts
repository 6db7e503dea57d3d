import { readFile } from 'node:fs/promises';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureDataValue } from '../../src/modules/procedures/procedure-data.ts';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import { seedDemoResults } from '../../src/modules/service-stats/demo.ts';
import { serviceStatsPortalRoutes } from '../../src/modules/service-stats/portal-routes.ts';
import { createServiceStatsService, type ServiceStatsService } from '../../src/modules/service-stats/service.ts';
import type { Actor } from '../../src/platform/access.ts';
import { createHtmlCache } from '../../src/platform/html-cache.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type TestApp } from '../support/test-app.ts';

const HEADER = 'Tháng,Mã thủ tục,Lĩnh vực,Tồn kỳ trước,Tiếp nhận trực tuyến,Tiếp nhận trực tiếp,Tiếp nhận qua BCCI,Giải quyết trước hạn,Giải quyết đúng hạn,Giải quyết quá hạn,Đang giải quyết trong hạn,Đang giải quyết quá hạn,Trả lại,Rút hồ sơ';
const file = (name: string, lines: string[]) => ({ name, base64: Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8').toString('base64') });
const zeros = { carriedOver: 0, receivedOnline: 0, receivedInPerson: 0, receivedPostal: 0, settledEarly: 0, settledOnTime: 0, settledLate: 0, pendingWithin: 0, pendingOverdue: 0, returned: 0, withdrawn: 0 };

function procedure(code: string, name: string, field: string): ProcedureDataValue {
  return {
    code, name, field, level: 'Cấp tỉnh', implementingAgency: 'Ban Dân tộc', steps: ['Nộp hồ sơ'], channels: [], processingDays: 5, onlineLevel: null,
    dossier: [], applicants: 'Công dân', result: 'Quyết định', forms: [], conditions: '', legalBasis: ['Quyết định số 12/2018/QĐ-TTg'],
  };
}

describe.each(ENGINES)('processing results on %s', (engine) => {
  let t: TestApp;
  let stats: ServiceStatsService;
  let coordinator: Actor;
  let staff: Actor;
  let outsider: Actor;
  let planId: string;
  let resultsTaskId: string;
  let fieldIds: Map<string, string>;
  const changed: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    const [c, s] = await Promise.all([t.login(DEMO.coordinator), t.login(DEMO.staff)]);
    coordinator = (await t.services.auth.loadActor(c.userId, c.agencyId))!;
    staff = (await t.services.auth.loadActor(s.userId, s.agencyId))!;
    const other = (await t.services.org.agencyByCode('snv-bacgiang'))!;
    outsider = { userId: 'outsider', agencyId: other.id, unitId: null, email: 'x@snv.example', fullName: 'Điều phối Sở Nội vụ', roles: ['coordinator'] };
    const catalog = t.services.procedures.catalog;
    await catalog.save(coordinator, procedure('1.004947', 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số', 'Công tác dân tộc'), '2024-01-01');
    await catalog.save(coordinator, procedure('1.004948', 'Đưa ra khỏi danh sách người có uy tín', 'Công tác dân tộc'), '2024-01-01');
    await catalog.save(coordinator, procedure('2.002164', 'Tặng Bằng khen của Chủ tịch UBND tỉnh', 'Thi đua, khen thưởng'), '2024-01-01');
    const doc = await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') });
    const plan = await t.services.plans.createFromDocumentAs({ agencyId: coordinator.agencyId }, doc);
    await t.services.plans.putInForceAs(coordinator.agencyId, plan.id, 'Kế hoạch đã ký');
    planId = plan.id;
    resultsTaskId = plan.tasks.find((x) => x.kind === 'task' && /Kết quả giải quyết TTHC/.test(x.content))!.id;
    stats = createServiceStatsService({ database: t.db.database, audit: t.services.audit, plans: t.services.plans, evidence: t.services.evidence, procedures: t.services.procedures.reader, onPublicChange: (id) => changed.push(id) });
    fieldIds = new Map((await stats.vocabulary(coordinator)).fields.map((f) => [f.name, f.id]));
  });
  afterAll(() => t.close());

  it('enters a month per procedure (an update keeps the row); staff read but do not write; figures that do not add up are kept and flagged', async () => {
    const entered = await stats.save(coordinator, { month: '2024-01', procedureCode: '1.004947', ...zeros, carriedOver: 1, receivedOnline: 6, receivedInPerson: 3, settledEarly: 4, settledOnTime: 4, settledLate: 1, pendingWithin: 1 });
    expect(entered).toMatchObject({ month: '2024-01', procedureCode: '1.004947', fieldId: fieldIds.get('Công tác dân tộc'), fieldName: 'Công tác dân tộc', balanced: true, difference: 0, received: 9, source: 'manual' });
    expect(entered.onTimeRate).toBeCloseTo(8 / 9, 12);
    expect(entered.onlineRate).toBeCloseTo(6 / 9, 12);
    expect(changed).toContain(coordinator.agencyId);

    const corrected = await stats.save(coordinator, { month: '2024-01', procedureCode: '1.004947', ...zeros, carriedOver: 1, receivedOnline: 6, receivedInPerson: 3, settledEarly: 4, settledOnTime: 4, settledLate: 0, pendingWithin: 1 });
    expect(corrected.id).toBe(entered.id);
    // Flagged, never fixed: what was entered is what is stored.
    expect(corrected).toMatchObject({ balanced: false, difference: -1, figures: { settledLate: 0 } });

    expect((await stats.list(staff, { from: '2024-01', to: '2024-01' })).map((r) => r.id)).toEqual([entered.id]);
    await expect(stats.save(staff, { month: '2024-01', procedureCode: '1.004948', ...zeros })).rejects.toMatchObject({ status: 403 });
    await expect(stats.save(coordinator, { month: '2024-01', procedureCode: '9.999999', ...zeros })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/không có trong danh mục/) });
    await expect(stats.save(coordinator, { month: '2099-01', procedureCode: '1.004947', ...zeros })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/chưa tới/) });
    // The field's month is counted per procedure: its total would count the same dossiers twice.
    await expect(stats.save(coordinator, { month: '2024-01', fieldId: fieldIds.get('Công tác dân tộc'), ...zeros })).rejects.toMatchObject({ status: 409 });
  });

  it('imports a clean file in one go (per procedure and per field), and a second import updates the same rows', async () => {
    const clean = file('ket-qua-quy-1.csv', [
      '02/2024,1.004947,,1,8,2,0,5,4,0,2,0,0,0',
      '02/2024,1.004948,,0,2,1,0,1,1,0,0,0,1,0',
      '02/2024,,Thi đua khen thưởng,0,3,1,1,2,2,0,1,0,0,0',
      '03/2024,1.004947,,2,10,4,1,7,6,1,2,0,1,0',
      '03/2024,1.004948,,0,3,0,0,1,1,1,0,0,0,0',
      '03/2024,,thi đua, khen thưởng,1,2,2,0,2,2,0,1,0,0,0',
    ]);
    // "thi đua, khen thưởng" holds the separator: quote it as spreadsheets do.
    clean.base64 = Buffer.from(Buffer.from(clean.base64, 'base64').toString('utf8').replace('thi đua, khen thưởng', '"thi đua, khen thưởng"')).toString('base64');
    const report = await stats.importResults(coordinator, clean);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ written: true, clean: true, format: 'csv', goodRows: 6, created: 6, updated: 0, unbalanced: 0, months: ['2024-02', '2024-03'] });
    const rows = await stats.list(coordinator, { from: '2024-02', to: '2024-03' });
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.source === 'import' && r.balanced)).toBe(true);
    expect(rows.filter((r) => r.procedureCode === null).map((r) => r.fieldName)).toEqual(['Thi đua, khen thưởng', 'Thi đua, khen thưởng']);

    const again = await stats.importResults(coordinator, clean);
    expect(again).toMatchObject({ written: true, created: 0, updated: 6 });
    expect(await stats.list(coordinator, { from: '2024-02', to: '2024-03' })).toHaveLength(6);
  });

  it('writes nothing from a file with bad rows; with skipBadRows only the good rows; unbalanced rows are written and warned about', async () => {
    const before = await stats.list(coordinator, { from: '2024-04', to: '2024-05' });
    expect(before).toEqual([]);
    const input = file('ket-qua-thang-4.csv', [
      '04/2024,1.004947,,2,5,5,0,6,5,0,1,0,0,0',
      '04/2024,1.004948,,0,x,1,0,1,0,0,0,0,0,0',
      '04/2024,7.777777,,0,1,0,0,1,0,0,0,0,0,0',
      '14/2024,2.002164,,0,1,0,0,1,0,0,0,0,0,0',
      '05/2024,2.002164,,0,4,0,0,1,1,0,0,0,0,0',
    ]);
    const refused = await stats.importResults(coordinator, input);
    expect(refused).toMatchObject({ written: false, clean: false, goodRows: 2, badRows: 3, created: 0 });
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([[3, 'E (Tiếp nhận trực tuyến)'], [4, 'B (Mã thủ tục)'], [5, 'A (Tháng)']]);
    expect(refused.warnings.find((w) => w.row === 6)?.message).toMatch(/không cân đối.*lệch -2/);
    expect(await stats.list(coordinator, { from: '2024-04', to: '2024-05' })).toEqual([]);

    const skipped = await stats.importResults(coordinator, { ...input, skipBadRows: true });
    expect(skipped).toMatchObject({ written: true, clean: false, created: 2, unbalanced: 1 });
    const rows = await stats.list(coordinator, { from: '2024-04', to: '2024-05' });
    expect(rows.map((r) => [r.month, r.procedureCode, r.balanced])).toEqual([['2024-04', '1.004947', true], ['2024-05', '2.002164', false]]);
    expect(rows[1]!.difference).toBe(-2);

    const missing = await stats.importResults(coordinator, { name: 'thieu-cot.csv', base64: Buffer.from('Tháng,Mã thủ tục,Tiếp nhận trực tuyến\n06/2024,1.004947,3\n').toString('base64'), skipBadRows: true });
    expect(missing.written).toBe(false);
    expect(missing.errors.map((e) => e.message)).toEqual(expect.arrayContaining(['Thiếu cột "Tồn kỳ trước".', 'Thiếu cột "Giải quyết đúng hạn".']));
    await expect(stats.importResults(staff, input)).rejects.toMatchObject({ status: 403 });
  });

  it('computes rates per month, field and procedure, and range totals with stocks from the first and last month', async () => {
    const s = await stats.summary(staff, { from: '2024-02', to: '2024-03' });
    expect(s.months.map((m) => m.key)).toEqual(['2024-02', '2024-03']);
    const march = s.months[1]!;
    // March: settled 7+6+1, 1+1+1, 2+2+0 → on time (early + on time) 19 of 21; received online 10+3+2 of 15+3+4.
    expect(march.settled).toBe(21);
    expect(march.onTimeRate).toBeCloseTo(19 / 21, 12);
    expect(march.onlineRate).toBeCloseTo(15 / 22, 12);
    const p = s.byProcedure.find((x) => x.key === '1.004947')!;
    expect(p).toMatchObject({ label: 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số', rows: 2 });
    // Range: carried over of February (1), pending of March (2); flows added.
    expect(p.figures).toMatchObject({ carriedOver: 1, pendingWithin: 2, receivedOnline: 18, settledEarly: 12 });
    expect(p.balanced).toBe(true);
    const f = s.byField.find((x) => x.label === 'Thi đua, khen thưởng')!;
    expect(f.onTimeRate).toBe(1);
    expect(s.total.received).toBe(s.months.reduce((n, m) => n + m.received, 0));
    expect(s.total.settled).toBe(s.months.reduce((n, m) => n + m.settled, 0));
  });

  it('keeps agencies apart: another agency sees none of these rows, cannot delete them, and does not know these codes', async () => {
    const ours = await stats.list(coordinator, { from: '2024-01', to: '2024-12' });
    expect(ours.length).toBeGreaterThan(0);
    expect(await stats.list(outsider, { from: '2024-01', to: '2024-12' })).toEqual([]);
    expect((await stats.summary(outsider, { from: '2024-01', to: '2024-12' })).total.rows).toBe(0);
    await expect(stats.remove(outsider, ours[0]!.id)).rejects.toMatchObject({ status: 404 });
    await expect(stats.save(outsider, { month: '2024-02', procedureCode: '1.004947', ...zeros })).rejects.toMatchObject({ status: 400 });
    const theirs = await stats.importResults(outsider, file('snv.csv', ['02/2024,1.004947,,0,1,0,0,1,0,0,0,0,0,0']));
    expect(theirs.written).toBe(false);
    expect(theirs.errors[0]!.message).toMatch(/không có trong danh mục/);
    expect((await stats.portal.stats(outsider.agencyId, { year: 2024 })).yearSummary.total.rows).toBe(0);
  });

  it('publishing a month records evidence on the plan task about processing results, once per month; without a plan it still publishes', async () => {
    const published = await stats.publishMonth(coordinator, '2024-03');
    expect(published).toMatchObject({ month: '2024-03', rows: 3, evidenceRecorded: true, planId, taskIds: [resultsTaskId], path: '/thong-ke-giai-quyet-thu-tuc?nam=2024&thang=3' });
    const evidence = await t.services.evidence.list(coordinator, { planId, taskId: resultsTaskId });
    const mine = evidence.filter((e) => e.source?.type === 'processing-results');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'procedure', status: 'active', date: '2024-12-31', quantities: { procedures_disclosed: 2 }, link: published.path, source: { id: `${coordinator.agencyId}:2024-03` } });
    expect(mine[0]!.title).toMatch(/tháng 03\/2024/);
    // Publishing again updates the same evidence.
    expect((await stats.publishMonth(coordinator, '2024-03')).evidenceId).toBe(published.evidenceId);
    await expect(stats.publishMonth(coordinator, '2024-11')).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/chưa có số liệu/) });
    await expect(stats.publishMonth(staff, '2024-03')).rejects.toMatchObject({ status: 403 });

    // Another agency without such a plan: published, no evidence, and told why.
    const snvField = await t.db.database.transaction(async (trx) => (await import('../../src/modules/procedures/fields.ts')).ensureField(trx, outsider.agencyId, 'Công tác dân tộc'));
    await stats.save(outsider, { month: '2024-03', fieldId: snvField, ...zeros, receivedOnline: 1, settledOnTime: 1 });
    const theirs = await stats.publishMonth(outsider, '2024-03');
    expect(theirs).toMatchObject({ evidenceRecorded: false, evidenceId: null, message: expect.stringMatching(/chưa ghi minh chứng/) });

    // Deleting every row of a published month withdraws its evidence, visibly.
    const jan = await stats.list(coordinator, { from: '2024-01', to: '2024-01' });
    await stats.publishMonth(coordinator, '2024-01');
    for (const r of jan) await stats.remove(coordinator, r.id);
    expect(await t.services.evidence.bySource(coordinator.agencyId, { type: 'processing-results', id: `${coordinator.agencyId}:2024-01` })).toMatchObject({ status: 'withdrawn' });
  });

  it('serves the public statistics page: charts as accessible inline SVG, the same numbers in tables, Vietnamese number format', async () => {
    const app = Fastify({ logger: false });
    await serviceStatsPortalRoutes(app, { org: t.services.org, defaultAgency: t.config.defaultAgency, cache: createHtmlCache(), serviceStats: stats.portal });
    try {
      const res = await app.inject({ url: '/thong-ke-giai-quyet-thu-tuc?nam=2024&thang=3' });
      expect(res.statusCode).toBe(200);
      const body = res.body;
      expect(body).toContain('<svg class="chart" role="img" aria-labelledby="bd-tiep-nhan-title bd-tiep-nhan-desc"');
      expect(body).toContain('<title id="bd-ti-le-title">');
      expect(body).toContain('<option value="3" selected>Tháng 3</option>');
      // March: 19 of 21 settled on time = 90,48 %; online 15 of 22 = 68,18 %.
      expect(body).toContain('90,48\u00a0%');
      expect(body).toContain('68,18\u00a0%');
      expect(body).toContain('<caption id="bang-thang-caption">');
      expect(body).toContain('Thi đua, khen thưởng');
      expect(body).toContain('href="/thu-tuc-hanh-chinh/1.004947"');
      // May's unbalanced row is published as reported, with a note.
      expect((await app.inject({ url: '/thong-ke-giai-quyet-thu-tuc?nam=2024' })).body).toContain('không cân đối');
      expect((await app.inject({ url: '/thong-ke-giai-quyet-thu-tuc?nam=abc' })).statusCode).not.toBe(200);
      expect((await app.inject({ url: '/thong-ke-giai-quyet-thu-tuc?nam=2024&thang=13' })).statusCode).not.toBe(200);
      const again = await app.inject({ url: '/thong-ke-giai-quyet-thu-tuc?nam=2024&thang=3', headers: { 'if-none-match': res.headers.etag as string } });
      expect(again.statusCode).toBe(304);
    } finally {
      await app.close();
    }
  });

  it('seeds a demo year: flagged, balanced, deterministic, and never over existing results', async () => {
    const before = await stats.list(outsider, { from: '2023-01', to: '2023-12' });
    expect(before).toEqual([]);
    expect(await seedDemoResults({ serviceStats: stats }, outsider.agencyId, 2023)).toBe(36);
    const rows = await stats.list(outsider, { from: '2023-01', to: '2023-12' });
    expect(rows).toHaveLength(36);
    expect(rows.every((r) => r.isDemo && r.balanced && r.fieldName !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.fieldName))).toEqual(new Set(['Công tác dân tộc', 'Thi đua, khen thưởng', 'Tín ngưỡng, tôn giáo']));
    const year = await stats.summary(outsider, { from: '2023-01', to: '2023-12' });
    expect(year.total.balanced).toBe(true);
    expect(year.total.onTimeRate).toBeGreaterThan(0.8);
    expect(await seedDemoResults({ serviceStats: stats }, outsider.agencyId, 2023)).toBe(0);
  });
});

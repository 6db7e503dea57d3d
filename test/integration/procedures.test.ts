import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogToCsv } from '../../src/documents/procedures/catalog-export.ts';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import type { ProcedureDataValue } from '../../src/modules/procedures/procedure-data.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

const procedure = (code: string, name: string, extra: Partial<ProcedureDataValue> = {}): ProcedureDataValue => ({
  code, name, field: 'Công tác dân tộc', level: 'Cấp tỉnh', implementingAgency: 'Ban Dân tộc tỉnh',
  steps: ['Bước 1: Nộp hồ sơ tại Bộ phận Một cửa', 'Bước 2: Thẩm định', 'Bước 3: Trả kết quả'],
  channels: [{ channel: 'in_person', processingTime: '10 ngày làm việc', fee: 'Không', description: 'Nộp trực tiếp' }, { channel: 'online', processingTime: '10 ngày làm việc', fee: 'Không', description: 'Trên Cổng Dịch vụ công' }],
  processingDays: 10, onlineLevel: 'partial', dossier: [{ name: 'Văn bản đề nghị', originals: 1, copies: 0 }], applicants: 'Cá nhân', result: 'Quyết định công nhận',
  forms: [], conditions: '', legalBasis: ['Quyết định số 12/2018/QĐ-TTg'], ...extra,
});

type Decision = { id: string; status: string; postingDueOn: string; postingOverdue: boolean };
type Procedure = { code: string; name: string; current: boolean; versionNo: number; versions: { versionNo: number; origin: string; effectiveTo: string | null }[]; processCheck: { withinLegalTime: boolean | null; totalDays: number } };

describe.each(ENGINES)('administrative procedures on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let staff: Session;
  let taskId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [coordinator, staff] = await Promise.all([t.login(DEMO.coordinator), t.login(DEMO.staff)]);
    const document = await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') });
    // The decisions below are of 2024: their evidence (dated on signing) goes on the 2024 plan.
    const plan = await t.services.plans.createFromDocumentAs({ agencyId: coordinator.agencyId }, document);
    taskId = plan.tasks.find((x) => x.kind === 'task' && /TTHC/.test(x.content))!.id;
  });
  afterAll(() => t.close());

  const csv = (list: ProcedureDataValue[]) => Buffer.from(catalogToCsv(list), 'utf8').toString('base64');

  it('imports a catalog file; a bad row stops it with a per-row report, nothing written', async () => {
    const good = [procedure('1.000001', 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số'), procedure('1.000002', 'Đưa ra khỏi danh sách người có uy tín'), procedure('1.000003', 'Thủ tục sẽ bãi bỏ')];
    const badCsv = catalogToCsv([...good, procedure('1.000001', 'Trùng mã')]);
    const refused = (await t.as(coordinator, 'POST', '/api/procedures/import', { name: 'danh-muc.csv', base64: Buffer.from(badCsv).toString('base64') })).json();
    expect(refused.written).toBe(false);
    expect(refused.rows.length).toBeGreaterThanOrEqual(2);
    expect((await t.as(coordinator, 'GET', '/api/procedures')).json().total).toBe(0);
    const res = await t.as(coordinator, 'POST', '/api/procedures/import', { name: 'danh-muc.csv', base64: csv(good), effectiveFrom: '2024-01-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ written: true, created: 3, changed: 0 });
    const again = (await t.as(coordinator, 'POST', '/api/procedures/import', { name: 'danh-muc.csv', base64: csv(good), effectiveFrom: '2024-02-01' })).json();
    expect(again).toMatchObject({ written: true, created: 0, unchanged: 3 });
  });

  it('applies a decision: amended gets a new version, abolished leaves the current catalog but not the history, new and replaced appear', async () => {
    const input = {
      numberSymbol: '125/QĐ-UBND', issuer: 'UBND tỉnh', signedOn: '2024-06-03', effectiveOn: '2024-06-10', taskIds: [taskId],
      items: [
        { changeKind: 'amended', code: '1.000001', data: procedure('1.000001', 'Công nhận người có uy tín (sửa đổi)', { processingDays: 7 }) },
        { changeKind: 'abolished', code: '1.000003' },
        { changeKind: 'new', code: '1.000004', data: procedure('1.000004', 'Thủ tục mới ban hành') },
        { changeKind: 'replaced', code: '1.000005', replacesCode: '1.000002', data: procedure('1.000005', 'Đưa ra khỏi danh sách người có uy tín (thay thế)') },
      ],
    };
    const bad = await t.as(coordinator, 'POST', '/api/procedure-decisions', { ...input, items: [{ changeKind: 'amended', code: '9.999', data: procedure('9.999', 'Không có') }] });
    expect(bad.statusCode).toBe(201);
    const refused = await t.as(coordinator, 'POST', `/api/procedure-decisions/${bad.json().id}/apply`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toMatch(/9\.999/);

    const created = await t.as(coordinator, 'POST', '/api/procedure-decisions', input);
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json() as Decision;
    expect(d).toMatchObject({ status: 'draft', postingDueOn: '2024-06-10' });
    expect(d.postingOverdue).toBe(true);
    const applied = await t.as(coordinator, 'POST', `/api/procedure-decisions/${d.id}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect((await t.as(coordinator, 'POST', `/api/procedure-decisions/${d.id}/apply`)).statusCode).toBe(409);

    const codesOn = async (day: string) => ((await t.as(coordinator, 'GET', `/api/procedures?asOf=${day}`)).json().items as { code: string; name: string }[]).map((p) => p.code).sort();
    expect(await codesOn('2024-06-09')).toEqual(['1.000001', '1.000002', '1.000003']);
    expect(await codesOn('2024-06-10')).toEqual(['1.000001', '1.000004', '1.000005']);
    const amended = (await t.as(coordinator, 'GET', '/api/procedures/1.000001')).json() as Procedure;
    expect(amended).toMatchObject({ name: 'Công nhận người có uy tín (sửa đổi)', current: true, versionNo: 2 });
    const before = (await t.as(coordinator, 'GET', '/api/procedures/1.000001?asOf=2024-03-01')).json() as Procedure;
    expect(before.name).toBe('Công nhận người có uy tín trong đồng bào dân tộc thiểu số');
    const abolished = (await t.as(coordinator, 'GET', '/api/procedures/1.000003')).json() as Procedure;
    expect(abolished.current).toBe(false);
    expect(abolished.versions.map((v) => v.origin)).toEqual(['abolished', 'catalog']);

    const evidence = (await t.as(coordinator, 'GET', `/api/evidence?taskId=${taskId}`)).json() as { kind: string; quantities: Record<string, number> }[];
    expect(evidence.find((e) => e.kind === 'procedure')?.quantities).toEqual({ procedures_disclosed: 2, procedures_updated: 2 });

    const marked = (await t.as(coordinator, 'POST', `/api/procedure-decisions/${d.id}/posted`, { postedOn: '2024-06-05' })).json() as Decision;
    expect(marked.postingOverdue).toBe(false);
  });

  it('the public catalog is found without diacritics and lists recent changes', async () => {
    const pub = t.services.procedures.portal;
    const found = await pub.catalog(coordinator.agencyId, { q: 'nguoi co uy tin', page: 1, pageSize: 20 });
    expect(found.items.map((p) => p.code).sort()).toEqual(['1.000001', '1.000005']);
    const none = await pub.catalog(coordinator.agencyId, { q: 'thu tuc se bai bo', page: 1, pageSize: 20 });
    expect(none.items.map((p) => p.code)).not.toContain('1.000003');
    // The admin list folds tones too, and finds a code as typed.
    expect(((await t.as(coordinator, 'GET', `/api/procedures?q=${encodeURIComponent('nguoi co uy tin')}`)).json().items as { code: string }[]).map((p) => p.code).sort()).toEqual(['1.000001', '1.000005']);
    expect(((await t.as(coordinator, 'GET', '/api/procedures?q=1.000004')).json().items as { code: string }[]).map((p) => p.code)).toEqual(['1.000004']);
    // Words that no procedure has all of find nothing (no "any word" fallback in a catalog).
    expect((await t.as(coordinator, 'GET', `/api/procedures?q=${encodeURIComponent('người có uy tín xyzkhongco')}`)).json().total).toBe(0);
    const changes = await pub.changes(coordinator.agencyId);
    const byDecision = changes.filter((c) => c.decision?.numberSymbol === '125/QĐ-UBND');
    // The replaced procedure is closed too: five changes from four lines.
    expect(byDecision.map((c) => `${c.origin} ${c.code}`).sort()).toEqual(['abolished 1.000002', 'abolished 1.000003', 'amended 1.000001', 'new 1.000004', 'replaced 1.000005']);
  });

  it('checks the internal process against the legal time; staff cannot edit the catalog', async () => {
    const res = await t.as(coordinator, 'PUT', '/api/procedures/1.000001/process', { steps: [{ name: 'Tiếp nhận', responsible: 'Bộ phận Một cửa', hours: 4 }, { name: 'Thẩm định', responsible: 'Phòng chuyên môn', hours: 60 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Procedure).processCheck).toMatchObject({ withinLegalTime: false, totalDays: 8 });
    expect((await t.as(staff, 'POST', '/api/procedures', { data: procedure('2.000', 'X') })).statusCode).toBe(403);
  });
});

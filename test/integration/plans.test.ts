import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE, seedPlans } from '../../src/modules/plans/seed.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

type Task = { id: string; kind: string; position: number; code: string | null; content: string; lead: { text: string; unitId: string | null; groupId: string | null }; coop: { text: string; groupId: string | null }[]; product: string; productKinds: string[]; dueText: string; due: { kind: string; end: string } | null; flags: string[] };
type Plan = { id: string; status: string; revision: number; title: string; tasks: Task[]; originalFile: { name: string } | null };

describe.each(ENGINES)('plans on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let leader: Session;
  let staff: Session;
  let fixture: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    coordinator = await t.login(DEMO.coordinator);
    leader = await t.login(DEMO.leader);
    staff = await t.login(DEMO.staff);
    fixture = await readFile(SEED_PLAN_FILE, 'utf8');
  });
  afterAll(() => t.close());

  const file = (name: string, content: string | Buffer) => ({ name, base64: Buffer.from(content).toString('base64') });

  async function importFixture(): Promise<Plan> {
    const preview = await t.as(coordinator, 'POST', '/api/plans/import/preview', { file: file('ke-hoach.txt', fixture) });
    expect(preview.statusCode).toBe(200);
    const saved = await t.as(coordinator, 'POST', '/api/plans/import', { document: preview.json().document, file: file('ke-hoach.txt', fixture) });
    expect(saved.statusCode, saved.body).toBe(201);
    return saved.json();
  }

  it('previews an import without writing anything, resolving unit names', async () => {
    const before = (await t.as(coordinator, 'GET', '/api/plans')).json() as unknown[];
    const res = await t.as(coordinator, 'POST', '/api/plans/import/preview', { text: fixture });
    expect(res.statusCode).toBe(200);
    const { document, units } = res.json() as { document: { appendix: { tasks: unknown[]; groups: unknown[] } }; units: { text: string; unitId: string | null; groupId: string | null }[] };
    expect(document.appendix.tasks).toHaveLength(8);
    expect(document.appendix.groups).toHaveLength(3);
    expect(units.find((u) => u.text === 'Phòng HC-TH')?.unitId).toBeTruthy();
    expect(units.find((u) => u.text === 'Các phòng chuyên môn')?.groupId).toBeTruthy();
    expect((await t.as(coordinator, 'GET', '/api/plans')).json()).toHaveLength(before.length);
  });

  it('saves the import as a draft with its task tree, resolved units, parsed deadlines and the original file', async () => {
    const plan = await importFixture();
    expect(plan.status).toBe('draft');
    expect(plan.originalFile?.name).toBe('ke-hoach.txt');
    const tasks = plan.tasks.filter((x) => x.kind === 'task');
    const groups = plan.tasks.filter((x) => x.kind === 'group');
    expect(tasks).toHaveLength(8);
    expect(groups.map((g) => g.code)).toEqual(['B', 'B.1', 'B.2']);
    // Reading order: task A first, then B, B.1 and its tasks, then B.2 and its tasks.
    expect(plan.tasks.map((x) => (x.kind === 'group' ? x.code : 'task')).join(' ')).toBe('task B B.1 task task task task task B.2 task task');
    const first = tasks[0]!;
    expect(first).toMatchObject({ code: 'A', lead: { text: 'Phòng HC-TH' }, dueText: 'T2/2024', due: { kind: 'month', end: '2024-02-29' }, flags: [] });
    expect(first.lead.unitId).toBeTruthy();
    expect(first.coop[0]!.groupId).toBeTruthy();
    expect(first.productKinds).toEqual(['plan']);
    expect(tasks[6]!.productKinds).toEqual(expect.arrayContaining(['document', 'article', 'conference']));
    const original = await t.as(coordinator, 'GET', `/api/plans/${plan.id}/original`);
    expect(original.body).toBe(fixture);
    expect(String(original.headers['content-disposition'])).toContain('ke-hoach.txt');
  });

  it('flags names that match no unit and deadlines it cannot read, and clears the flag once fixed', async () => {
    const plan = await importFixture();
    const added = await t.as(coordinator, 'POST', `/api/plans/${plan.id}/tasks`, { content: 'Tọa đàm thử', lead: 'Phòng Không Tồn Tại', dueText: 'khi nào xong' });
    expect(added.statusCode).toBe(201);
    const task = added.json() as Task;
    expect(task.flags).toEqual(['lead_unmatched', 'due_unparsed']);
    expect(task.lead).toMatchObject({ text: 'Phòng Không Tồn Tại', unitId: null, groupId: null });
    const fixed = await t.as(coordinator, 'PATCH', `/api/plan-tasks/${task.id}`, { lead: 'Phòng Hành chính – Tổng hợp', dueText: 'Quý II/2024' });
    expect(fixed.json()).toMatchObject({ flags: [], due: { kind: 'quarter', end: '2024-06-30' } });
    expect((fixed.json() as Task).lead.unitId).toBeTruthy();
    const chosen = await t.as(coordinator, 'PATCH', `/api/plan-tasks/${task.id}`, { dueText: 'sau Tết', dueEnd: '2024-03-15' });
    expect(chosen.json()).toMatchObject({ dueText: 'sau Tết', due: { end: '2024-03-15' }, flags: [] });
  });

  it('adds, moves and deletes rows keeping a gapless order', async () => {
    const plan = await importFixture();
    const last = plan.tasks.at(-1)!;
    const top = await t.as(coordinator, 'POST', `/api/plans/${plan.id}/tasks`, { content: 'Đầu bảng', afterId: null });
    const moved = await t.as(coordinator, 'PATCH', `/api/plan-tasks/${top.json().id}`, { afterId: last.id });
    expect(moved.statusCode).toBe(200);
    let now = (await t.as(coordinator, 'GET', `/api/plans/${plan.id}`)).json() as Plan;
    expect(now.tasks.at(-1)!.content).toBe('Đầu bảng');
    expect(now.tasks.map((x) => x.position)).toEqual(now.tasks.map((_, i) => i));
    expect((await t.as(coordinator, 'DELETE', `/api/plan-tasks/${top.json().id}`)).statusCode).toBe(204);
    now = (await t.as(coordinator, 'GET', `/api/plans/${plan.id}`)).json();
    expect(now.tasks).toHaveLength(plan.tasks.length);
  });

  it('only leadership approves; after approval every change needs a reason and leaves a revision with a diff', async () => {
    const plan = await importFixture();
    expect((await t.as(coordinator, 'POST', `/api/plans/${plan.id}/status`, { status: 'approved' })).statusCode).toBe(403);
    expect((await t.as(leader, 'POST', `/api/plans/${plan.id}/status`, { status: 'closed' })).statusCode).toBe(409);
    const approved = await t.as(leader, 'POST', `/api/plans/${plan.id}/status`, { status: 'approved' });
    expect(approved.json()).toMatchObject({ status: 'approved', revision: 1 });
    const task = plan.tasks.find((x) => x.kind === 'task')!;
    const noReason = await t.as(coordinator, 'PATCH', `/api/plan-tasks/${task.id}`, { product: 'Kế hoạch đã sửa' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toMatch(/lý do/);
    expect(((await t.as(coordinator, 'GET', `/api/plans/${plan.id}`)).json() as Plan).tasks.find((x) => x.id === task.id)!.product).toBe('Kế hoạch');
    const withReason = await t.as(coordinator, 'PATCH', `/api/plan-tasks/${task.id}`, { product: 'Kế hoạch đã sửa', reason: 'Lãnh đạo Ban chỉ đạo điều chỉnh' });
    expect(withReason.statusCode).toBe(200);
    const revisions = (await t.as(staff, 'GET', `/api/plans/${plan.id}/revisions`)).json() as { number: number; reason: string; actorName: string }[];
    expect(revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(revisions[0]).toMatchObject({ reason: 'Lãnh đạo Ban chỉ đạo điều chỉnh', actorName: 'Chuyên viên điều phối (mẫu)' });
    const diff = (await t.as(staff, 'GET', `/api/plans/${plan.id}/diff?from=1&to=2`)).json() as { tasksChanged: { id: string; changes: { field: string; before: unknown; after: unknown }[] }[] };
    expect(diff.tasksChanged).toEqual([{ id: task.id, content: task.content, changes: [{ field: 'product', before: 'Kế hoạch', after: 'Kế hoạch đã sửa' }] }]);
    expect((await t.as(staff, 'PATCH', `/api/plans/${plan.id}`, { title: 'x', reason: 'y' })).statusCode).toBe(403);
  });

  it('exports the Decree 30 DOCX and an XLSX that imports back to the same table', async () => {
    const plan = await importFixture();
    const docx = await t.as(staff, 'GET', `/api/plans/${plan.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BAN DÂN TỘC', 'UBND TỈNH BẮC GIANG', 'KẾ HOẠCH', 'Số:', '/KH-BDT', 'MỤC ĐÍCH, YÊU CẦU', 'TỔ CHỨC THỰC HIỆN', 'Nơi nhận:', 'Lưu: VT, HCTH']) {
      expect(text, line).toContain(line);
    }
    const html = (await mammoth.convertToHtml({ buffer: docx.rawPayload })).value;
    for (const task of plan.tasks.filter((x) => x.kind === 'task')) expect(html).toContain(task.content.slice(0, 40));

    const xlsx = await t.as(staff, 'GET', `/api/plans/${plan.id}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBeGreaterThan(11);
    const reread = await readPlanInput({ file: { name: 'phu-luc.xlsx', base64: xlsx.rawPayload.toString('base64') } });
    const original = await readPlanInput({ text: fixture });
    const rows = (d: typeof original) => d.appendix!.tasks.map((x) => [x.group, x.content, x.lead, x.coop, x.product, x.dueText, x.due?.end]);
    expect(rows(reread)).toEqual(rows(original));
    expect(reread.appendix!.groups).toEqual(original.appendix!.groups);
  });

  it('re-checks a corrected preview: deadlines parsed again, warnings on the right rows', async () => {
    const preview = (await t.as(coordinator, 'POST', '/api/plans/import/preview', { text: fixture })).json() as { document: { appendix: { tasks: { dueText: string; lead: string }[] } } };
    preview.document.appendix.tasks[2]!.dueText = 'Quý II/2024';
    preview.document.appendix.tasks[3]!.dueText = 'khi có dịp';
    preview.document.appendix.tasks[4]!.lead = '';
    const res = await t.as(coordinator, 'POST', '/api/plans/import/check', { document: preview.document });
    expect(res.statusCode).toBe(200);
    const { document } = res.json() as { document: { appendix: { tasks: { due: { end: string } | null }[] }; warnings: { path: string }[] } };
    expect(document.appendix.tasks[2]!.due?.end).toBe('2024-06-30');
    expect(document.appendix.tasks[3]!.due).toBeNull();
    expect(document.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['appendix.tasks[3].due', 'appendix.tasks[4].lead']));
    expect(document.warnings.filter((w) => w.path.startsWith('appendix.tasks[2]'))).toEqual([]);
  });

  it('keeps a picked deadline when other fields change, and a move alone makes one revision', async () => {
    const plan = await importFixture();
    const task = plan.tasks.find((x) => x.kind === 'task')!;
    await t.as(coordinator, 'PATCH', `/api/plan-tasks/${task.id}`, { dueText: 'sau Tết', dueEnd: '2024-03-15' });
    const after = await t.as(coordinator, 'PATCH', `/api/plan-tasks/${task.id}`, { product: 'Kế hoạch (sửa)' });
    expect(after.json()).toMatchObject({ dueText: 'sau Tết', due: { end: '2024-03-15' }, flags: [] });
    const nullCode = await t.as(coordinator, 'PATCH', `/api/plan-tasks/${task.id}`, { code: null });
    expect(nullCode.json().code).toBeNull();
    await t.as(leader, 'POST', `/api/plans/${plan.id}/status`, { status: 'approved' });
    const last = plan.tasks.at(-1)!;
    expect((await t.as(coordinator, 'PATCH', `/api/plan-tasks/${task.id}`, { afterId: last.id, reason: 'Sắp xếp lại' })).statusCode).toBe(200);
    const revisions = (await t.as(coordinator, 'GET', `/api/plans/${plan.id}/revisions`)).json() as { reason: string }[];
    expect(revisions.map((r) => r.reason)).toEqual(['Sắp xếp lại', expect.stringContaining('Đã phê duyệt')]);
  });

  it('refuses bad files with a Vietnamese 4xx and writes nothing', async () => {
    const count = ((await t.as(coordinator, 'GET', '/api/plans')).json() as unknown[]).length;
    const garbage = await t.as(coordinator, 'POST', '/api/plans/import/preview', { file: file('hong.pdf', '%PDF-1.7 garbage that is not a pdf') });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().detail).toMatch(/[À-ỹ]/);
    const unknownType = await t.as(coordinator, 'POST', '/api/plans/import/preview', { file: file('anh.png', 'PNG') });
    expect(unknownType.statusCode).toBe(400);
    const badDoc = await t.as(coordinator, 'POST', '/api/plans/import', { document: { title: 'Thiếu mọi thứ' } });
    expect(badDoc.statusCode).toBe(400);
    const empty = await t.as(coordinator, 'POST', '/api/plans/import/preview', {});
    expect(empty.statusCode).toBe(400);
    expect(((await t.as(coordinator, 'GET', '/api/plans')).json() as unknown[]).length).toBe(count);
  });

  it('shows approved plans on the portal with the original file, never drafts', async () => {
    const plan = await importFixture();
    const draftPage = await t.app.inject({ method: 'GET', url: `/ke-hoach/${plan.id}`, headers: { accept: 'text/html' } });
    expect(draftPage.statusCode).toBe(404);
    await t.as(leader, 'POST', `/api/plans/${plan.id}/status`, { status: 'approved' });
    const list = await t.app.inject({ method: 'GET', url: '/ke-hoach', headers: { accept: 'text/html' } });
    expect(list.body).toContain(`/ke-hoach/${plan.id}`);
    const page = await t.app.inject({ method: 'GET', url: `/ke-hoach/${plan.id}`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tuyên truyền cải cách hành chính nhà nước năm 2024');
    expect(page.body).toContain('Lồng ghép tuyên truyền CCHC vào Hội thi tìm hiểu pháp luật');
    const download = await t.app.inject({ method: 'GET', url: `/ke-hoach/${plan.id}/tep-goc` });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe(fixture);
  });

  it('seeds the seed agency\'s plan through the importer, in force, once', async () => {
    const fresh = await createTestApp(engine);
    try {
      const admin = await fresh.login(DEMO.admin);
      const deps = { plans: fresh.services.plans, imports: fresh.services.planImports };
      expect(await seedPlans(deps, admin.agencyId)).toEqual(expect.any(String));
      expect(await seedPlans(deps, admin.agencyId)).toBeNull();
      const plans = (await fresh.as(admin, 'GET', '/api/plans')).json() as { status: string; taskCount: number; year: number }[];
      expect(plans).toEqual([expect.objectContaining({ status: 'in_force', taskCount: 8, year: 2024 })]);
    } finally {
      await fresh.close();
    }
  });
});

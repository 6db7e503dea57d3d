import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEvents } from '../../src/modules/outreach-events/demo.ts';
import { seedPlans } from '../../src/modules/plans/seed.ts';
import { ROLES, systemReader } from '../../src/platform/access.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

interface EventBody {
  id: string;
  kind: string;
  title: string;
  participantsTotal: number;
  taskIds: string[];
  files: { id: string; role: string }[];
  area: { name: string };
  unitId: string | null;
}
interface AreaBody {
  id: string;
  code: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

const csv = (lines: string[]) => ({ name: 'xa-phuong.csv', base64: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64') });

describe.each(ENGINES)('outreach events on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let staff: Session;
  let outsider: Session;
  let planId: string;
  let b2TaskId: string;
  let contestTaskId: string;
  let oldCommune: AreaBody;
  let newCommune: AreaBody;

  const base = () => ({
    kind: 'conference', title: 'Hội nghị tuyên truyền CCHC cho người có uy tín', startDate: '2024-03-05', endDate: '2024-03-05', areaId: oldCommune.id, address: 'Nhà văn hoá thôn Khe Nghè',
    audiences: ['prestigious_people', 'ethnic_communities'], participantsTotal: 120, participantsWomen: 50, participantsEthnic: 100, contentItems: ['Thủ tục hành chính'], planId, taskIds: [b2TaskId],
  });
  const evidenceOf = (id: string) => t.services.evidence.list(systemReader(coordinator.agencyId), { planId, includeWithdrawn: true }).then((list) => list.find((e) => e.source?.type === 'event' && e.source.id === id));
  const taskProgress = async (taskId: string) => {
    const res = await t.as(coordinator, 'GET', `/api/plans/${planId}/progress?asOf=2024-12-31`);
    return (res.json() as { tasks: { taskId: string; achieved: Record<string, number>; evidenceCount: number }[] }).tasks.find((x) => x.taskId === taskId)!;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [coordinator, staff] = await Promise.all([t.login(DEMO.coordinator), t.login(DEMO.staff)]);
    planId = (await seedPlans({ plans: t.services.plans, imports: t.services.planImports }, coordinator.agencyId))!;
    const plan = (await t.services.plans.planTasks(coordinator.agencyId, planId))!;
    const b2 = plan.tasks.filter((x) => x.kind === 'task' && x.groupCode === 'B.2');
    b2TaskId = b2[0]!.id;
    contestTaskId = b2[1]!.id;
    await t.services.events.areas.seedDemo(coordinator.agencyId);
    const areas = (await t.as(coordinator, 'GET', '/api/events/areas?level=commune')).json() as AreaBody[];
    oldCommune = areas.find((a) => a.code === 'MAU-X1')!;
    newCommune = areas.find((a) => a.code === 'MAU-XM1')!;
    await t.services.accounts.addUser({ agencyCode: 'snv-bacgiang', email: 'outsider-events@example.vn', fullName: 'Người ngoài', roles: ROLES.filter((r) => r !== 'overseer'), password: 'Outsider-2024' });
    outsider = await t.login('outsider-events@example.vn', 'Outsider-2024');
  });
  afterAll(() => t.close());

  it('lists the communes in force on a day: the old ones before 1/7/2025, the merged ones after', async () => {
    const before = (await t.as(coordinator, 'GET', '/api/events/areas?level=commune&on=2025-06-30')).json() as AreaBody[];
    const after = (await t.as(coordinator, 'GET', '/api/events/areas?level=commune&on=2025-07-01')).json() as AreaBody[];
    expect(before.map((a) => a.code)).toContain('MAU-X1');
    expect(before.map((a) => a.code)).not.toContain('MAU-XM1');
    expect(after.map((a) => a.code)).toContain('MAU-XM1');
    expect(after.map((a) => a.code)).not.toContain('MAU-X1');
    expect([...before, ...after].every((a) => a.name.includes('(mẫu)'))).toBe(true);
  });

  it('records an event on a B.2 task as evidence that counts in progress and in the quarterly report; edits update it, unlinking and deleting withdraw it', async () => {
    const created = await t.as(coordinator, 'POST', '/api/events', base());
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json() as EventBody;
    expect(event.area.name).toBe(oldCommune.name);
    const evidence = (await evidenceOf(event.id))!;
    expect(evidence).toMatchObject({ kind: 'event', date: '2024-03-05', status: 'active', taskIds: [b2TaskId], quantities: { conferences: 1, participants: 120 } });
    expect((await taskProgress(b2TaskId)).achieved).toMatchObject({ conferences: 1, participants: 120 });

    // The Q1 report (15/12/2023–14/3/2024) lists the event's evidence in its annex and counts it.
    const report = await t.services.consolidation.generateForCode(coordinator.agencyId, planId, '2024-Q1');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.xlsx as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.getWorksheet('Minh chứng')!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells.some((c) => c.includes('Hội nghị tuyên truyền CCHC cho người có uy tín'))).toBe(true);

    const edited = await t.as(coordinator, 'PUT', `/api/events/${event.id}`, { ...base(), kind: 'training', participantsTotal: 150 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await evidenceOf(event.id))!.quantities).toEqual({ trainings: 1, participants: 150 });
    const progress = await taskProgress(b2TaskId);
    expect(progress.achieved.conferences ?? 0).toBe(0);
    expect(progress.achieved).toMatchObject({ trainings: 1, participants: 150 });

    expect((await t.as(coordinator, 'PUT', `/api/events/${event.id}`, { ...base(), taskIds: [] })).statusCode).toBe(200);
    expect((await evidenceOf(event.id))!.status).toBe('withdrawn');
    expect((await taskProgress(b2TaskId)).evidenceCount).toBe(0);

    expect((await t.as(coordinator, 'PUT', `/api/events/${event.id}`, { ...base(), taskIds: [contestTaskId] })).statusCode).toBe(200);
    expect(await evidenceOf(event.id)).toMatchObject({ status: 'active', taskIds: [contestTaskId] });
    expect((await t.as(coordinator, 'DELETE', `/api/events/${event.id}`)).statusCode).toBe(204);
    expect((await evidenceOf(event.id))!.status).toBe('withdrawn');
    expect((await t.as(coordinator, 'GET', `/api/events/${event.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with a Vietnamese message and writes nothing', async () => {
    const countEvents = async () => ((await t.as(coordinator, 'GET', '/api/events')).json() as unknown[]).length;
    const countEvidence = async () => (await t.services.evidence.list(systemReader(coordinator.agencyId), { planId, includeWithdrawn: true })).length;
    const [events, evidence] = [await countEvents(), await countEvidence()];
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ participantsWomen: 121 }, /nữ \(121\) không được lớn hơn tổng số người tham dự \(120\)/],
      [{ participantsEthnic: 130 }, /dân tộc thiểu số \(130\) không được lớn hơn/],
      [{ startDate: '2024-03-05', endDate: '2024-03-04' }, /Ngày kết thúc \(04\/03\/2024\) không được trước ngày bắt đầu/],
      [{ areaId: newCommune.id }, /không có hiệu lực vào ngày 05\/03\/2024/],
      [{ startDate: '2025-08-01', endDate: '2025-08-01', taskIds: [], planId: null }, /không có hiệu lực vào ngày 01\/08\/2025/],
      [{ startDate: '2025-01-05', endDate: '2025-01-05' }, /kế hoạch năm 2024 phải diễn ra trong năm 2024/],
      [{ startDate: '2024-12-31', endDate: '2025-01-02' }, /phải diễn ra trong năm 2024/],
      [{ audiences: ['aliens'] }, /Đối tượng "aliens"/],
    ];
    for (const [patch, message] of cases) {
      const res = await t.as(coordinator, 'POST', '/api/events', { ...base(), ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().detail, JSON.stringify(patch)).toMatch(message);
    }
    expect((await t.as(coordinator, 'POST', '/api/events', { ...base(), participantsTotal: -1 })).statusCode).toBe(400);
    // A bad edit leaves the event and its evidence as they were.
    const ok = (await t.as(coordinator, 'POST', '/api/events', base())).json() as EventBody;
    const bad = await t.as(coordinator, 'PUT', `/api/events/${ok.id}`, { ...base(), participantsTotal: 10, participantsWomen: 11 });
    expect(bad.statusCode).toBe(400);
    expect((await evidenceOf(ok.id))!.quantities).toEqual({ conferences: 1, participants: 120 });
    expect(await countEvents()).toBe(events + 1);
    expect(await countEvidence()).toBe(evidence + 1);
    await t.as(coordinator, 'DELETE', `/api/events/${ok.id}`);
  });

  it('keeps agencies apart and staff to their own unit', async () => {
    const event = (await t.as(coordinator, 'POST', '/api/events', base())).json() as EventBody;
    expect((await t.as(outsider, 'GET', `/api/events/${event.id}`)).statusCode).toBe(404);
    expect((await t.as(outsider, 'PUT', `/api/events/${event.id}`, base())).statusCode).toBe(404);
    expect((await t.as(outsider, 'DELETE', `/api/events/${event.id}`)).statusCode).toBe(404);
    expect((await t.as(outsider, 'GET', '/api/events')).json()).toEqual([]);
    expect((await t.as(outsider, 'GET', '/api/events/areas')).json()).toEqual([]);
    // The outsider cannot place an event in this agency's commune.
    expect((await t.as(outsider, 'POST', '/api/events', { ...base(), taskIds: [], planId: null })).statusCode).toBe(400);
    // The coordinator recorded it for the coordinating office; the staff member is of another unit.
    const me = (await t.as(staff, 'GET', '/api/me')).json() as { unit: { id: string } };
    expect(me.unit.id).not.toBe((await t.as(coordinator, 'GET', `/api/events/${event.id}`)).json().unitId);
    expect((await t.as(staff, 'PUT', `/api/events/${event.id}`, base())).statusCode).toBe(403);
    expect((await t.as(staff, 'DELETE', `/api/events/${event.id}`)).statusCode).toBe(403);
    // Staff record for their own unit only, whatever unit they name.
    const own = await t.as(staff, 'POST', '/api/events', base());
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().unitId).toBe(me.unit.id);
    // Their unit co-operates on the B.2 task ("Các phòng chuyên môn"): the evidence is the unit's.
    expect((await evidenceOf(own.json().id))!.unitId).toBe(me.unit.id);
    expect((await t.as(staff, 'POST', '/api/events', { ...base(), unitId: event.unitId })).statusCode).toBe(403);
    expect((await t.as(staff, 'POST', '/api/events/areas/import', csv(['Mã,Tên,Cấp,Hiệu lực từ']))).statusCode).toBe(403);
  });

  it('exports the filtered list as XLSX with its rows', async () => {
    await t.as(coordinator, 'POST', '/api/events', { ...base(), title: 'Tập huấn người có uy tín', kind: 'training', startDate: '2024-05-10', endDate: '2024-05-11' });
    await t.as(coordinator, 'POST', '/api/events', { ...base(), title: 'Hội thi tìm hiểu pháp luật', kind: 'contest', taskIds: [contestTaskId], startDate: '2024-08-20', endDate: '2024-08-20' });
    const list = (await t.as(coordinator, 'GET', '/api/events?year=2024&kind=contest')).json() as EventBody[];
    expect(list.map((e) => e.title)).toEqual(['Hội thi tìm hiểu pháp luật']);
    expect(((await t.as(coordinator, 'GET', `/api/events?year=2024&taskId=${contestTaskId}`)).json() as EventBody[]).map((e) => e.title)).toEqual(['Hội thi tìm hiểu pháp luật']);
    const all = (await t.as(coordinator, 'GET', '/api/events?year=2024')).json() as EventBody[];
    const res = await t.as(coordinator, 'GET', '/api/events/export?year=2024');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Sự kiện')!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('năm 2024');
    expect(sheet.getRow(2).getCell(3).value).toBe('Tên sự kiện');
    expect(sheet.rowCount).toBe(2 + all.length);
    const titles = all.map((_, i) => sheet.getRow(3 + i).getCell(3).value);
    expect(titles).toEqual(all.map((e) => e.title));
    expect(sheet.getRow(3 + all.findIndex((e) => e.kind === 'contest')).getCell(2).value).toBe('Hội thi');
    const filtered = await t.as(coordinator, 'GET', '/api/events/export?year=2024&kind=contest');
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(filtered.rawPayload as unknown as ArrayBuffer);
    expect(book2.getWorksheet('Sự kiện')!.rowCount).toBe(3);
  });

  it('attaches materials checked by content and serves them back', async () => {
    const event = (await t.as(coordinator, 'POST', '/api/events', base())).json() as EventBody;
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#369' } }).png().toBuffer();
    const added = await t.as(coordinator, 'POST', `/api/events/${event.id}/files`, { name: 'anh-hoi-nghi.png', base64: png.toString('base64'), role: 'photo' });
    expect(added.statusCode, added.body).toBe(201);
    const file = (added.json() as EventBody).files[0]!;
    expect(file.role).toBe('photo');
    // The photo is also a file of the event's evidence (it travels into the PAR Index pack).
    expect((await evidenceOf(event.id))!.files.map((f) => f.id)).toEqual([file.id]);
    const back = await t.as(coordinator, 'GET', `/api/events/${event.id}/files/${file.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(png)).toBe(true);
    const html = await t.as(coordinator, 'POST', `/api/events/${event.id}/files`, { name: 'anh.png', base64: Buffer.from('<html><script>alert(1)</script></html>').toString('base64'), role: 'photo' });
    expect(html.statusCode).toBe(415);
    expect(html.json().detail).toMatch(/không đúng định dạng/);
    expect((await t.as(outsider, 'GET', `/api/events/${event.id}/files/${file.id}`)).statusCode).toBe(404);
    expect(((await t.as(coordinator, 'DELETE', `/api/events/${event.id}/files/${file.id}`)).json() as EventBody).files).toEqual([]);
    expect((await evidenceOf(event.id))!.files).toEqual([]);
  });

  it('imports areas from CSV with a per-row report, writing nothing while a row is bad', async () => {
    const header = 'Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến,Thay bằng';
    const bad = await t.as(coordinator, 'POST', '/api/events/areas/import', csv([header, 'T-01,Xã Thử Một,Xã,,01/01/2020,01/07/2025,T-10', 'T-02,Xã Thử Hai,Thôn,,32/01/2020,,', 'T-10,Xã Thử Mới,Xã,,01/07/2025,,']));
    expect(bad.statusCode).toBe(200);
    const report = bad.json() as { written: boolean; errors: { row: number; message: string }[] };
    expect(report.written).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.row).toBe(3);
    expect(report.errors[0]!.message).toMatch(/Dòng 3: cấp "Thôn" không rõ.*ngày hiệu lực "32\/01\/2020" không đúng dạng/);
    const codes = async () => ((await t.as(coordinator, 'GET', '/api/events/areas')).json() as AreaBody[]).map((a) => a.code);
    expect(await codes()).not.toContain('T-01');

    const good = (await t.as(coordinator, 'POST', '/api/events/areas/import', csv([header, 'T-01,Xã Thử Một,Xã,,01/01/2020,01/07/2025,T-10', 'T-10,Xã Thử Mới,Xã,,2025-07-01,,']))).json() as { written: boolean; created: number };
    expect(good).toMatchObject({ written: true, created: 2 });
    const again = (await t.as(coordinator, 'POST', '/api/events/areas/import', csv([header, 'T-01,Xã Thử Một (sửa),Xã,,01/01/2020,01/07/2025,T-10']))).json() as { created: number; updated: number };
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const onDay = (await t.as(coordinator, 'GET', '/api/events/areas?on=2025-07-01')).json() as AreaBody[];
    expect(onDay.find((a) => a.code === 'T-10')).toBeTruthy();
    expect(onDay.find((a) => a.code === 'T-01')).toBeUndefined();
    expect((await t.as(coordinator, 'POST', '/api/events/areas/import', csv(['a,b,c', '1,2,3']))).json().errors[0].message).toMatch(/Không tìm thấy dòng tiêu đề/);

    // The same list as a spreadsheet, with a title row above the header and real date cells.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Danh mục');
    sheet.addRow(['Danh mục đơn vị hành chính cấp xã']);
    sheet.addRow(header.split(','));
    sheet.addRow(['T-20', 'Phường Thử', 'Phường', 'T-P', new Date(Date.UTC(2025, 6, 1)), null, null]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const fromXlsx = (await t.as(coordinator, 'POST', '/api/events/areas/import', { name: 'xa-phuong.xlsx', base64: xlsx.toString('base64') })).json() as { written: boolean; created: number };
    expect(fromXlsx).toMatchObject({ written: true, created: 1, warnings: ['Dòng 3: mã cấp trên "T-P" chưa có trong danh sách.'] });
    expect(((await t.as(coordinator, 'GET', '/api/events/areas?on=2025-07-01')).json() as AreaBody[]).find((a) => a.code === 'T-20')).toMatchObject({ name: 'Phường Thử', effectiveFrom: '2025-07-01', effectiveTo: null });
  });

  it('keeps a configurable list of audiences', async () => {
    const saved = await t.as(coordinator, 'PUT', '/api/events/audiences', { audiences: [{ code: 'prestigious_people', label: 'Người có uy tín' }, { code: 'ethnic_communities', label: 'Đồng bào dân tộc thiểu số' }, { label: 'Chức sắc tôn giáo' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const vocabulary = (await t.as(staff, 'GET', '/api/events/vocabulary')).json() as { audiences: { code: string; label: string }[]; kinds: { code: string; label: string }[] };
    expect(vocabulary.audiences.map((a) => a.label)).toEqual(['Người có uy tín', 'Đồng bào dân tộc thiểu số', 'Chức sắc tôn giáo']);
    expect(vocabulary.kinds.map((k) => k.label)).toContain('Phát thanh loa truyền thanh');
    expect((await t.as(coordinator, 'POST', '/api/events', { ...base(), audiences: ['students'] })).json().detail).toMatch(/Đối tượng "students"/);
    expect((await t.as(staff, 'PUT', '/api/events/audiences', { audiences: [{ label: 'X' }] })).statusCode).toBe(403);
  });
});

describe.each(ENGINES)('demo events on %s', (engine) => {
  let t: TestApp;
  afterAll(() => t.close());

  it('seeds a year of events in mountainous demo communes on the seed plan\'s B.2 tasks, all marked demo, once', async () => {
    t = await createTestApp(engine);
    const coordinator = await t.login(DEMO.coordinator);
    const planId = (await seedPlans({ plans: t.services.plans, imports: t.services.planImports }, coordinator.agencyId))!;
    const n = await seedDemoEvents(t.services, coordinator.agencyId, planId);
    expect(n).toBeGreaterThanOrEqual(12);
    expect(await seedDemoEvents(t.services, coordinator.agencyId, planId)).toBe(0);
    const events = (await t.as(coordinator, 'GET', '/api/events?year=2024')).json() as (EventBody & { isDemo: boolean })[];
    expect(events).toHaveLength(n);
    const plan = (await t.services.plans.planTasks(coordinator.agencyId, planId))!;
    const b2 = new Set(plan.tasks.filter((x) => x.groupCode === 'B.2').map((x) => x.id));
    for (const e of events) {
      expect(e.isDemo).toBe(true);
      expect(e.title).toMatch(/\(mẫu\)$/);
      expect(e.area.name).toMatch(/\(mẫu\)$/);
      expect(e.taskIds.every((id) => b2.has(id))).toBe(true);
    }
    const evidence = await t.services.evidence.list(systemReader(coordinator.agencyId), { planId });
    const fromEvents = evidence.filter((e) => e.source?.type === 'event');
    expect(fromEvents).toHaveLength(n);
    expect(fromEvents.every((e) => e.isDemo && e.title.endsWith('(mẫu)'))).toBe(true);
  });
});

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTableXlsx } from '../../src/documents/xlsx/table-xlsx.ts';
import { IMPORT_COLUMNS } from '../../src/modules/indices/parse.ts';
import { PUBLICATION_SOURCE } from '../../src/modules/indices/publish.ts';
import { seedPublishedIndices } from '../../src/modules/indices/seed.ts';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import type { Actor } from '../../src/platform/access.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

const xlsxOf = async (rows: (string | number | null)[][]) => ({ name: 'chi-so.xlsx', base64: (await writeTableXlsx({ sheet: 'Chỉ số', columns: IMPORT_COLUMNS.map((c) => ({ header: c.title, width: 12 })), rows })).toString('base64') });

describe.each(ENGINES)('indices on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let staff: Session;
  let outsider: Actor;
  let agencyId: string;

  const count = async () => ((await t.as(coordinator, 'GET', '/api/indices')).json() as unknown[]).length;

  beforeAll(async () => {
    t = await createTestApp(engine);
    coordinator = await t.login(DEMO.coordinator);
    staff = await t.login(DEMO.staff);
    agencyId = coordinator.agencyId;
    const other = (await t.services.org.agencyByCode('snv-bacgiang'))!;
    outsider = { userId: 'outsider', agencyId: other.id, unitId: null, email: 'x@snv.example', fullName: 'Điều phối Sở Nội vụ', roles: ['coordinator'] };
  });
  afterAll(() => t.close());

  it('seeds the published values of Bắc Giang once, with their source; /chi-so shows them in Vietnamese format', async () => {
    expect(await seedPublishedIndices(t.services, agencyId)).toBe(5);
    expect(await seedPublishedIndices(t.services, agencyId)).toBe(0);
    const values = (await t.as(staff, 'GET', '/api/indices')).json() as { indexCode: string; year: number; valueText: string; rank: number; rankOf: number; source: string; origin: string }[];
    expect(values.map((v) => `${v.indexCode} ${v.year} ${v.valueText} ${v.rank}/${v.rankOf}`).sort()).toEqual(['papi 2023 44,32 10/63', 'par 2022 88,54 4/63', 'par 2023 91,16 4/63', 'pci 2022 72,80 2/63', 'sipas 2023 81,62 38/63']);
    expect(values.every((v) => v.source.length > 20 && v.origin === 'seed')).toBe(true);
    const page = await t.app.inject({ method: 'GET', url: '/chi-so' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="row">2022</th><td>88,54\u00a0%</td><td>4/63</td>');
    expect(page.body).toContain('72,80 điểm');
    expect(page.body).toContain('Bộ Nội vụ công bố năm 2023');
    expect(page.body).toContain('<svg class="chart" role="img" aria-labelledby="bd-par-title bd-par-desc"');
    // Another agency's portal data stays its own.
    expect(await t.services.indices.list(outsider)).toEqual([]);
  });

  it('entry: duplicates, out-of-range values and ranks, unknown components are refused in Vietnamese; only the coordinating office writes', async () => {
    const body = { indexCode: 'pci' as const, component: 'total', year: 2023, value: 70.5, rank: 3, rankOf: 63, source: 'Báo cáo PCI 2023 (VCCI)', sourceUrl: 'https://pcivietnam.vn' };
    const created = await t.as(coordinator, 'POST', '/api/indices', body);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ valueText: '70,50', componentName: 'Tổng điểm' });
    const dup = await t.as(coordinator, 'POST', '/api/indices', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toBe('PCI năm 2023 đã có giá trị: sửa dòng đó thay vì thêm mới.');
    const cases: [object, RegExp][] = [
      [{ value: 120 }, /phải từ 0 đến 100,00/],
      [{ value: 70.555 }, /tối đa hai chữ số thập phân/],
      [{ rank: 64 }, /Xếp hạng phải là số nguyên từ 1 đến 63/],
      [{ rank: 0 }, /thứ hạng \(từ 1 trở lên\)/],
      [{ component: 'cs3', value: 10.5 }, /Tính minh bạch\) phải từ 0 đến 10,00/],
      [{ component: 'xx' }, /không có thành phần "xx"/],
      [{ year: 2099 }, /Năm phải từ 2005 đến/],
      [{ source: '  ' }, /Hãy ghi nguồn/],
      [{ sourceUrl: 'javascript:alert(1)' }, /http/],
    ];
    for (const [patch, message] of cases) {
      const res = await t.as(coordinator, 'POST', '/api/indices', { ...body, year: 2021, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().detail).toMatch(message);
    }
    expect((await t.as(staff, 'POST', '/api/indices', { ...body, year: 2020 })).statusCode).toBe(403);
    const id = created.json().id as string;
    const updated = await t.as(coordinator, 'PUT', `/api/indices/${id}`, { ...body, value: 70.51 });
    expect(updated.json().valueText).toBe('70,51');
    await expect(t.services.indices.update(outsider, id, { ...body, value: 1 })).rejects.toMatchObject({ status: 404 });
    await expect(t.services.indices.remove(outsider, id)).rejects.toMatchObject({ status: 404 });
    expect((await t.as(coordinator, 'DELETE', `/api/indices/${id}`)).statusCode).toBe(204);
  });

  it('imports XLSX with a per-row report: nothing written while any row is bad, all rows at once when clean', async () => {
    const before = await count();
    const bad = await t.as(coordinator, 'POST', '/api/indices/import', await xlsxOf([
      ['PAPI', 'Quản trị điện tử', 2023, '5,12', null, null, 'Báo cáo PAPI 2023', 'https://papi.org.vn'],
      ['PCI', 'Tổng', 2023, 'abc', null, null, 'Báo cáo PCI 2023', ''],
      ['PCI', 'Tổng', 2021, '71,20', 99, 63, 'Báo cáo PCI 2021', ''],
      ['PAR Index', 'Tổng', 2022, '88,54', 4, 63, 'Trùng với giá trị đã có', ''],
      ['Chỉ số lạ', '', 2023, '1', null, null, 'x', ''],
    ]));
    expect(bad.statusCode).toBe(200);
    const report = bad.json();
    expect(report).toMatchObject({ written: false, created: 0, dataRows: 5 });
    expect(report.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5, 6]);
    expect(report.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(/Dòng 3: Giá trị "abc"[\s\S]*Dòng 4: Xếp hạng phải là số nguyên từ 1 đến 63[\s\S]*Dòng 5: PAR Index năm 2022 \(Tổng điểm\) đã có giá trị[\s\S]*Dòng 6: chỉ số "Chỉ số lạ"/);
    expect(await count()).toBe(before);

    const good = await t.as(coordinator, 'POST', '/api/indices/import', await xlsxOf([
      ['PAPI', 'Quản trị điện tử', 2023, '5,12', null, null, 'Báo cáo PAPI 2023', 'https://papi.org.vn'],
      ['Chỉ số CCHC của cơ quan', '', 2023, '85.3', 5, 20, 'Quyết định công bố Chỉ số CCHC các sở, ngành năm 2023 của UBND tỉnh (mẫu thử)', ''],
    ]));
    expect(good.json()).toMatchObject({ written: true, created: 2, errors: [] });
    expect(await count()).toBe(before + 2);
    const twice = await t.as(coordinator, 'POST', '/api/indices/import', await xlsxOf([['PAPI', 'nd8', 2023, '5,12', null, null, 'Báo cáo PAPI 2023', '']]));
    expect(twice.json()).toMatchObject({ written: false });
    expect((await t.as(coordinator, 'POST', '/api/indices/import', { name: 'x.xlsx', base64: Buffer.from('not a spreadsheet').toString('base64') })).statusCode).toBe(400);
    const template = await t.as(staff, 'GET', '/api/indices/template.xlsx');
    expect(template.headers['content-type']).toContain('spreadsheetml');
  });

  it('publishing an index article is evidence on the plan task about PCI and indices, dated within the plan year', async () => {
    const doc = await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') });
    const plan = await t.services.plans.createFromDocumentAs({ agencyId }, doc);
    await t.services.plans.putInForceAs(agencyId, plan.id, 'Kế hoạch đã ký');
    const pciTask = plan.tasks.find((x) => x.kind === 'task' && /hoạt động PCI/.test(x.content))!;
    const res = await t.as(coordinator, 'POST', '/api/indices/publications', { year: 2023, kind: 'infographic', title: 'Bắc Giang giữ hạng 4 PAR Index', link: '/chi-so', publishedOn: '2024-06-01' });
    expect(res.statusCode).toBe(200);
    const pub = res.json();
    expect(pub.planId).toBe(plan.id);
    expect(pub.evidenceId).not.toBeNull();
    const ev = await t.services.evidence.bySource(agencyId, { type: PUBLICATION_SOURCE, id: pub.id });
    expect(ev).toMatchObject({ id: pub.evidenceId, status: 'active', planId: plan.id });
    const progress = (await t.as(coordinator, 'GET', `/api/evidence?planId=${plan.id}&taskId=${pciTask.id}`)).json() as { id: string; date: string }[];
    expect(progress.find((e) => e.id === pub.evidenceId)?.date).toBe('2024-06-01');

    // No plan for that year: recorded, without evidence, and said so.
    const later = (await t.as(coordinator, 'POST', '/api/indices/publications', { year: 2023, kind: 'article', title: 'Tin', link: 'https://example.vn/tin', publishedOn: '2025-02-01' })).json();
    expect(later).toMatchObject({ evidenceId: null, planId: null });
    expect(later.message).toMatch(/chưa ghi minh chứng/);
    const early = await t.as(coordinator, 'POST', '/api/indices/publications', { year: 2024, kind: 'article', title: 'Tin', link: '/chi-so', publishedOn: '2023-12-01' });
    expect(early.statusCode).toBe(400);
    expect((await t.as(coordinator, 'POST', '/api/indices/publications', { year: 2023, kind: 'article', title: 'Tin', link: 'javascript:x', publishedOn: '2024-02-01' })).statusCode).toBe(400);
    expect((await t.as(staff, 'POST', '/api/indices/publications', { year: 2023, kind: 'article', title: 'Tin', link: '/chi-so', publishedOn: '2024-02-01' })).statusCode).toBe(403);
    expect(((await t.as(staff, 'GET', '/api/indices/publications')).json() as unknown[]).length).toBe(2);
  });
});

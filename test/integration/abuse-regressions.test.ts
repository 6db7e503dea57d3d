import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/platform/access.ts';
import { ENGINES } from '../support/databases.ts';
import { multipart } from '../support/multipart.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

/**
 * Regressions for the 500s the OpenAPI fuzzer (fuzz-openapi.test.ts) found: each input below
 * once failed with a 5xx on one engine or both, and must now be a 4xx with a Vietnamese message
 * and no write.
 */
const PROCEDURE = { code: '1.000777', name: 'Thủ tục thử', field: 'Công tác dân tộc', level: 'Cấp tỉnh', implementingAgency: 'Ban', steps: [], channels: [], processingDays: 2, onlineLevel: null, dossier: [], applicants: '', result: '', forms: [], conditions: '', legalBasis: [] };

describe.each(ENGINES)('abuse regressions on %s', (engine) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login(DEMO.admin);
    expect((await t.as(admin, 'POST', '/api/procedures', { data: PROCEDURE, effectiveFrom: '2024-01-01' })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('refuses a calendar day that does not exist with a 400, before any service runs', async () => {
    for (const day of ['2024-00-10', '2024-02-30', '2023-02-29', '2024-13-01']) {
      const res = await t.as(admin, 'POST', '/api/procedures', { data: { ...PROCEDURE, code: '1.000778' }, effectiveFrom: day });
      expect(res.statusCode, day).toBe(400);
      expect(res.json().detail).toMatch(/effectiveFrom.*không đúng định dạng/);
    }
    expect((await t.as(admin, 'GET', '/api/procedures/1.000778')).statusCode).toBe(404);
    expect((await t.as(admin, 'POST', '/api/procedures', { data: { ...PROCEDURE, code: '1.000779' }, effectiveFrom: '2024-02-29' })).statusCode).toBe(200);
  });

  it('refuses a NUL character in a path, query or body with a 400 on both engines', async () => {
    const units = (await t.as(admin, 'GET', '/api/units')).json() as { id: string; name: string }[];
    const patch = await t.as(admin, 'PATCH', `/api/units/${units[0]!.id}`, { name: 'Phòng\u0000 thử' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().detail).toMatch(/NUL/);
    expect(((await t.as(admin, 'GET', `/api/units/${units[0]!.id}`)).json() as { name: string }).name).toBe(units[0]!.name);
    expect((await t.as(admin, 'GET', '/api/articles/%00')).statusCode).toBe(400);
    expect((await t.as(admin, 'GET', '/api/users?unitId=a%00b')).statusCode).toBe(400);
    // Anonymous callers still meet the sign-in check first.
    expect((await t.as(undefined, 'GET', '/api/articles/%00')).statusCode).toBe(401);
  });

  it('refuses a NUL in the public feedback form (multipart, read after the guard) and writes nothing', async () => {
    const count = async () => Number((await t.db.database.db.selectFrom('feedback').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const fields = { ho_ten: 'Người\u0000 gửi', dia_chi: 'Thôn Một', dien_thoai: '0912345678', tieu_de: 'Tiêu đề', noi_dung: 'Nội dung phản ánh.' };
    const res = await t.app.inject({ method: 'POST', url: '/phan-anh-kien-nghi', ...multipart(fields) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('NUL (U+0000)');
    const file = await t.app.inject({ method: 'POST', url: '/phan-anh-kien-nghi', ...multipart({ ...fields, ho_ten: 'Người gửi' }, [{ name: 'a\u0000.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') }]) });
    expect(file.statusCode).toBe(400);
    const survey = await t.app.inject({ method: 'POST', url: '/khao-sat', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: 'gop_y=a%00b' });
    expect(survey.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('keeps a processing step to units of the agency, and its hours to the hundredth', async () => {
    await t.services.accounts.addUser({ agencyCode: 'snv-bacgiang', email: 'ngoai@example.vn', fullName: 'Người ngoài', roles: ROLES.filter((r) => r !== 'overseer'), password: 'Outsider-2024' });
    const outsider = await t.login('ngoai@example.vn', 'Outsider-2024');
    const foreignUnit = ((await t.as(outsider, 'GET', '/api/units')).json() as { id: string }[])[0]!.id;
    for (const unitId of [foreignUnit, 'khong-co']) {
      const res = await t.as(admin, 'PUT', `/api/procedures/${PROCEDURE.code}/process`, { steps: [{ name: 'Tiếp nhận', responsible: 'Một cửa', unitId, hours: 2 }] });
      expect(res.statusCode, unitId).toBe(400);
      expect(res.json().detail).toBe('Đơn vị của một bước xử lý không thuộc cơ quan.');
    }
    const ownUnit = ((await t.as(admin, 'GET', '/api/units')).json() as { id: string }[])[0]!.id;
    const ok = await t.as(admin, 'PUT', `/api/procedures/${PROCEDURE.code}/process`, { steps: [{ name: 'Tiếp nhận', responsible: 'Một cửa', unitId: ownUnit, hours: 4.7e-241 }, { name: 'Thẩm định', responsible: 'Phòng', unitId: null, hours: 1.005 }] });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { process: { hours: number }[] }).process.map((s) => s.hours)).toEqual([0, 1]);
  });

  it('answers a path parameter longer than the router allows with a Vietnamese 414', async () => {
    const api = await t.as(admin, 'GET', `/api/plans/${'x'.repeat(300)}`);
    expect(api.statusCode).toBe(414);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
    expect(api.json().detail).toBe('Địa chỉ yêu cầu quá dài.');
    const page = await t.app.inject({ method: 'GET', url: `/ke-hoach/${'x'.repeat(300)}`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(414);
    expect(page.body).toContain('Địa chỉ yêu cầu quá dài.');
  });
});

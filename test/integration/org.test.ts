import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/modules/org/seed.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, DEMO_PASSWORD, type Session, type TestApp } from '../support/test-app.ts';

describe.each(ENGINES)('organisation on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login(DEMO.admin);
  });
  afterAll(() => t.close());

  it('seeds the agency with the units the 2024 plan names and the professional-units group', async () => {
    const units = (await t.as(admin, 'GET', '/api/units')).json() as { abbreviation: string; shortName: string; isCoordinator: boolean; isDemo: boolean; kind: string; id: string }[];
    const hcth = units.find((u) => u.abbreviation === 'HC-TH')!;
    expect(hcth.shortName).toBe('Phòng HC-TH');
    expect(hcth.isCoordinator).toBe(true);
    expect(hcth.isDemo).toBe(false);
    expect(units.find((u) => u.abbreviation === 'KH-TT')?.isDemo).toBe(false);
    expect(units.filter((u) => u.isDemo).length).toBeGreaterThan(0);
    const groups = (await t.as(admin, 'GET', '/api/unit-groups')).json() as { name: string; unitIds: string[] }[];
    const professional = groups.find((g) => g.name === 'Các phòng chuyên môn')!;
    expect(new Set(professional.unitIds)).toEqual(new Set(units.filter((u) => u.kind === 'professional').map((u) => u.id)));
  });

  it('prints the 2024 name under its parent for 2024 dates, and the successor from its effective date', async () => {
    const agency = (await t.as(admin, 'GET', '/api/agency')).json() as { id: string; current: { name: string }; names: unknown[] };
    const in2024 = await t.services.org.agencyNameOn(agency.id, '2024-02-05');
    expect(in2024).toMatchObject({ name: 'Ban Dân tộc tỉnh Bắc Giang', shortName: 'Ban Dân tộc', abbreviation: 'BDT', parentName: 'UBND tỉnh Bắc Giang', place: 'Bắc Giang' });
    expect((await t.services.org.agencyNameOn(agency.id, '2025-03-01'))?.name).toBe('Sở Dân tộc và Tôn giáo tỉnh Bắc Giang');
    expect((await t.services.org.agencyNameOn(agency.id, '2025-07-01'))).toMatchObject({ name: 'Sở Dân tộc và Tôn giáo tỉnh Bắc Ninh', parentName: 'UBND tỉnh Bắc Ninh' });
    expect(agency.current.name).toBe('Sở Dân tộc và Tôn giáo tỉnh Bắc Ninh');
    expect(agency.names).toHaveLength(3);
  });

  it('adds a name version: the one it supersedes ends the day before; a duplicate start date is 409', async () => {
    const input = { validFrom: '2030-01-01', name: 'Sở Thử nghiệm', shortName: 'Sở Thử', abbreviation: 'STN', parentName: 'UBND tỉnh Bắc Ninh', place: 'Bắc Ninh', source: 'thử nghiệm' };
    const res = await t.as(admin, 'POST', '/api/agency/names', input);
    expect(res.statusCode).toBe(201);
    const names = res.json().names as { name: string; validFrom: string | null; validTo: string | null }[];
    expect(names.find((n) => n.name === 'Sở Dân tộc và Tôn giáo tỉnh Bắc Ninh')?.validTo).toBe('2029-12-31');
    expect(names.at(-1)).toMatchObject({ name: 'Sở Thử nghiệm', validFrom: '2030-01-01', validTo: null });
    const agencyId = admin.agencyId;
    expect((await t.services.org.agencyNameOn(agencyId, '2029-12-31'))?.abbreviation).toBe('SDTTG');
    expect((await t.services.org.agencyNameOn(agencyId, '2030-01-01'))?.abbreviation).toBe('STN');
    expect((await t.as(admin, 'POST', '/api/agency/names', input)).statusCode).toBe(409);
    const bad = await t.as(admin, 'POST', '/api/agency/names', { ...input, validFrom: '01/01/2031' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/validFrom/);
  });

  it('updates the contact details and shows them on the portal footer at once (cache invalidated)', async () => {
    const cachedBefore = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(cachedBefore.body).not.toContain('Đường Thử');
    const res = await t.as(admin, 'PATCH', '/api/agency', { address: ' Số 1  Đường Thử, Bắc Ninh ', phone: '0204 3 000 000', email: 'lienhe@example.vn' });
    expect(res.statusCode).toBe(200);
    expect(res.json().address).toBe('Số 1 Đường Thử, Bắc Ninh');
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(home.body).toContain('Số 1 Đường Thử, Bắc Ninh');
    expect(home.body).toContain('mailto:lienhe@example.vn');
    expect(home.headers.etag).not.toBe(cachedBefore.headers.etag);
    const revalidated = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html', 'if-none-match': String(home.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
  });

  it('creates, renames and deactivates a unit; a duplicate abbreviation is 409; every change is audited', async () => {
    const created = await t.as(admin, 'POST', '/api/units', { name: '  Phòng  Truyền thông ', abbreviation: 'TT', kind: 'professional' });
    expect(created.statusCode).toBe(201);
    const unit = created.json() as { id: string; name: string; shortName: string; active: boolean };
    expect(unit).toMatchObject({ name: 'Phòng Truyền thông', shortName: 'Phòng Truyền thông', active: true });
    expect((await t.as(admin, 'POST', '/api/units', { name: 'Khác', abbreviation: 'TT', kind: 'other' })).statusCode).toBe(409);
    const renamed = await t.as(admin, 'PATCH', `/api/units/${unit.id}`, { shortName: 'Phòng TT' });
    expect(renamed.json().shortName).toBe('Phòng TT');
    const off = await t.as(admin, 'PATCH', `/api/units/${unit.id}`, { active: false });
    expect(off.json().active).toBe(false);
    const audit = (await t.as(admin, 'GET', `/api/audit?entity=unit&entityId=${unit.id}`)).json() as { total: number; items: { action: string; before: any; after: any; actorName: string }[] };
    expect(audit.items.map((e) => e.action)).toEqual(['deactivate', 'update', 'create']);
    expect(audit.items[1]!.before.shortName).toBe('Phòng Truyền thông');
    expect(audit.items[1]!.after.shortName).toBe('Phòng TT');
    expect(audit.items[0]!.actorName).toContain(DEMO.admin);
  });

  it('creates a user with a generated password that signs in, filters users, and rejects a duplicate email', async () => {
    const units = (await t.as(admin, 'GET', '/api/units')).json() as { id: string; abbreviation: string }[];
    const khtt = units.find((u) => u.abbreviation === 'KH-TT')!;
    const res = await t.as(admin, 'POST', '/api/users', { email: 'Nguyen.Van.A@Example.vn', fullName: 'Nguyễn Văn A', unitId: khtt.id, roles: ['staff', 'editor'] });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json() as { user: { id: string; email: string; roles: string[]; unitName: string }; temporaryPassword: string };
    expect(user.email).toBe('nguyen.van.a@example.vn');
    expect(user.unitName).toBe('Phòng KH-TT');
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const s = await t.login('nguyen.van.a@example.vn', temporaryPassword);
    expect(((await t.as(s, 'GET', '/api/me')).json() as { roles: string[] }).roles.sort()).toEqual(['editor', 'staff']);
    const dup = await t.as(admin, 'POST', '/api/users', { email: 'nguyen.van.a@example.vn', fullName: 'Trùng', roles: [] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toMatch(/Email/);
    const filtered = (await t.as(admin, 'GET', `/api/users?role=editor&unitId=${khtt.id}`)).json() as { email: string }[];
    expect(filtered.map((u) => u.email)).toEqual(['nguyen.van.a@example.vn']);
    for (const q of ['nguyễn văn', 'NGUYEN VAN', 'van.a@example']) {
      const searched = (await t.as(admin, 'GET', `/api/users?q=${encodeURIComponent(q)}`)).json() as { email: string }[];
      expect(searched.map((u) => u.email), q).toEqual(['nguyen.van.a@example.vn']);
    }
    const badRole = await t.as(admin, 'POST', '/api/users', { email: 'x@example.vn', fullName: 'X', roles: ['superuser'] });
    expect(badRole.statusCode).toBe(400);
    const audit = (await t.as(admin, 'GET', `/api/audit?entity=user&entityId=${user.id}`)).json() as { items: { action: string; after: Record<string, unknown> }[] };
    expect(audit.items.map((e) => e.action)).toEqual(['login', 'create']);
    expect(JSON.stringify(audit.items)).not.toMatch(/password|argon2/i);
  });

  it('refuses a unit of another agency for a user', async () => {
    const other = await t.login(DEMO.overseer);
    const otherUnits = (await t.as(other, 'GET', '/api/units')).json() as { id: string }[];
    const res = await t.as(admin, 'POST', '/api/users', { email: 'lac@example.vn', fullName: 'Lạc đơn vị', unitId: otherUnits[0]!.id, roles: ['staff'] });
    expect(res.statusCode).toBe(400);
  });

  it('keeps at least one active admin and refuses self-deactivation', async () => {
    const fresh = await createTestApp(engine);
    try {
      const a = await fresh.login(DEMO.admin);
      const self = await fresh.as(a, 'PATCH', `/api/users/${a.userId}`, { active: false });
      expect(self.statusCode).toBe(409);
      const demote = await fresh.as(a, 'PATCH', `/api/users/${a.userId}`, { roles: ['staff'] });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().detail).toMatch(/quản trị viên/);
      const me = (await fresh.as(a, 'GET', '/api/me')).json() as { roles: string[] };
      expect(me.roles).toEqual(['admin']);
    } finally {
      await fresh.close();
    }
  });

  it('filters the audit log by user and by date', async () => {
    const all = (await t.as(admin, 'GET', `/api/audit?userId=${admin.userId}&pageSize=200`)).json() as { total: number; items: { actorId: string }[]; entities: string[] };
    expect(all.total).toBeGreaterThan(3);
    expect(all.items.every((e) => e.actorId === admin.userId)).toBe(true);
    expect(all.entities).toEqual(expect.arrayContaining(['unit', 'user', 'agency']));
    const past = (await t.as(admin, 'GET', '/api/audit?from=2000-01-01&to=2000-12-31')).json() as { total: number };
    expect(past.total).toBe(0);
    const reversed = await t.as(admin, 'GET', '/api/audit?from=2026-12-31&to=2026-01-01');
    expect(reversed.statusCode).toBe(400);
  });

  it('seeding again adds nothing and never loads demo data into a database in use', async () => {
    const before = ((await t.as(admin, 'GET', '/api/users')).json() as unknown[]).length;
    const again = await seedDatabase(t.db.database, t.services.audit, { demo: true });
    expect(again).toMatchObject({ agencyCreated: false, demoLoaded: false });
    expect(((await t.as(admin, 'GET', '/api/users')).json() as unknown[]).length).toBe(before);
  });

  it('bootstrap admin: created from ADMIN_EMAIL, password repaired on restart, random one only when no real admin exists', async () => {
    const { accounts } = t.services;
    const base = { defaultAgency: 'bdt-bacgiang' };
    const first = await accounts.ensureBootstrapAdmin({ ...base, adminEmail: 'boss@example.vn', adminPassword: 'Boss-pass-1' });
    expect(first).toMatchObject({ email: 'boss@example.vn', created: true });
    await t.login('boss@example.vn', 'Boss-pass-1');
    const changed = await accounts.ensureBootstrapAdmin({ ...base, adminEmail: 'boss@example.vn', adminPassword: 'Boss-pass-2' });
    expect(changed).toMatchObject({ created: false });
    await t.login('boss@example.vn', 'Boss-pass-2');
    // A real admin now exists, so no random one is made.
    expect(await accounts.ensureBootstrapAdmin({ ...base, adminEmail: undefined, adminPassword: undefined })).toBeUndefined();
  });

  it('creates a random-password admin when only demo admins exist', async () => {
    const fresh = await createTestApp(engine);
    try {
      const made = await fresh.services.accounts.ensureBootstrapAdmin({ defaultAgency: 'bdt-bacgiang', adminEmail: undefined, adminPassword: undefined });
      expect(made?.email).toBe('admin@minhbach.local');
      expect(made?.password).toMatch(/^[A-Za-z0-9]{16}$/);
      const s = await fresh.login(made!.email, made!.password);
      expect(((await fresh.as(s, 'GET', '/api/me')).json() as { isDemo: boolean }).isDemo).toBe(false);
      expect(DEMO_PASSWORD).not.toBe(made?.password);
    } finally {
      await fresh.close();
    }
  });

  it('lists users in Vietnamese order: by given name, Đ after D, and units of the same rank by name', async () => {
    const units = (await t.as(admin, 'GET', '/api/units')).json() as { id: string }[];
    for (const fullName of ['Trần Thị Đào', 'Lê Văn Dũng', 'Phạm Thị Ánh', 'Nguyễn Văn Anh']) {
      const res = await t.as(admin, 'POST', '/api/users', { email: `${fullName.replace(/\s/g, '').normalize('NFD').replace(/[^A-Za-z]/g, '')}@thu.example.vn`, fullName, unitId: units[0]!.id, roles: ['staff'] });
      expect(res.statusCode, res.body).toBe(201);
    }
    const names = ((await t.as(admin, 'GET', '/api/users')).json() as { fullName: string }[]).map((u) => u.fullName);
    const mine = names.filter((n) => ['Trần Thị Đào', 'Lê Văn Dũng', 'Phạm Thị Ánh', 'Nguyễn Văn Anh'].includes(n));
    expect(mine).toEqual(['Nguyễn Văn Anh', 'Phạm Thị Ánh', 'Lê Văn Dũng', 'Trần Thị Đào']);
  });
});

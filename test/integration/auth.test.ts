import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, DEMO_PASSWORD, type TestApp } from '../support/test-app.ts';

describe.each(ENGINES)('auth on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('logs in with JSON alone, sets an HttpOnly SameSite=Lax cookie, and /api/me answers', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.admin.toUpperCase(), password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/mb_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const cookie = res.cookies.find((c) => c.name === 'mb_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `mb_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.email).toBe(DEMO.admin);
    expect(body.roles).toEqual(['admin']);
    expect(body.agency.code).toBe('bdt-bacgiang');
    expect(body.unit.shortName).toBe('Phòng HC-TH');
    expect(body.permissions).toContain('org.users.write');
  });

  it('rejects a wrong password with a Vietnamese 401 and the same message for unknown emails', async () => {
    const wrong = await t.as(undefined, 'POST', '/api/auth/login', { email: DEMO.editor, password: 'sai-mat-khau' });
    const unknown = await t.as(undefined, 'POST', '/api/auth/login', { email: 'khong-co@example.vn', password: 'whatever1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe('Email hoặc mật khẩu không đúng.');
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('locks an account after 5 wrong passwords, even for the right one, and an admin reset unlocks it', async () => {
    for (let i = 0; i < 4; i++) expect((await t.as(undefined, 'POST', '/api/auth/login', { email: DEMO.leader, password: `wrong-${i}` })).statusCode).toBe(401);
    const fifth = await t.as(undefined, 'POST', '/api/auth/login', { email: DEMO.leader, password: 'wrong-5' });
    expect(fifth.statusCode).toBe(429);
    const right = await t.as(undefined, 'POST', '/api/auth/login', { email: DEMO.leader, password: DEMO_PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.json().detail).toMatch(/tạm khóa/);
    const admin = await t.login(DEMO.admin);
    const users = (await t.as(admin, 'GET', '/api/users')).json() as { id: string; email: string; lockedUntil: string | null }[];
    const leader = users.find((u) => u.email === DEMO.leader)!;
    expect(leader.lockedUntil).not.toBeNull();
    const reset = await t.as(admin, 'POST', `/api/users/${leader.id}/reset-password`, { password: 'MatKhauMoi2024' });
    expect(reset.statusCode).toBe(200);
    expect((await t.as(undefined, 'POST', '/api/auth/login', { email: DEMO.leader, password: 'MatKhauMoi2024' })).statusCode).toBe(200);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const s = await t.login(DEMO.admin);
    const payload = { name: 'Phòng Thử CSRF', abbreviation: 'CSRF', kind: 'other' };
    const without = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: s.cookie }, payload });
    expect(without.statusCode).toBe(403);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrf.length) }, payload });
    expect(wrong.statusCode).toBe(403);
    const foreign = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'https://evil.example' }, payload });
    expect(foreign.statusCode).toBe(403);
    const units = (await t.as(s, 'GET', '/api/units')).json() as { abbreviation: string }[];
    expect(units.some((u) => u.abbreviation === 'CSRF')).toBe(false);
    const ok = await t.as(s, 'POST', '/api/units', payload);
    expect(ok.statusCode).toBe(201);
  });

  it('logs out: the cookie no longer works', async () => {
    const s = await t.login(DEMO.editor);
    expect((await t.as(s, 'GET', '/api/me')).statusCode).toBe(200);
    const out = await t.as(s, 'POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await t.as(s, 'GET', '/api/me')).statusCode).toBe(401);
  });

  it('changes one\'s own password: old one fails, other sessions end, this one stays', async () => {
    const first = await t.login(DEMO.staff);
    const second = await t.login(DEMO.staff);
    const bad = await t.as(first, 'POST', '/api/me/password', { currentPassword: 'nope-nope', newPassword: 'MatKhauMoi123' });
    expect(bad.statusCode).toBe(400);
    const res = await t.as(first, 'POST', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'MatKhauMoi123' });
    expect(res.statusCode).toBe(204);
    expect((await t.as(first, 'GET', '/api/me')).statusCode).toBe(200);
    expect((await t.as(second, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await t.as(undefined, 'POST', '/api/auth/login', { email: DEMO.staff, password: DEMO_PASSWORD })).statusCode).toBe(401);
    expect((await t.as(undefined, 'POST', '/api/auth/login', { email: DEMO.staff, password: 'MatKhauMoi123' })).statusCode).toBe(200);
  });

  it('a deactivated user is signed out and cannot sign in', async () => {
    const admin = await t.login(DEMO.admin);
    const victim = await t.login(DEMO.unitHead);
    const users = (await t.as(admin, 'GET', '/api/users')).json() as { id: string; email: string }[];
    const id = users.find((u) => u.email === DEMO.unitHead)!.id;
    expect((await t.as(admin, 'PATCH', `/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await t.as(victim, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await t.as(undefined, 'POST', '/api/auth/login', { email: DEMO.unitHead, password: DEMO_PASSWORD })).statusCode).toBe(401);
  });
});

describe('login rate limit and secure cookies', () => {
  it('limits sign-in attempts per IP with a Vietnamese 429', async () => {
    const t = await createTestApp('sqlite', {}, { loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await t.as(undefined, 'POST', '/api/auth/login', { email: `x${i}@example.vn`, password: 'whatever1' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const last = await t.as(undefined, 'POST', '/api/auth/login', { email: 'x@example.vn', password: 'whatever1' });
      expect(last.json().detail).toMatch(/quá nhiều yêu cầu/);
    } finally {
      await t.close();
    }
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const t = await createTestApp('sqlite', { PUBLIC_URL: 'https://cchc.example.vn' });
    try {
      const res = await t.as(undefined, 'POST', '/api/auth/login', { email: DEMO.admin, password: DEMO_PASSWORD });
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await t.close();
    }
  });
});

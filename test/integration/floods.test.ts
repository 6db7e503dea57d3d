import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_RATE_LIMIT } from '../../src/modules/publishing/portal-routes.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, DEMO_PASSWORD, type TestApp } from '../support/test-app.ts';

/**
 * Floods (issue 9, abuse): sign-in brute force is held per address (rate limit) and per account
 * (lockout), public searches per address; each limit answers 429 in Vietnamese and never blocks
 * another address or account. The public forms' own floods are proven in feedback.test.ts
 * (per-address limit, honeypot, challenge) and surveys.test.ts (per-address limit, one-time token).
 */
const LOGIN_LIMIT = 3;

describe.each(ENGINES)('floods on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, {}, { loginRateLimit: LOGIN_LIMIT });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

  it('holds sign-in attempts from one address at the limit, and lets another address sign in', async () => {
    const codes: number[] = [];
    for (let i = 0; i <= LOGIN_LIMIT; i++) codes.push((await login(DEMO.coordinator, `sai-${i}`, '10.1.0.1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const held = await login(DEMO.coordinator, DEMO_PASSWORD, '10.1.0.1');
    expect(held.statusCode).toBe(429);
    expect(held.json().detail).toMatch(/quá nhiều yêu cầu/);
    expect((await login(DEMO.coordinator, DEMO_PASSWORD, '10.1.0.2')).statusCode).toBe(200);
  });

  it('locks an account guessed from many addresses, without locking another account', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(DEMO.leader, `sai-${i}`, `10.2.0.${i + 1}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const locked = await login(DEMO.leader, DEMO_PASSWORD, '10.2.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toMatch(/Tài khoản tạm khóa/);
    expect(locked.headers['retry-after']).toBeDefined();
    expect((await login(DEMO.editor, DEMO_PASSWORD, '10.2.1.2')).statusCode).toBe(200);
  });

  it('holds public searches from one address at the limit, with a Vietnamese page, and serves another address', async () => {
    const search = (remoteAddress: string) => t.app.inject({ method: 'GET', url: '/tim-kiem?q=c%E1%BA%A3i%20c%C3%A1ch', headers: { accept: 'text/html' }, remoteAddress });
    for (let i = 0; i < SEARCH_RATE_LIMIT.max; i++) expect((await search('10.3.0.1')).statusCode).toBe(200);
    const held = await search('10.3.0.1');
    expect(held.statusCode).toBe(429);
    expect(held.headers['content-type']).toMatch(/text\/html/);
    expect(held.body).toContain('Bạn đã gửi quá nhiều yêu cầu');
    expect((await search('10.3.0.2')).statusCode).toBe(200);
  });
});

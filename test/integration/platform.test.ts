import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, BODY_LIMIT_BYTES } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Engine } from '../../src/db/database.ts';
import { seedDatabase } from '../../src/modules/org/seed.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases.ts';
import { createTestApp, DEMO, DEMO_PASSWORD } from '../support/test-app.ts';

const INTERNAL_MESSAGE = 'kết nối tới 10.0.0.7:5432 thất bại (secret-internal-detail)';
const GENERIC_500 = 'Đã có lỗi hệ thống. Vui lòng thử lại sau; nếu lỗi lặp lại, hãy báo quản trị viên.';

interface OwnApp {
  app: FastifyInstance;
  db: TestDatabase;
  logs: () => string;
  close(): Promise<void>;
}

/**
 * Like createTestApp, but registers extra routes before `ready` and captures the request log
 * (pino at level info) in memory.
 */
async function buildOwnApp(engine: Engine, extra?: (app: FastifyInstance) => void): Promise<OwnApp> {
  const db = await createTestDatabase(engine);
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'info', PUBLIC_URL: 'http://localhost:3000' }), database: db.target, sessionSecret: 'test-secret-'.padEnd(48, 'x') };
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  const { app, services } = await buildApp({ config, database: db.database, logger: { level: 'info', stream }, loginRateLimit: 10_000 });
  extra?.(app);
  await seedDatabase(db.database, services.audit, { demo: true });
  await app.ready();
  return {
    app,
    db,
    logs: () => chunks.join(''),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

function problem(res: LightMyRequestResponse) {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as { type: string; title: string; status: number; detail: string; errors?: { field: string; rule: string; message: string }[] };
  expect(body.status).toBe(res.statusCode);
  expect(body.type).toBe('about:blank');
  return body;
}

/** Splits a Content-Security-Policy header into directive → sources. */
function cspOf(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  expect(header).not.toBe('');
  const out = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

describe.each(ENGINES)('platform on %s', (engine) => {
  let t: OwnApp;
  beforeAll(async () => {
    t = await buildOwnApp(engine, (app) => {
      app.get('/api/test/boom', { config: { access: { public: true } } }, async () => {
        throw new Error(INTERNAL_MESSAGE);
      });
      app.get('/test/boom-page', { config: { access: { public: true } } }, async () => {
        throw new TypeError(INTERNAL_MESSAGE);
      });
    });
  });
  afterAll(() => t.close());

  const login = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  describe('request errors', () => {
    it('malformed JSON answers 400 problem+json in Vietnamese', async () => {
      for (const body of ['{"email": "a@b.vn", ', '{bad json}', '[1, 2']) {
        const res = await login(body);
        expect(res.statusCode).toBe(400);
        const p = problem(res);
        expect(p.title).toBe('Yêu cầu không hợp lệ');
        expect(p.detail).toBe('Nội dung JSON gửi lên không hợp lệ.');
      }
    });

    it('an empty JSON body answers 400, not 500', async () => {
      const res = await login('');
      expect(res.statusCode).toBe(400);
      expect(problem(res).detail).toMatch(/JSON/);
    });

    it('a body over 1 MiB answers 413 problem+json', async () => {
      expect(BODY_LIMIT_BYTES).toBe(1024 * 1024);
      const res = await login({ email: 'a@b.vn', password: 'x'.repeat(BODY_LIMIT_BYTES + 1) });
      expect(res.statusCode).toBe(413);
      const p = problem(res);
      expect(p.title).toBe('Dữ liệu gửi lên quá lớn');
      expect(p.detail).toBe('Dữ liệu gửi lên vượt quá dung lượng cho phép.');
      // Just under the limit, the body is read and validated instead.
      const under = await login({ email: 'a@b.vn', password: 'x'.repeat(BODY_LIMIT_BYTES - 100) });
      expect(under.statusCode).toBe(400);
      expect(problem(under).detail).toMatch(/password/);
    });

    it('a wrong content type on a JSON route answers 415 or 400, never 500', async () => {
      const cases: [string, string][] = [
        ['application/xml', '<login><email>a@b.vn</email></login>'],
        ['application/x-www-form-urlencoded', 'email=a%40b.vn&password=x'],
        ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.vn\r\n--xyz--\r\n'],
        ['text/plain', 'email=a@b.vn'],
        ['image/png', 'PNG'],
      ];
      for (const [type, payload] of cases) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': type }, payload });
        expect([400, 415], `${type} → ${res.statusCode}`).toContain(res.statusCode);
        const p = problem(res);
        if (res.statusCode === 415) {
          expect(p.title).toBe('Kiểu dữ liệu không được hỗ trợ');
          expect(p.detail).toMatch(/application\/json/);
        }
      }
      const xml = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
      expect(xml.statusCode).toBe(415);
    });

    it('a schema violation answers 400 with a Vietnamese detail naming the field', async () => {
      const missing = await login({ email: DEMO.admin });
      expect(missing.statusCode).toBe(400);
      const p = problem(missing);
      expect(p.detail).toBe('Dữ liệu không hợp lệ: thiếu trường "password".');
      expect(p.errors).toEqual([{ field: 'password', rule: 'required', message: 'thiếu trường "password"' }]);

      const extra = await login({ email: DEMO.admin, password: DEMO_PASSWORD, isAdmin: true });
      expect(extra.statusCode).toBe(400);
      expect(problem(extra).detail).toMatch(/trường "isAdmin" không được phép/);

      const empty = await login({ email: '', password: 'x' });
      expect(empty.statusCode).toBe(400);
      expect(problem(empty).detail).toMatch(/"email" phải có ít nhất 1 ký tự/);

      const notObject = await login('"chuỗi"');
      expect(notObject.statusCode).toBe(400);
      expect(problem(notObject).detail).toMatch(/^Dữ liệu không hợp lệ: /);
    });

    it('an unknown API path answers 404 problem+json, even when HTML is accepted', async () => {
      for (const accept of ['application/json', 'text/html']) {
        const res = await t.app.inject({ method: 'GET', url: '/api/x?y=1', headers: { accept } });
        expect(res.statusCode).toBe(404);
        const p = problem(res);
        expect(p.title).toBe('Không tìm thấy');
        expect(p.detail).toBe('Không có địa chỉ GET /api/x.');
      }
      const del = await t.app.inject({ method: 'DELETE', url: '/api/khong-co' });
      expect(del.statusCode).toBe(404);
      expect(problem(del).detail).toBe('Không có địa chỉ DELETE /api/khong-co.');
    });

    it('an unknown page answers a Vietnamese 404 page inside the portal layout', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/khong-co-trang-nay', headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const body = res.body;
      expect(body).toMatch(/^<!doctype html>/i);
      expect(body).toContain('<html lang="vi">');
      expect(body).toContain('<title>Không tìm thấy trang | ');
      expect(body).toContain('Mã lỗi 404');
      expect(body).toContain('Trang bạn tìm không tồn tại hoặc đã được chuyển đi.');
      // The portal frame: header with the agency, navigation, footer, stylesheet.
      expect(body).toContain('class="site-header"');
      expect(body).toContain('aria-label="Điều hướng chính"');
      expect(body).toContain('class="site-footer"');
      expect(body).toMatch(/<link rel="stylesheet" href="\/[^"]+\.css"/);
      expect(body).toMatch(/Sở Dân tộc và Tôn giáo tỉnh Bắc (Ninh|Giang)|Ban Dân tộc tỉnh Bắc Giang/);
    });

    it('a thrown Error answers 500 with a generic Vietnamese message and no internals', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/test/boom' });
      expect(res.statusCode).toBe(500);
      const p = problem(res);
      expect(p.title).toBe('Lỗi hệ thống');
      expect(p.detail).toBe(GENERIC_500);
      expect(Object.keys(p).sort()).toEqual(['detail', 'status', 'title', 'type']);
      expect(res.body).not.toContain('secret-internal-detail');
      expect(res.body).not.toContain('10.0.0.7');
      expect(res.body).not.toMatch(/\bat .*\.ts:\d+/);
      expect(res.body).not.toContain('stack');
      // The operator still sees what happened.
      expect(t.logs()).toContain('secret-internal-detail');
    });

    it('a thrown Error on a page answers a 500 HTML page without internals', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/test/boom-page', headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('Hệ thống đang gặp sự cố');
      expect(res.body).toContain('Mã lỗi 500');
      expect(res.body).not.toContain('secret-internal-detail');
      expect(res.body).not.toContain('TypeError');
    });
  });

  describe('operations endpoints', () => {
    it('/healthz and /readyz answer 200 with the database engine', async () => {
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ok', database: engine });
    });

    it('/metrics exposes Prometheus text with request counts by route pattern', async () => {
      await t.app.inject({ method: 'GET', url: '/healthz' });
      await t.app.inject({ method: 'GET', url: '/api/khong-co/12345' });
      const res = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      const text = res.body;
      expect(text).toContain('# TYPE http_requests_total counter');
      expect(text).toMatch(/^http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]\d*$/m);
      expect(text).toContain('# TYPE http_request_duration_seconds histogram');
      expect(text).toMatch(/^process_cpu_user_seconds_total /m);
      // Unmatched URLs are not labels: cardinality stays bounded.
      expect(text).not.toContain('/api/khong-co/12345');
    });

    it('/docs/json is an OpenAPI document with the API routes', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json() as { openapi: string; info: { title: string }; paths: Record<string, Record<string, unknown>> };
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info.title).toBe('Minh Bạch API');
      expect(Object.keys(doc.paths['/api/auth/login'] ?? {})).toContain('post');
      expect(Object.keys(doc.paths['/api/units'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
      expect(doc.paths['/api/jobs']).toBeDefined();
      // Hidden routes stay out of the document.
      expect(doc.paths['/metrics']).toBeUndefined();
      expect(doc.paths['/']).toBeUndefined();
    });

    it('/docs serves the Swagger UI page', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/docs' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toMatch(/swagger-ui/i);
    });
  });

  describe('security headers', () => {
    it('the portal sends a strict CSP and the usual hardening headers', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(200);
      const csp = cspOf(res);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      const framing = csp.get('frame-ancestors')?.join(' ') === "'none'" || /^(DENY|SAMEORIGIN)$/i.test(String(res.headers['x-frame-options']));
      expect(framing).toBe(true);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      // Plain HTTP: no HSTS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('API responses carry the same headers', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/x' });
      expect(cspOf(res).get('script-src')).toEqual(["'self'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('the admin app allows inline styles but never inline scripts', async () => {
      for (const url of ['/admin/', '/admin/units/123']) {
        const res = await t.app.inject({ method: 'GET', url });
        const csp = cspOf(res);
        expect(csp.get('style-src')).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]));
        expect(csp.get('script-src')).toEqual(["'self'"]);
        expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
        expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
      // The admin's looser style rule does not leak onto portal pages.
      const portal = await t.app.inject({ method: 'GET', url: '/gioi-thieu' });
      expect(cspOf(portal).get('style-src')).toEqual(["'self'"]);
    });
  });

  describe('audit log', () => {
    it('is append-only at the database level', async () => {
      const { db } = t.db.database;
      const count = async () => Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      expect(before).toBeGreaterThan(0);
      const first = await db.selectFrom('audit_log').selectAll().limit(1).executeTakeFirstOrThrow();

      await expect(db.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', first.id).execute()).rejects.toThrow(/append-only/);
      await expect(db.updateTable('audit_log').set({ actor_name: 'x' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').where('id', '=', first.id).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);

      expect(await count()).toBe(before);
      const again = await db.selectFrom('audit_log').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
      expect(again).toEqual(first);
    });
  });

  describe('request log', () => {
    it('never contains the password, the session cookie or the CSRF token', async () => {
      const secretWrong = 'Sai-Mat-Khau-Rat-Bi-Mat-42';
      const wrong = await login({ email: DEMO.editor, password: secretWrong });
      expect(wrong.statusCode).toBe(401);
      const res = await login({ email: DEMO.admin, password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(200);
      const token = res.cookies.find((c) => c.name === 'mb_session')!.value;
      const csrf = (res.json() as { user: { csrfToken: string } }).user.csrfToken;
      const cookie = `mb_session=${token}`;
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
      const change = await t.app.inject({
        method: 'POST', url: '/api/me/password', headers: { cookie, 'x-csrf-token': csrf, authorization: 'Bearer abc-secret-bearer' },
        payload: { currentPassword: 'wrong-current-1', newPassword: 'MotMatKhauMoi99' },
      });
      expect(change.statusCode).toBe(400);

      const logs = t.logs();
      // The capture works: requests are logged.
      expect(logs).toContain('/api/auth/login');
      expect(logs).toContain('/api/me');
      for (const secret of [DEMO_PASSWORD, secretWrong, 'MotMatKhauMoi99', 'wrong-current-1', token, csrf, 'abc-secret-bearer']) {
        expect(logs).not.toContain(secret);
      }
      expect(logs).not.toContain('mb_session=');
    });
  });
});

describe.each(ENGINES)('readiness after the database is gone on %s', (engine) => {
  it('/readyz answers 503 once the database is closed, /healthz still 200', async () => {
    const t = await buildOwnApp(engine);
    try {
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await t.db.database.close();
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', database: engine });
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      // A page needing the database degrades to an error page, not a crash.
      const page = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
      expect(page.statusCode).toBeGreaterThanOrEqual(500);
      expect(page.body).not.toContain('destroyed');
    } finally {
      await t.close();
    }
  });
});

describe('HTTPS deployment headers', () => {
  it('PUBLIC_URL https adds HSTS and upgrade-insecure-requests', async () => {
    const t = await createTestApp('sqlite', { PUBLIC_URL: 'https://cchc.example.vn' });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['strict-transport-security']).toMatch(/includeSubDomains/);
      expect(cspOf(res).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await t.close();
    }
  });
});

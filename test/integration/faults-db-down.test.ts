import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDatabase } from '../../src/modules/org/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { DEMO, DEMO_PASSWORD } from '../support/test-app.ts';

/**
 * The database goes away while the app runs, then comes back: /readyz says 503 quickly, API
 * requests answer 503 with a Vietnamese problem+json, portal pages a readable Vietnamese page,
 * and everything answers again without restarting the app.
 */
const PROXY_PORT = 4340;
const UNAVAILABLE = /Cơ sở dữ liệu tạm thời không truy cập được/;

async function appOn(database: Database, target: Config['database']) {
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' }), database: target, sessionSecret: 'test-secret-'.padEnd(48, 'x') };
  const { app, services } = await buildApp({ config, database, logger: false, loginRateLimit: 10_000 });
  await seedDatabase(database, services.audit, { demo: true });
  await app.ready();
  return app;
}

const login = (app: FastifyInstance) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.coordinator, password: DEMO_PASSWORD } });

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = Date.now();
  const r = await fn();
  return [r, Date.now() - t0];
}

describe('PostgreSQL behind a proxy that is cut and restored', () => {
  let direct: TestDatabase;
  let proxied: Database;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    direct = await createTestDatabase('postgres');
    const url = new URL((direct.target as { url: string }).url);
    proxy = await startTcpProxy(PROXY_PORT, { host: url.hostname, port: Number(url.port) });
    url.port = String(PROXY_PORT);
    const target = { kind: 'postgres' as const, url: url.toString() };
    proxied = openDatabase(target);
    app = await appOn(proxied, target);
    const res = await login(app);
    expect(res.statusCode).toBe(200);
    cookie = `mb_session=${res.cookies.find((c) => c.name === 'mb_session')!.value}`;
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.close();
    await direct?.drop();
  });

  const readyz = () => timed(() => app.inject({ method: 'GET', url: '/readyz' }));

  it('answers 503 while the server refuses, and recovers without a restart', async () => {
    expect((await readyz())[0].statusCode).toBe(200);
    proxy.set('refuse');
    const [ready, ms] = await readyz();
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', database: 'postgres' });
    expect(ms).toBeLessThan(3000);

    const api = await app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } });
    expect(api.statusCode).toBe(503);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(api.headers['retry-after']).toBeDefined();
    expect(api.json()).toMatchObject({ status: 503, title: 'Dịch vụ tạm thời không sẵn sàng', detail: expect.stringMatching(UNAVAILABLE) });
    expect((await login(app)).statusCode).toBe(503);

    const page = await app.inject({ method: 'GET', url: '/ke-hoach', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<html lang="vi"');
    expect(page.body).toMatch(UNAVAILABLE);

    proxy.set('open');
    expect((await readyz())[0].statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/ke-hoach', headers: { accept: 'text/html' } })).statusCode).toBe(200);
    expect((await login(app)).statusCode).toBe(200);
  });

  it('answers /readyz 503 within its bound when the network goes silent, then recovers', async () => {
    proxy.set('blackhole');
    const [ready, ms] = await readyz();
    expect(ready.statusCode).toBe(503);
    expect(ms).toBeLessThan(3000);
    // An API request gives up when the pool cannot connect (5 s), never hangs.
    const [api, apiMs] = await timed(() => app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } }));
    expect(api.statusCode).toBe(503);
    expect(apiMs).toBeLessThan(12_000);
    proxy.set('open');
    const until = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < until && (status = (await readyz())[0].statusCode) !== 200) await new Promise((r) => setTimeout(r, 200));
    expect(status).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } })).statusCode).toBe(200);
  });
});

/**
 * SQLite is embedded: there is no server to lose. "Unavailable" means the file cannot be written:
 * another process holds its write lock beyond the busy timeout (a manual `sqlite3` session, a
 * copy tool), or the file is read-only or on a full disk. Reads keep working (WAL), so /readyz
 * stays 200; a write answers 503 with the same message, and works again once the lock is gone.
 */
describe('SQLite file locked by another process', () => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minhbach-locked-'));
    const target = { kind: 'sqlite' as const, file: join(dir, 'minhbach.db') };
    database = openDatabase(target);
    await migrateToLatest(database);
    app = await appOn(database, target);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a write 503 while the write lock is held elsewhere, and works once it is released', async () => {
    const other = new SQLite(join(dir, 'minhbach.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const res = await login(app);
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toMatch(UNAVAILABLE);
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await login(app)).statusCode).toBe(200);
  });
});

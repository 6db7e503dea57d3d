import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startAppProcess, type AppProcess } from '../support/app-process.ts';
import { DEMO, DEMO_PASSWORD } from '../support/test-app.ts';

// Two real `minhbach serve` processes (ports 4410, 4411) on one PostgreSQL database, as in
// docs/production.md: what one process does must hold in the other.
const CACHE_SYNC_MS = 300;
const LOGIN_LIMIT = 5;

type Session = { cookie: string; csrf: string };

describe('two app processes on one PostgreSQL database', () => {
  let a: AppProcess;
  let b: AppProcess;
  let dataDir: string;
  let dbName: string;
  let client: pg.Client;
  const adminUrl = inject('pgUrl');

  beforeAll(async () => {
    dbName = `t_mp_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    dataDir = await mkdtemp(join(tmpdir(), 'mb-mp-'));
    // Shared secrets, as production sets them on every process; each its own DATA_DIR (nothing shared on disk).
    const env = (n: string) => ({
      DATABASE_URL: url.toString(), DATA_DIR: join(dataDir, n), SESSION_SECRET: 's'.repeat(48), SECRETS_KEY: 'a'.repeat(64),
      JOB_POLL_MS: '100', CACHE_SYNC_MS: String(CACHE_SYNC_MS), LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
    });
    // Started together on an empty database: one migrates and seeds, the other waits for it (advisory lock).
    a = startAppProcess(4410, env('a'));
    b = startAppProcess(4411, env('b'));
    await Promise.all([a.ready(150_000), b.ready(150_000)]);
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await client?.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Every sign-in of this file counts against the one per-address limit (all within its minute).
  let logins = 0;
  async function login(app: AppProcess, email: string, password = DEMO_PASSWORD) {
    logins++;
    return fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  }
  async function session(app: AppProcess, email: string): Promise<Session> {
    const res = await login(app, email);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mb_session='))!.split(';')[0]!;
    return { cookie, csrf: ((await res.json()) as { user: { csrfToken: string } }).user.csrfToken };
  }
  const call = (app: AppProcess, s: Session, method: string, path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, { method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });

  it('migrated and seeded once although both started together on an empty database', async () => {
    const seededBy = [a.output(), b.output()].filter((o) => o.includes('Đã nạp cơ quan: Ban Dân tộc'));
    expect(seededBy).toHaveLength(1);
    const agencies = await client.query(`select count(*)::int n from agencies where code = 'bdt-bacgiang'`);
    expect(agencies.rows[0].n).toBe(1);
    const plans = await client.query('select count(*)::int n from plans');
    expect(plans.rows[0].n).toBe(1);
    const migrations = await client.query('select name from kysely_migration');
    expect(migrations.rows.map((r: { name: string }) => r.name)).toContain('0017-scale');
  });

  it('a session made on A works on B, and signing out on A ends it on B', async () => {
    const s = await session(a, DEMO.editor);
    expect((await call(b, s, 'GET', '/api/me')).status).toBe(200);
    expect((await call(a, s, 'POST', '/api/auth/logout')).status).toBeLessThan(300);
    expect((await call(b, s, 'GET', '/api/me')).status).toBe(401);
  });

  it('an article published through A shows on the page B had cached, within the sync interval', async () => {
    const leader = await session(a, DEMO.leader);
    const page = () => fetch(`${b.url}/cai-cach-hanh-chinh`).then((r) => r.text());
    const title = `Bài đăng qua tiến trình A ${randomBytes(3).toString('hex')}`;
    expect(await page()).not.toContain(title);
    await page(); // the second request is a cache hit, answered by the fast path
    const metrics = await fetch(`${b.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/route="cached-page"/);

    const categories = (await (await call(a, leader, 'GET', '/api/categories')).json()) as { id: string }[];
    const created = await call(a, leader, 'POST', '/api/articles', { title, summary: '', bodyHtml: '<p>Nội dung kiểm thử nhiều tiến trình.</p>', categoryId: categories[0]!.id });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const published = await call(a, leader, 'POST', `/api/articles/${id}/force-publish`, { reason: 'Kiểm thử đồng bộ bộ nhớ đệm' });
    expect(published.status).toBe(200);
    const at = Date.now();
    let seen = false;
    while (!seen && Date.now() - at < 5_000) {
      seen = (await page()).includes(title);
      if (!seen) await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toBe(true);
    // The bound: one poll interval plus the poll's query and the bump's write (generous for a loaded machine).
    expect(Date.now() - at).toBeLessThan(CACHE_SYNC_MS + 2_000);
  });

  it('a queued job runs exactly once while both processes poll', async () => {
    // Harmless jobs of a kind both processes handle (a schedule whose article does not exist does nothing).
    const ids: string[] = [];
    const now = new Date().toISOString();
    for (let i = 0; i < 40; i++) {
      const id = `mp-job-${i}-${randomBytes(4).toString('hex')}`;
      ids.push(id);
      await client.query(
        `insert into jobs (id, agency_id, kind, payload, state, run_at, attempts, max_attempts, created_at, updated_at) values ($1, null, 'article.publish', $2, 'queued', $3, 0, 5, $3, $3)`,
        [id, JSON.stringify({ articleId: 'khong-co', at: now }), now],
      );
    }
    const until = Date.now() + 15_000;
    let rows: { state: string; attempts: number }[] = [];
    while (Date.now() < until) {
      rows = (await client.query('select state, attempts from jobs where id = any($1)', [ids])).rows;
      if (rows.every((r) => r.state === 'done')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows.map((r) => r.state)).toEqual(ids.map(() => 'done'));
    // A job claimed twice would have attempts = 2: each was claimed by one worker only.
    expect(rows.map((r) => r.attempts)).toEqual(ids.map(() => 1));
  });

  it('the sign-in limit holds across processes: attempts spread over A and B meet one counter', async () => {
    // Alternate between the processes until one refuses: per-process counters would allow 2 × the limit.
    const answered: number[] = [];
    for (let i = 0; i < 2 * LOGIN_LIMIT && !answered.includes(429); i++) answered.push((await login(i % 2 ? b : a, DEMO.staff, 'sai-mat-khau')).status);
    expect(answered.at(-1)).toBe(429);
    expect(logins - 1).toBe(LOGIN_LIMIT);
    expect((await login(a, DEMO.staff)).status).toBe(429);
    expect((await login(b, DEMO.staff)).status).toBe(429);
  });
});

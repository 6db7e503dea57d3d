import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../../src/db/database.ts';
import { startAppProcess, type AppProcess } from '../support/app-process.ts';
import { DEMO, DEMO_PASSWORD } from '../support/test-app.ts';

// Two real `minhbach serve` processes on one database, as in docs/production.md: what one
// process does must hold in the other. PostgreSQL is the production shape (both start together
// on an empty database); on SQLite two processes share one file in WAL mode on one host (the
// second starts after the first: the start-up lock is PostgreSQL's advisory lock).
const CACHE_SYNC_MS = 300;
const LOGIN_LIMIT = 5;

type Session = { cookie: string; csrf: string };

describe.each([['postgres', 4410], ['sqlite', 4420]] as [Engine, number][])('two app processes on one %s database', (engine, port) => {
  let a: AppProcess;
  let b: AppProcess;
  let dataDir: string;
  let dbName: string;
  let database: Database;
  const adminUrl = inject('pgUrl');

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mb-mp-'));
    let databaseUrl = `sqlite:${join(dataDir, 'shared.db')}`;
    if (engine === 'postgres') {
      dbName = `t_mp_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      databaseUrl = url.toString();
    }
    // Shared secrets, as production sets them on every process; each its own DATA_DIR (nothing shared on disk).
    const env = (n: string) => ({
      DATABASE_URL: databaseUrl, DATA_DIR: join(dataDir, n), SESSION_SECRET: 's'.repeat(48), SECRETS_KEY: 'a'.repeat(64),
      JOB_POLL_MS: '100', CACHE_SYNC_MS: String(CACHE_SYNC_MS), LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
    });
    a = startAppProcess(port, env('a'));
    if (engine === 'sqlite') await a.ready(150_000);
    // On PostgreSQL started together on an empty database: one migrates and seeds, the other waits for it (advisory lock).
    b = startAppProcess(port + 1, env('b'));
    await Promise.all([a.ready(150_000), b.ready(150_000)]);
    database = openDatabase(engine === 'postgres' ? { kind: 'postgres', url: databaseUrl } : { kind: 'sqlite', file: databaseUrl.slice('sqlite:'.length) });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
    if (engine === 'postgres') {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
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

  it('migrated and seeded once', async () => {
    const seededBy = [a.output(), b.output()].filter((o) => o.includes('Đã nạp cơ quan: Ban Dân tộc'));
    expect(seededBy).toHaveLength(1);
    const seedAgencies = await database.db.selectFrom('agencies').select('id').where('code', '=', 'bdt-bacgiang').execute();
    expect(seedAgencies).toHaveLength(1);
    const plans = await database.db.selectFrom('plans').select('id').where('agency_id', '=', seedAgencies[0]!.id).execute();
    expect(plans).toHaveLength(1);
    const migrations = await sql<{ name: string }>`select name from kysely_migration`.execute(database.db);
    expect(migrations.rows.map((r) => r.name)).toContain('0017-scale');
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
      await database.db.insertInto('jobs').values({
        id, agency_id: null, kind: 'article.publish', payload: JSON.stringify({ articleId: 'khong-co', at: now }), state: 'queued', run_at: now,
        attempts: 0, max_attempts: 5, last_error: null, idempotency_key: null, locked_at: null, locked_by: null, finished_at: null, created_at: now, updated_at: now,
      }).execute();
    }
    const until = Date.now() + 15_000;
    let rows: { state: string; attempts: number }[] = [];
    while (Date.now() < until) {
      rows = await database.db.selectFrom('jobs').select(['state', 'attempts']).where('id', 'in', ids).execute();
      if (rows.every((r) => r.state === 'done')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows.map((r) => r.state)).toEqual(ids.map(() => 'done'));
    // A job claimed twice would have attempts = 2: each was claimed by one worker only.
    expect(rows.map((r) => Number(r.attempts))).toEqual(ids.map(() => 1));
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

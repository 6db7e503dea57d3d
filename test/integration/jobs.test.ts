import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import * as orgRepo from '../../src/modules/org/repo.ts';
import { seedDatabase } from '../../src/modules/org/seed.ts';
import { createAuditService } from '../../src/platform/audit/service.ts';
import { backoffMs, createJobQueue, type JobQueue } from '../../src/platform/jobs/queue.ts';
import * as jobRepo from '../../src/platform/jobs/repo.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function agencyId(database: Database, code: string): Promise<string> {
  const agency = await orgRepo.findAgencyByCode(database.db, code);
  if (!agency) throw new Error(`no agency ${code}`);
  return agency.id;
}

describe.each(ENGINES)('job queue on %s', (engine) => {
  let tdb: TestDatabase;
  let database: Database;
  let mainAgency: string;
  let kindSeq = 0;
  /** A fresh job kind per test, so handlers of one test never see another test's jobs. */
  const newKind = () => `test.kind${++kindSeq}`;

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    database = tdb.database;
    await seedDatabase(database, createAuditService(database), { demo: true });
    mainAgency = await agencyId(database, 'bdt-bacgiang');
  });
  afterAll(() => tdb.drop());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a due job once with its payload and marks it done', async () => {
    const queue = createJobQueue(database);
    const kind = newKind();
    const calls: { payload: unknown; ctx: unknown }[] = [];
    queue.register(kind, async (payload, ctx) => {
      calls.push({ payload, ctx });
    });
    const payload = { unitId: 'u-1', title: 'Báo cáo quý I', n: [1, 2, 3] };
    const job = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload });
    expect(job.state).toBe('queued');

    expect(await queue.runDue()).toBe(1);
    expect(calls).toEqual([{ payload, ctx: { id: job.id, agencyId: mainAgency, attempt: 1 } }]);
    const row = (await jobRepo.findJob(database.db, job.id))!;
    expect(row.state).toBe('done');
    expect(row.attempts).toBe(1);
    expect(row.finished_at).not.toBeNull();
    expect(row.locked_by).toBeNull();

    // Done jobs are never picked up again.
    expect(await queue.runDue()).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('leaves jobs of kinds without a handler alone', async () => {
    const queue = createJobQueue(database);
    const kind = newKind();
    const job = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload: null });
    expect(await queue.runDue()).toBe(0);
    expect((await jobRepo.findJob(database.db, job.id))!.state).toBe('queued');
  });

  it('does not run a job before its runAt, and runs it once due', async () => {
    const queue = createJobQueue(database);
    const kind = newKind();
    let calls = 0;
    queue.register(kind, async () => {
      calls++;
    });
    const runAt = new Date(Date.now() + 60 * 60_000);
    const job = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload: {}, runAt });
    expect(job.run_at).toBe(runAt.toISOString());

    expect(await queue.runDue()).toBe(0);
    expect(calls).toBe(0);
    expect((await jobRepo.findJob(database.db, job.id))!.state).toBe('queued');

    // Only the clock is faked: database drivers keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(runAt.getTime() + 1000));
    expect(await queue.runDue()).toBe(1);
    expect(calls).toBe(1);
    expect((await jobRepo.findJob(database.db, job.id))!.state).toBe('done');
  });

  it('an idempotency key makes a second enqueue return the first job, and the handler runs once', async () => {
    const queue = createJobQueue(database);
    const kind = newKind();
    const seen: unknown[] = [];
    queue.register(kind, async (payload) => {
      seen.push(payload);
    });
    const key = `report-reminder:${kind}:2024-Q1`;
    const first = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload: { v: 1 }, idempotencyKey: key });
    const second = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload: { v: 2 }, idempotencyKey: key });
    expect(second.id).toBe(first.id);
    expect(second.payload).toBe(JSON.stringify({ v: 1 }));
    const rows = await database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).execute();
    expect(rows).toHaveLength(1);

    expect(await queue.runDue()).toBe(1);
    // Enqueued again after it ran: still the same (done) job, nothing new to run.
    const third = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload: { v: 3 }, idempotencyKey: key });
    expect(third.id).toBe(first.id);
    expect(third.state).toBe('done');
    expect(await queue.runDue()).toBe(0);
    expect(seen).toEqual([{ v: 1 }]);
  });

  it('enqueue inside a rolled-back transaction leaves no job', async () => {
    const queue = createJobQueue(database);
    const kind = newKind();
    await expect(
      database.transaction(async (trx) => {
        await queue.enqueue(trx, { kind, agencyId: mainAgency, payload: {} });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await database.db.selectFrom('jobs').select('id').where('kind', '=', kind).execute()).toEqual([]);
  });

  it('a failing handler marks the job failed with the error, one attempt, and backs off', async () => {
    const queue = createJobQueue(database);
    const kind = newKind();
    let calls = 0;
    queue.register(kind, async () => {
      calls++;
      throw new Error('Máy chủ thư không trả lời');
    });
    const job = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload: {} });
    const before = Date.now();
    expect(await queue.runDue()).toBe(1);
    const after = Date.now();
    const row = (await jobRepo.findJob(database.db, job.id))!;
    expect(calls).toBe(1);
    expect(row.state).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBe('Máy chủ thư không trả lời');
    expect(row.finished_at).toBeNull();
    expect(row.locked_by).toBeNull();
    const runAt = Date.parse(row.run_at);
    expect(backoffMs(1)).toBe(30_000);
    expect(runAt).toBeGreaterThanOrEqual(before + backoffMs(1));
    expect(runAt).toBeLessThanOrEqual(after + backoffMs(1));

    // Not due yet: the backoff holds it back.
    expect(await queue.runDue()).toBe(0);
    expect(calls).toBe(1);
  });

  it('backoff grows exponentially and is capped at one hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
    expect(backoffMs(0)).toBe(30_000);
  });

  it('retries a failed job when due and gives up as dead after max_attempts', async () => {
    const queue = createJobQueue(database);
    const kind = newKind();
    const attempts: number[] = [];
    queue.register(kind, async (_payload, ctx) => {
      attempts.push(ctx.attempt);
      throw new Error(`lỗi lần ${ctx.attempt}`);
    });
    const job = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload: {}, maxAttempts: 3 });
    vi.useFakeTimers({ toFake: ['Date'] });
    let now = Date.now();
    for (let i = 1; i <= 3; i++) {
      expect(await queue.runDue()).toBe(1);
      const row = (await jobRepo.findJob(database.db, job.id))!;
      expect(row.attempts).toBe(i);
      expect(row.last_error).toBe(`lỗi lần ${i}`);
      expect(row.state).toBe(i < 3 ? 'failed' : 'dead');
      if (i < 3) {
        expect(Date.parse(row.run_at)).toBe(now + backoffMs(i));
        expect(row.finished_at).toBeNull();
      } else {
        expect(row.finished_at).not.toBeNull();
      }
      now = Date.parse(row.run_at) + 1000;
      vi.setSystemTime(now);
    }
    expect(attempts).toEqual([1, 2, 3]);
    // A dead job stays dead however long we wait.
    vi.setSystemTime(Date.now() + 24 * 3_600_000);
    expect(await queue.runDue()).toBe(0);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('hands back a job left running by a worker that died (its lock not renewed for the stale delay)', async () => {
    const queue = createJobQueue(database);
    const kind = newKind();
    let calls = 0;
    queue.register(kind, async () => {
      calls++;
    });
    const job = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload: {} });
    const longAgo = new Date(Date.now() - 20 * 60_000).toISOString();
    await database.db.updateTable('jobs').set({ state: 'running', locked_at: longAgo, locked_by: 'dead-worker', attempts: 1 }).where('id', '=', job.id).execute();
    expect(await queue.runDue()).toBe(1);
    const row = (await jobRepo.findJob(database.db, job.id))!;
    expect(calls).toBe(1);
    expect(row.state).toBe('done');
    expect(row.attempts).toBe(2);
  });

  it('a live worker renews the locks of its long jobs (also those waiting in its batch), so another worker never takes one; an unrenewed lock is taken', async () => {
    const kind = newKind();
    const timing = { heartbeatMs: 40, staleMs: 300 };
    const runs: string[] = [];
    const slow = (name: string) => async () => {
      runs.push(name);
      await sleep(700); // more than two stale delays each
    };
    // The same job kind on two workers: `a` holds the job, `b` polls meanwhile as another host would.
    const a = createJobQueue(database, undefined, timing);
    const b = createJobQueue(database, undefined, timing);
    a.register(kind, slow('a'));
    b.register(kind, slow('b'));
    // Two jobs in one batch: the second waits its turn for longer than the stale delay.
    const jobs = [await a.enqueue(database.db, { kind, agencyId: mainAgency, payload: {} }), await a.enqueue(database.db, { kind, agencyId: mainAgency, payload: {} })];
    const held = a.runDue();
    await sleep(50);
    for (let i = 0; i < 20; i++) {
      expect(await b.runDue()).toBe(0);
      await sleep(60);
    }
    expect(await held).toBe(2);
    expect(runs).toEqual(['a', 'a']);
    for (const job of jobs) expect((await jobRepo.findJob(database.db, job.id))!.state).toBe('done');

    // A lock nobody renews (its worker on another host died) is handed back after the stale delay.
    const orphan = await a.enqueue(database.db, { kind, agencyId: mainAgency, payload: {} });
    await database.db.updateTable('jobs').set({ state: 'running', locked_at: new Date().toISOString(), locked_by: 'other-host:1:gone', attempts: 1 }).where('id', '=', orphan.id).execute();
    expect(await b.runDue()).toBe(0);
    await sleep(timing.staleMs + 50);
    runs.length = 0;
    expect(await b.runDue()).toBe(1);
    expect(runs).toEqual(['b']);
    const row = (await jobRepo.findJob(database.db, orphan.id))!;
    expect([row.state, row.attempts]).toEqual(['done', 2]);
  });

  it('hands back at once the jobs of a dead process of this host (kill -9, restart), never those of a live one', async () => {
    const queue = createJobQueue(database);
    const kind = newKind();
    const ran: string[] = [];
    queue.register(kind, async (payload: { who: string }) => void ran.push(payload.who));
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    const holders = { dead: `${hostname()}:${exited}:0000dead`, predecessor: `${hostname()}:${process.pid}:00000old`, alive: `${hostname()}:${process.ppid}:000alive` };
    for (const [who, lockedBy] of Object.entries(holders)) {
      const job = await queue.enqueue(database.db, { kind, agencyId: mainAgency, payload: { who } });
      await database.db.updateTable('jobs').set({ state: 'running', locked_at: new Date().toISOString(), locked_by: lockedBy, attempts: 1 }).where('id', '=', job.id).execute();
    }
    expect(await queue.runDue()).toBe(2);
    expect(ran.sort()).toEqual(['dead', 'predecessor']);
    await database.db.deleteFrom('jobs').where('kind', '=', kind).execute();
  });

  it('two workers running concurrently never run the same job twice', async () => {
    // On PostgreSQL each worker gets its own connection pool, as two processes would.
    const second: { database: Database; close(): Promise<void> } =
      tdb.target.kind === 'postgres'
        ? (() => {
            const d = openDatabase(tdb.target);
            return { database: d, close: () => d.close() };
          })()
        : { database, close: async () => {} };
    try {
      const kind = newKind();
      const runs = new Map<string, string[]>();
      const handler = (worker: string) => async (payload: { n: number }, ctx: { id: string }) => {
        await sleep(2 + (payload.n % 5));
        runs.set(ctx.id, [...(runs.get(ctx.id) ?? []), worker]);
      };
      const workers: [string, JobQueue][] = [
        ['A', createJobQueue(database)],
        ['B', createJobQueue(second.database)],
      ];
      for (const [name, q] of workers) q.register(kind, handler(name));
      const ids: string[] = [];
      for (let n = 0; n < 30; n++) ids.push((await workers[0]![1].enqueue(database.db, { kind, agencyId: mainAgency, payload: { n } })).id);

      // Both workers claim at the same moment, round after round, so their claims overlap.
      let total = 0;
      for (let round = 0; round < 40; round++) {
        const counts = await Promise.all(workers.map(([, q]) => q.runDue(3)));
        total += counts[0]! + counts[1]!;
        if (counts[0] === 0 && counts[1] === 0) break;
      }
      expect(total).toBe(30);
      expect([...runs.keys()].sort()).toEqual([...ids].sort());
      for (const id of ids) expect(runs.get(id)).toHaveLength(1);
      const rows = await database.db.selectFrom('jobs').select(['state', 'attempts']).where('kind', '=', kind).execute();
      expect(rows).toHaveLength(30);
      expect(rows.every((r) => r.state === 'done' && r.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });
});

describe.each(ENGINES)('jobs API on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let otherAgency: string;
  let failNext = true;
  const ran: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login(DEMO.admin);
    otherAgency = await agencyId(t.db.database, 'snv-bacgiang');
    t.services.jobs.register('test.flaky', async (payload: { name: string }) => {
      if (failNext) throw new Error('SMTP tạm thời lỗi');
      ran.push(payload.name);
    });
  });
  afterAll(() => t.close());

  const enqueue = (agency: string, name: string, maxAttempts = 5) =>
    t.services.jobs.enqueue(t.db.database.db, { kind: 'test.flaky', agencyId: agency, payload: { name }, maxAttempts });

  it('GET /api/jobs lists only the actor\'s agency jobs', async () => {
    const ours = await enqueue(admin.agencyId, 'ours', 1);
    const theirs = await enqueue(otherAgency, 'theirs', 1);
    const res = await t.as(admin, 'GET', '/api/jobs');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { id: string; kind: string; state: string; maxAttempts: number; lastError: string | null }[];
    const ids = list.map((j) => j.id);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
    expect(list.find((j) => j.id === ours.id)).toMatchObject({ kind: 'test.flaky', state: 'queued', maxAttempts: 1, lastError: null });

    const filtered = (await t.as(admin, 'GET', '/api/jobs?state=done')).json() as { id: string }[];
    expect(filtered.map((j) => j.id)).not.toContain(ours.id);
    expect((await t.as(admin, 'GET', '/api/jobs?state=nonsense')).statusCode).toBe(400);
  });

  it('only admins may list jobs; anonymous callers get 401', async () => {
    expect((await t.as(undefined, 'GET', '/api/jobs')).statusCode).toBe(401);
    const coordinator = await t.login(DEMO.coordinator);
    expect((await t.as(coordinator, 'GET', '/api/jobs')).statusCode).toBe(403);
  });

  it('POST /api/jobs/:id/retry requeues a dead job, which then runs', async () => {
    failNext = true;
    const job = await enqueue(admin.agencyId, 'retry-me', 1);
    await t.services.jobs.runDue();
    const dead = (await jobRepo.findJob(t.db.database.db, job.id))!;
    expect(dead.state).toBe('dead');
    expect(dead.last_error).toBe('SMTP tạm thời lỗi');

    const listed = (await t.as(admin, 'GET', '/api/jobs?state=dead')).json() as { id: string; lastError: string }[];
    expect(listed.find((j) => j.id === job.id)?.lastError).toBe('SMTP tạm thời lỗi');

    // Without the CSRF token the write is refused.
    const noCsrf = await t.app.inject({ method: 'POST', url: `/api/jobs/${job.id}/retry`, headers: { cookie: admin.cookie } });
    expect(noCsrf.statusCode).toBe(403);

    const res = await t.as(admin, 'POST', `/api/jobs/${job.id}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: job.id, state: 'queued', attempts: 0, lastError: null, finishedAt: null });

    // Retrying a job that is already queued is a conflict.
    const again = await t.as(admin, 'POST', `/api/jobs/${job.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/đang chờ hoặc đang chạy/);

    failNext = false;
    await t.services.jobs.runDue();
    expect(ran).toContain('retry-me');
    const done = (await jobRepo.findJob(t.db.database.db, job.id))!;
    expect(done.state).toBe('done');
    expect(done.attempts).toBe(1);
  });

  it('retry is admin-only and another agency\'s job answers 404', async () => {
    failNext = true;
    const theirs = await enqueue(otherAgency, 'theirs-dead', 1);
    const ours = await enqueue(admin.agencyId, 'ours-dead', 1);
    await t.services.jobs.runDue();
    expect((await jobRepo.findJob(t.db.database.db, theirs.id))!.state).toBe('dead');

    const res = await t.as(admin, 'POST', `/api/jobs/${theirs.id}/retry`);
    expect(res.statusCode).toBe(404);
    expect((await jobRepo.findJob(t.db.database.db, theirs.id))!.state).toBe('dead');
    expect((await t.as(admin, 'POST', '/api/jobs/khong-co-id/retry')).statusCode).toBe(404);

    const editor = await t.login(DEMO.editor);
    expect((await t.as(editor, 'POST', `/api/jobs/${ours.id}/retry`)).statusCode).toBe(403);
    expect((await jobRepo.findJob(t.db.database.db, ours.id))!.state).toBe('dead');
  });
});

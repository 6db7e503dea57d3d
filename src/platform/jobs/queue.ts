import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Executor } from '../../db/database.ts';
import type { JobTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor, type Policy } from '../access.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import * as repo from './repo.ts';

export interface EnqueueInput {
  kind: string;
  agencyId: string | null;
  payload: unknown;
  /** When to run; default now. */
  runAt?: Date;
  /** A second enqueue with the same key is ignored and returns the first job. */
  idempotencyKey?: string;
  maxAttempts?: number;
}

export interface JobContext {
  id: string;
  agencyId: string | null;
  attempt: number;
}

export type JobHandler = (payload: any, ctx: JobContext) => Promise<void>;

export const jobsPolicy = {
  'jobs.read': ['admin'],
  'jobs.retry': ['admin'],
} as const satisfies Policy<string>;

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at 1 hour. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempt - 1, 0), 3_600_000);
}

export interface JobQueueTiming {
  /** How often a running job's lock is renewed. */
  heartbeatMs?: number;
  /** A running job whose lock was not renewed for this long is presumed abandoned (its worker died). */
  staleMs?: number;
}

/**
 * The database-backed job queue: jobs survive restarts, run at their time, retry with backoff
 * and are visible to admins. Handlers are registered by kind at start-up.
 *
 * With several processes (or hosts) a worker can die holding a job. A live worker renews the
 * lock of each job in hand every `heartbeatMs`, so only a lock left unrenewed for `staleMs`
 * (ten heartbeats) is handed back: a long job (a big import, a slow social network) is never
 * run twice because it outlasted a fixed delay.
 */
export function createJobQueue(database: Database, log?: FastifyBaseLogger, timing: JobQueueTiming = {}) {
  const heartbeatMs = timing.heartbeatMs ?? 30_000;
  const staleMs = timing.staleMs ?? 10 * heartbeatMs;
  const handlers = new Map<string, JobHandler>();
  const host = hostname();
  const workerId = `${host}:${process.pid}:${newId().slice(0, 8)}`;
  processWorkers.add(workerId);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function enqueue(trx: Executor, input: EnqueueInput): Promise<JobTable> {
    const now = nowIso();
    const row: JobTable = {
      id: newId(),
      agency_id: input.agencyId,
      kind: input.kind,
      payload: JSON.stringify(input.payload ?? null),
      state: 'queued',
      run_at: (input.runAt ?? new Date()).toISOString(),
      attempts: 0,
      max_attempts: input.maxAttempts ?? 5,
      last_error: null,
      idempotency_key: input.idempotencyKey ?? null,
      locked_at: null,
      locked_by: null,
      finished_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertJob(trx, row);
    if (input.idempotencyKey) return (await repo.findJobByKey(trx, input.idempotencyKey))!;
    return row;
  }

  /**
   * A process killed mid-job (kill -9, OOM, power loss) leaves its jobs 'running'. Another host's
   * worker is only presumed dead after the stale delay above, but a worker of this host can be
   * checked: its pid is gone, or it is our own pid under a worker id this process never made (a
   * restarted container reuses pid 1). Its jobs go back to the queue on the next poll after a restart.
   */
  async function releaseDeadLocalWorkers(now: string) {
    const held = await repo.runningJobWorkers(database.db, `${host}:`);
    const dead = held.filter((w) => !workerAlive(w, Number(w.slice(host.length + 1).split(':')[0])));
    await repo.releaseWorkerJobs(database.db, dead, now);
  }

  /** Runs every due job once; returns how many ran. Tests call it directly. */
  async function runDue(limit = 20): Promise<number> {
    const now = nowIso();
    await repo.releaseStaleJobs(database.db, new Date(Date.now() - staleMs).toISOString(), now);
    await releaseDeadLocalWorkers(now);
    const claimed = await database.transaction((trx) => repo.claimDueJobs(trx, database.engine, now, workerId, limit, [...handlers.keys()]));
    // Every claimed job is in hand until settled, also those waiting their turn in this batch:
    // all their locks are renewed, so no other worker takes one while this one is busy.
    const inHand = new Set(claimed.map((j) => j.id));
    const heartbeat = setInterval(() => {
      if (inHand.size > 0) repo.renewJobLocks(database.db, [...inHand], workerId, nowIso()).catch((err) => log?.warn({ err }, 'job heartbeat failed'));
    }, heartbeatMs);
    try {
      for (const job of claimed) {
        try {
          await handlers.get(job.kind)!(JSON.parse(job.payload), { id: job.id, agencyId: job.agency_id, attempt: job.attempts });
          await repo.finishJob(database.db, job.id, workerId, nowIso());
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          const dead = job.attempts >= job.max_attempts;
          log?.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: message }, dead ? 'job gave up' : 'job failed, will retry');
          await repo.failJob(database.db, job.id, workerId, {
            state: dead ? 'dead' : 'failed',
            runAt: new Date(Date.now() + backoffMs(job.attempts)).toISOString(),
            error: message.slice(0, 2000),
            now: nowIso(),
          });
        } finally {
          inHand.delete(job.id);
        }
      }
    } finally {
      clearInterval(heartbeat);
    }
    return claimed.length;
  }

  function tick(intervalMs: number) {
    if (stopped) return;
    running = runDue().catch((err) => {
      log?.error({ err }, 'job queue poll failed');
      return 0;
    });
    void running.then((n) => {
      if (!stopped) timer = setTimeout(() => tick(intervalMs), n > 0 ? 0 : intervalMs);
    });
  }

  return {
    enqueue,
    runDue,
    /** One job by id, for a module that shows the state of the job it queued (no actor). */
    find: (id: string) => repo.findJob(database.db, id),
    register(kind: string, handler: JobHandler) {
      if (handlers.has(kind)) throw new Error(`job handler already registered: ${kind}`);
      handlers.set(kind, handler);
    },
    start(intervalMs = 2000) {
      if (!stopped) return;
      stopped = false;
      tick(intervalMs);
    },
    /** Stops polling and waits for the jobs in hand to finish. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },

    async list(actor: Actor | undefined, state?: JobTable['state']) {
      const a = authorize(actor, jobsPolicy, 'jobs.read');
      const rows = await repo.listJobs(database.db, a.agencyId, state, 200);
      return rows.map(toView);
    },

    async retry(actor: Actor | undefined, id: string) {
      const job = await repo.findJob(database.db, id);
      const a = authorize(actor, jobsPolicy, 'jobs.retry', job?.agency_id ? { agency_id: job.agency_id } : undefined);
      if (!job) throw new NotFoundError();
      if (job.state === 'running' || job.state === 'queued') throw new ConflictError('Công việc đang chờ hoặc đang chạy, không cần chạy lại.');
      await repo.requeueJob(database.db, a.agencyId, id, nowIso());
      return toView((await repo.findJob(database.db, id))!);
    },
  };
}

/** The queues of this process (tests run several): a worker with our pid but not listed here was a predecessor. */
const processWorkers = new Set<string>();

/** True when the worker's process exists (EPERM: it exists but is not ours). */
function workerAlive(workerId: string, pid: number): boolean {
  if (pid === process.pid) return processWorkers.has(workerId);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function toView(j: JobTable) {
  return {
    id: j.id,
    kind: j.kind,
    state: j.state,
    runAt: j.run_at,
    attempts: j.attempts,
    maxAttempts: j.max_attempts,
    lastError: j.last_error,
    idempotencyKey: j.idempotency_key,
    createdAt: j.created_at,
    finishedAt: j.finished_at,
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;

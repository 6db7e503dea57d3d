import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { nowIso } from '../db/sql-helpers.ts';
import type { HtmlCache } from './html-cache.ts';

/**
 * Keeps the per-process page caches of several app processes consistent (docs/production.md).
 *
 * A change invalidates its tag here at once and bumps the tag's generation in
 * `cache_generations`; every process reads that small table every `pollMs` and drops the tags
 * whose generation moved. The cached hit path (portal/page-fast-path.ts) never touches the
 * database: the cost is one tiny query per process and interval, whatever the traffic.
 * Staleness bound: a page another process cached shows a change at most `pollMs` (+ one query)
 * after the change's bump; html-cache refuses to keep a page whose render overlapped an
 * invalidation, and its TTL bounds anything else.
 * Example: `const sync = createCacheSync({ database, cache }); sync.invalidate('agency:1'); await sync.start(1000);`
 */
export function createCacheSync(opts: { database: Database; cache: HtmlCache; log?: FastifyBaseLogger }) {
  const { database, cache, log } = opts;
  const seen = new Map<string, number>();
  let initialised = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let stopped = true;

  /** Not awaited by callers: a bump may be requested inside a transaction (SQLite has one connection). */
  async function bump(tag: string) {
    const now = nowIso();
    await database.db
      .insertInto('cache_generations')
      .values({ tag, generation: 1, updated_at: now })
      .onConflict((oc) => oc.column('tag').doUpdateSet({ generation: sql`cache_generations.generation + 1`, updated_at: now }))
      .execute();
  }

  async function poll() {
    const rows = await database.db.selectFrom('cache_generations').select(['tag', 'generation']).execute();
    for (const { tag, generation } of rows) {
      const g = Number(generation);
      if (initialised && seen.get(tag) !== g) cache.invalidateTag(tag);
      seen.set(tag, g);
    }
    initialised = true;
  }

  function schedule(pollMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      polling = poll()
        .catch((err: unknown) => log?.warn({ err }, 'page cache sync poll failed'))
        .finally(() => schedule(pollMs));
    }, pollMs);
  }

  return {
    /** Drops the tag here now and in every other process within one poll interval. Callers need not await the bump (tests do). */
    invalidate(tag: string): Promise<void> {
      cache.invalidateTag(tag);
      return bump(tag).catch((err: unknown) => log?.warn({ err, tag }, 'page cache generation bump failed'));
    },
    /** Reads the generations once (so later bumps are noticed), then polls every `pollMs`. */
    async start(pollMs: number) {
      if (!stopped) return;
      stopped = false;
      await poll();
      schedule(pollMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await polling;
    },
    /** One poll now; tests call it instead of waiting. */
    poll,
  };
}

export type CacheSync = ReturnType<typeof createCacheSync>;

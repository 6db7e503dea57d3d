import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

type IncrResult = { current: number; ttl: number };
type Callback = (err: Error | null, res?: IncrResult) => void;

/** Counters older than this are deleted now and then (longer than any route's window). */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * A `@fastify/rate-limit` store in the database, so a limit holds across every app process
 * (login brute force spread over N processes behind nginx still meets one counter). Each count
 * is one atomic upsert (fixed window per route and client key); only rate-limited routes pay it:
 * sign-in and the public forms. Example: `app.register(rateLimit, { global: false, store: createDbRateLimitStore(database) })`.
 */
export function createDbRateLimitStore(database: Database) {
  let calls = 0;

  async function count(key: string, timeWindow: number): Promise<IncrResult> {
    const now = Date.now();
    const expired = sql<boolean>`rate_limit_hits.window_start + ${timeWindow} <= ${now}`;
    const row = await database.db
      .insertInto('rate_limit_hits')
      .values({ key, hits: 1, window_start: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql`case when ${expired} then 1 else rate_limit_hits.hits + 1 end`,
          window_start: sql`case when ${expired} then ${now} else rate_limit_hits.window_start end`,
        }),
      )
      .returning(['hits', 'window_start'])
      .executeTakeFirstOrThrow();
    if (++calls % 500 === 0) await database.db.deleteFrom('rate_limit_hits').where('window_start', '<', now - KEEP_MS).execute();
    return { current: Number(row.hits), ttl: Math.max(Number(row.window_start) + timeWindow - now, 0) };
  }

  async function peek(key: string, timeWindow: number): Promise<IncrResult> {
    const now = Date.now();
    const row = await database.db.selectFrom('rate_limit_hits').select(['hits', 'window_start']).where('key', '=', key).executeTakeFirst();
    if (!row || Number(row.window_start) + timeWindow <= now) return { current: 0, ttl: 0 };
    return { current: Number(row.hits), ttl: Number(row.window_start) + timeWindow - now };
  }

  /** One store per route (the plugin calls `child`), its keys prefixed with the route. */
  class DbStore {
    private readonly prefix: string;
    /** The plugin constructs the root store with its options; children get their route. */
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : 'global';
    }
    incr(key: string, cb: Callback, timeWindow: number) {
      count(`${this.prefix}|${key}`, timeWindow).then((r) => cb(null, r), (err: Error) => cb(err));
    }
    read(key: string, cb: Callback, timeWindow: number) {
      peek(`${this.prefix}|${key}`, timeWindow).then((r) => cb(null, r), (err: Error) => cb(err));
    }
    /** Typed as the route's options; at run time the plugin passes its merged params with `routeInfo`. */
    child(opts: object) {
      const { routeInfo } = opts as { routeInfo?: { method?: string | string[]; url?: string } };
      const route = routeInfo?.url ? `${[routeInfo.method].flat().join(',')} ${routeInfo.url}` : 'custom';
      return new DbStore(route);
    }
  }
  return DbStore;
}

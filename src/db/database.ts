import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { DB } from './types.ts';

export type Engine = 'sqlite' | 'postgres';

/** A database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Runs `fn` in one transaction: the unit of work of every use case. */
  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query within `timeoutMs` (default 2 s). */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
  /** The raw SQLite handle, for online backup; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
}

/** Opens the database chosen by the configuration. Example: `openDatabase(config.database)`. */
export function openDatabase(target: Config['database']): Database {
  if (target.kind === 'postgres') return openPostgres(target.url);
  return openSqlite(target.file);
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // SQLite's built-in lower() folds ASCII only ("Đăng" stays "Đăng"); PostgreSQL's folds every letter.
  sqlite.function('lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return wrap(db, 'sqlite', sqlite);
}

/**
 * Kysely prepares every query anew; preparing is a large share of a small query's time on
 * SQLite. The same SQL text reuses its prepared statement (statements re-compile themselves
 * after a schema change; Kysely never streams here, so a statement is never busy when reused).
 */
function withStatementCache(sqlite: SQLite.Database, max = 1000): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      if (statements.size >= max) statements.delete(statements.keys().next().value!);
      statements.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function openPostgres(url: string): Database {
  // A server that does not answer must not hold requests forever: connecting gives up after 5 s
  // (the request then answers 503, see unavailable.ts); keep-alive notices a dead peer.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, keepAlive: true });
  // A dropped connection must not crash the process: the next query reports the error.
  pool.on('error', () => {});
  // The pool listens only to idle clients: one checked out between two queries (inside a
  // transaction) whose server goes away would emit an unhandled 'error' and kill the process.
  // Its next query fails instead, and the pool drops it on release.
  pool.on('connect', (client) => void client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return wrap(db, 'postgres');
}

function wrap(db: Kysely<DB>, engine: Engine, sqlite?: SQLite.Database): Database {
  return {
    db,
    engine,
    sqlite,
    transaction: (fn) => db.transaction().execute(fn),
    async ping(timeoutMs = 2000) {
      // Bounded: a readiness probe must answer 503 quickly, not hang with a silent server. The
      // query itself is bounded by the pool's connection timeout, so nothing piles up behind it.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => void (timer = setTimeout(() => resolve(false), timeoutMs)));
      const answered = sql`select 1`.execute(db).then(() => true, () => false);
      try {
        return await Promise.race([answered, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => db.destroy(),
  };
}

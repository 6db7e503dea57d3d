import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/unavailable.ts';

describe('isDatabaseUnavailable', () => {
  it('recognises the errors of a database that cannot be reached or written', async () => {
    // A real refused connection from pg (nothing listens on port 1).
    const refused = await new pg.Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 2000 }).connect().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    for (const e of [
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
      Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }),
      Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }),
    ]) expect(isDatabaseUnavailable(e), e.message).toBe(true);
  });

  it('leaves bugs and refused data as they are (they stay 500 or their own 4xx)', () => {
    const db = new SQLite(':memory:');
    db.exec('create table t (id integer primary key, v text not null unique)');
    db.prepare("insert into t (v) values ('a')").run();
    const sqliteErrors = [() => db.prepare("insert into t (v) values ('a')").run(), () => db.prepare('select nope from t').all(), () => db.prepare('insert into t (v) values (null)').run()];
    for (const run of sqliteErrors) {
      let caught: unknown;
      try {
        run();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeDefined();
      expect(isDatabaseUnavailable(caught)).toBe(false);
    }
    for (const code of ['23505', '23503', '42P01', '22P02', '40001']) expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(false);
    for (const v of [undefined, null, 'ECONNREFUSED', 42, new TypeError('x is undefined')]) expect(isDatabaseUnavailable(v)).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), fc.string(), fc.string(), (v, code, message) => {
      expect(typeof isDatabaseUnavailable(v)).toBe('boolean');
      expect(typeof isDatabaseUnavailable({ code, message })).toBe('boolean');
    }));
  });
});

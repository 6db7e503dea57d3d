/**
 * True when an error means "the database cannot be reached or written right now" rather than a
 * bug: the HTTP layer answers 503 (try again later) instead of 500. Example:
 * `isDatabaseUnavailable(err) ? 503 : 500`.
 *
 * PostgreSQL: the connection was refused, reset or timed out (node errors and pg's own messages),
 * SQLSTATE class 08 (connection exception), 57P01–57P03 (server shutting down / starting),
 * 53300 (too many connections). SQLite (embedded, no server to lose): the file is locked by
 * another process beyond the busy timeout, read-only, unreadable, or the disk is full.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NODE_CODES.has(code) || /^08/.test(code) || PG_CODES.has(code)) return true;
  if (/^SQLITE_(BUSY|LOCKED|READONLY|IOERR|CANTOPEN|FULL|NOTADB)/.test(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return PG_MESSAGES.some((m) => message.includes(m));
}

const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const PG_MESSAGES = ['Connection terminated', 'timeout exceeded when trying to connect', 'Client has encountered a connection error', 'Connection ended unexpectedly', 'Query read timeout'];

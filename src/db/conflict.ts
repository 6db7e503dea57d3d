/**
 * True when an error is a unique-key violation: two requests created the same thing at once and
 * the database kept one (the services check for duplicates first, but a check and an insert in
 * different transactions can interleave). The HTTP layer answers 409 instead of 500.
 * PostgreSQL: SQLSTATE 23505. SQLite: a UNIQUE or PRIMARY KEY constraint.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

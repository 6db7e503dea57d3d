import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';

/** New primary key: random UUIDs keep ids unguessable and unique across agencies and engines. */
export function newId(): string {
  return randomUUID();
}

/** The current instant as stored: ISO-8601 UTC text. Example: `2026-11-28T11:44:35.123Z`. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Escapes LIKE wildcards so user text is matched literally. Example: `like('50%') === '50\\%'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `lower(column) like '%text%'`, the text matched literally and case-insensitively on both
 * engines: the ESCAPE clause is spelt out (SQLite has no default escape character, so `\\%`
 * would otherwise be a backslash then a wildcard), and SQLite's `lower` folds Vietnamese capitals
 * too (database.ts replaces its ASCII-only built-in).
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** Converts a count column (bigint text on PostgreSQL, number on SQLite) to a number. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return Number(value ?? 0);
}

import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';

/** A table's keys as the live database reports them (both engines, same shape). */
export interface TableKeys {
  columns: string[];
  primaryKey: string[];
  /** Unique constraints and unique indexes other than the primary key. */
  uniques: string[][];
  foreignKeys: ForeignKeyInfo[];
}

export interface ForeignKeyInfo {
  columns: string[];
  parent: string;
  parentColumns: string[];
  /** `cascade`, `set null`, `no action`, …; `set null (col)` when only those columns are nulled (PostgreSQL 15). */
  onDelete: string;
}

/** Reads every application table's keys from the live schema (FTS shadow tables left out). */
export async function readSchemaKeys(database: Database): Promise<Record<string, TableKeys>> {
  return database.engine === 'sqlite' ? readSqlite(database) : readPostgres(database);
}

function readSqlite(database: Database): Record<string, TableKeys> {
  const s = database.sqlite!;
  const out: Record<string, TableKeys> = {};
  const all = s.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string; sql: string }[];
  // FTS5 tables and their shadow tables (search_fts_data, …) belong to the search index, not the schema proper.
  const virtual = all.filter((t) => t.sql.startsWith('CREATE VIRTUAL TABLE')).map((t) => t.name);
  for (const { name } of all) {
    if (virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    const cols = s.prepare(`pragma table_info("${name}")`).all() as { name: string; pk: number }[];
    const uniques = (s.prepare(`pragma index_list("${name}")`).all() as { name: string; unique: number; origin: string }[])
      .filter((i) => i.unique && i.origin !== 'pk')
      .map((i) => (s.prepare(`pragma index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name));
    const fks = new Map<number, ForeignKeyInfo>();
    for (const f of s.prepare(`pragma foreign_key_list("${name}")`).all() as { id: number; table: string; from: string; to: string; on_delete: string }[]) {
      const fk = fks.get(f.id) ?? { columns: [], parent: f.table, parentColumns: [], onDelete: f.on_delete.toLowerCase() };
      fk.columns.push(f.from);
      fk.parentColumns.push(f.to);
      fks.set(f.id, fk);
    }
    out[name] = { columns: cols.map((c) => c.name), primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name), uniques, foreignKeys: [...fks.values()] };
  }
  return out;
}

async function readPostgres(database: Database): Promise<Record<string, TableKeys>> {
  const out: Record<string, TableKeys> = {};
  const cols = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(database.db);
  for (const c of cols.rows) (out[c.table_name] ??= { columns: [], primaryKey: [], uniques: [], foreignKeys: [] }).columns.push(c.column_name);
  // Primary keys, unique constraints and unique indexes, with their columns in key order.
  const keys = await sql<{ table_name: string; is_primary: boolean; columns: string[] }>`
    select t.relname as table_name, i.indisprimary as is_primary,
      array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n) as columns
    from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace ns on ns.oid = t.relnamespace
    where ns.nspname = current_schema() and i.indisunique`.execute(database.db);
  for (const k of keys.rows) {
    const t = out[k.table_name];
    if (!t) continue;
    if (k.is_primary) t.primaryKey = k.columns;
    else t.uniques.push(k.columns);
  }
  const fks = await sql<{ table_name: string; parent: string; columns: string[]; parent_columns: string[]; on_delete: string; set_columns: string[] }>`
    select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as parent,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns,
      array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.n) as parent_columns,
      array(select a.attname::text from unnest(c.confdelsetcols) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as set_columns,
      case c.confdeltype when 'c' then 'cascade' when 'n' then 'set null' when 'd' then 'set default' when 'r' then 'restrict' else 'no action' end as on_delete
    from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace
    where c.contype = 'f' and ns.nspname = current_schema()`.execute(database.db);
  for (const f of fks.rows) {
    const onDelete = f.set_columns.length > 0 ? `${f.on_delete} (${f.set_columns.join(', ')})` : f.on_delete;
    out[f.table_name]?.foreignKeys.push({ columns: f.columns, parent: f.parent, parentColumns: f.parent_columns, onDelete });
  }
  return out;
}

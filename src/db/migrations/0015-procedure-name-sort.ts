import { sql, type Kysely } from 'kysely';
import { viSortKey } from '../../platform/vi-text.ts';

/**
 * `procedure_versions.name_sort`: the name's Vietnamese sort key (vi-text.ts `viSortKey`), so the
 * catalog is listed in dictionary order ("Đăng ký …" after "Duyệt …", not after "Xác nhận …" as
 * byte order puts it) on both engines. On PostgreSQL the column is `collate "C"`: the key is made
 * for byte order. Existing versions get their key here.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  if (engine === 'postgres') await sql`alter table procedure_versions add column name_sort text collate "C" not null default ''`.execute(db);
  else await sql`alter table procedure_versions add column name_sort text not null default ''`.execute(db);
  await backfillNameSort(db);
}

/** Gives every procedure version its sort key, in `db` (the migration's transaction). Returns how many. */
export async function backfillNameSort(db: Kysely<any>): Promise<number> {
  const rows = await sql<{ id: string; name: string }>`select id, name from procedure_versions`.execute(db);
  for (const r of rows.rows) await sql`update procedure_versions set name_sort = ${viSortKey(r.name)} where id = ${r.id}`.execute(db);
  return rows.rows.length;
}

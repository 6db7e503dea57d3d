import { sql, type Kysely } from 'kysely';

/**
 * A search of the public catalog reads its up to 50 procedures back by id (procedures/repo.ts
 * `listPageInForce`): random ones, so on PostgreSQL each cost a heap page of procedure_versions
 * (wide rows: the announced text as JSON) and one of procedures. These covering indexes let
 * both be read from the index alone (index-only scans, once vacuum has marked the pages
 * all-visible). procedure_versions_catalog replaces procedure_versions_agency_procedure, which
 * had the same columns as the unique key's index (agency_id, procedure_id, version_no).
 * evidence_tasks_agency_evidence goes too: since 0018 the primary key has its very columns.
 * SQLite has no INCLUDE and its catalog reads are within target (bench/procedures.ts), and its
 * keys did not move in 0018: unchanged. (catalog-indexes.test.ts checks both.)
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`drop index procedure_versions_agency_procedure`.execute(db);
  await sql`drop index evidence_tasks_agency_evidence`.execute(db);
  await sql`create index procedure_versions_catalog on procedure_versions (agency_id, procedure_id)
    include (effective_from, effective_to, origin, id, version_no, name, name_sort, level, online_level, field_id)`.execute(db);
  await sql`create index procedures_catalog on procedures (agency_id, id) include (code, is_demo)`.execute(db);
}

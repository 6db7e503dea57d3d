import { sql, type Kysely } from 'kysely';
import { createEngine } from '../../platform/search/engines.ts';
import { indexTokens, joinFacets } from '../../platform/search/index.ts';
import { procedureFacets } from '../../modules/procedures/versions.ts';

/**
 * Search facets (platform search `facets`): exact filter values stored with a document and
 * indexed as `f_<hex>` tokens, so a filtered search (procedures by field, level, online level)
 * is one match in the index instead of filters applied to its best 50 hits.
 * Procedures indexed before get their facets from the version the index holds (the latest
 * written) and their tokens rebuilt.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  await sql`alter table search_documents add column facets text not null default ''`.execute(db);
  await backfillProcedureFacets(db, engine);
}

/** Gives the procedures' search entries their facets and rebuilds their tokens, in `db` (a transaction). Returns how many. */
export async function backfillProcedureFacets(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<number> {
  const rows = await sql<{ agency_id: string; ref_id: string; level: string; online_level: 'full' | 'partial' | null; slug: string }>`
    select s.agency_id, s.ref_id, v.level, v.online_level, f.slug
    from search_documents s
    join procedure_versions v on v.agency_id = s.agency_id and v.procedure_id = s.ref_id
      and v.version_no = (select max(w.version_no) from procedure_versions w where w.procedure_id = v.procedure_id)
    join procedure_fields f on f.id = v.field_id
    where s.kind = 'procedure'`.execute(db);
  if (rows.rows.length === 0) return 0;
  for (const r of rows.rows) {
    const facets = joinFacets(procedureFacets({ fieldSlug: r.slug, level: r.level, onlineLevel: r.online_level ?? 'none' }));
    await sql`update search_documents set facets = ${facets} where agency_id = ${r.agency_id} and kind = 'procedure' and ref_id = ${r.ref_id}`.execute(db);
  }
  // `db` is the migration's transaction: the rebuild runs inside it.
  await createEngine(db, engine).reindexAll(indexTokens, 'procedure', db);
  return rows.rows.length;
}

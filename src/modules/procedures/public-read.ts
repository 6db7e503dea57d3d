import type { Database } from '../../db/database.ts';
import type { SearchIndex } from '../../platform/search/index.ts';
import { todayVi } from '../../platform/vi-text.ts';
import { summaryOf, type Catalog } from './catalog.ts';
import { procedurePath } from './paths.ts';
import { nationalPortalUrl, PROCEDURE_LEVELS } from './procedure-data.ts';
import * as repo from './repo.ts';
import type { ProcedureSummaryView, ProcedureView } from './schema.ts';
import { searchProcedures } from './versions.ts';

export type PublicProcedureCard = ProcedureSummaryView & { path: string };
export type PublicProcedure = ProcedureView & { path: string; nationalPortalUrl: string };
export interface PublicChange {
  code: string;
  name: string;
  /** 'catalog' or a change kind (new, amended, replaced, abolished). */
  origin: string;
  versionNo: number;
  effectiveFrom: string;
  recordedAt: string;
  decision: { numberSymbol: string; signedOn: string } | null;
  path: string;
}

/** The read side the procedures' public pages use: by agency, no actor, only what is in force. */
export function createProceduresPublicRead(database: Database, search: SearchIndex, catalog: Catalog) {
  const { db } = database;
  const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
  const changesOf = (rows: Awaited<ReturnType<typeof repo.versionsSince>>): PublicChange[] =>
    rows.map((r) => ({ code: r.code, name: r.name, origin: r.origin, versionNo: r.version_no, effectiveFrom: r.effective_from, recordedAt: r.created_at, decision: r.decision_number ? { numberSymbol: r.decision_number, signedOn: r.decision_signed_on! } : null, path: procedurePath(r.code) }));

  async function procedure(agencyId: string, code: string, asOf?: string): Promise<PublicProcedure | undefined> {
    if (!(await repo.findProcedureByCode(db, agencyId, code))) return undefined;
    const view = await catalog.view(agencyId, code, asOf ?? todayVi());
    return { ...view, path: procedurePath(code), nationalPortalUrl: nationalPortalUrl(code) };
  }

  return {
    levels: () => [...PROCEDURE_LEVELS],
    procedure,

    async fields(agencyId: string) {
      const [fields, counts] = await Promise.all([repo.listFields(db, agencyId), repo.procedureCountByField(db, agencyId, todayVi())]);
      return fields.map((f) => ({ name: f.name, slug: f.slug, count: counts.get(f.id) ?? 0 })).filter((f) => f.count > 0);
    },

    /**
     * The catalog in force today. With words, the search index ranks (folding tones and đ) and
     * the filters narrow its best matches; without, the list is by field and name.
     */
    async catalog(agencyId: string, query: { q?: string; field?: string; level?: string; online?: 'full' | 'partial' | 'none'; page: number; pageSize: number }) {
      const q = query.q?.trim();
      const filters = { agencyId, asOf: todayVi(), fieldSlug: query.field, level: query.level, onlineLevel: query.online };
      if (!q) {
        const { items, total } = await repo.listInForce(db, { ...filters, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
        return { total, page: query.page, pageCount: pageCountOf(total, query.pageSize), searched: false, items: items.map((r) => ({ ...summaryOf(r), path: procedurePath(r.code) })) };
      }
      // The filters are facets of the search, so the index's best 50 are all of the filtered best.
      const ids = await searchProcedures(search, agencyId, q, filters);
      const items = await repo.listPageInForce(db, { ...filters, procedureIds: ids, limit: 50, offset: 0 });
      const rank = new Map(ids.map((id, i) => [id, i]));
      const ranked = items.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      const start = (query.page - 1) * query.pageSize;
      return { total: ranked.length, page: query.page, pageCount: pageCountOf(ranked.length, query.pageSize), searched: true, items: ranked.slice(start, start + query.pageSize).map((r) => ({ ...summaryOf(r), path: procedurePath(r.code) })) };
    },

    /** What changed in the catalog recently (newest first), with the decision behind each change. */
    async changes(agencyId: string, limit = 100): Promise<PublicChange[]> {
      return changesOf(await repo.versionsSince(db, agencyId, '0000', limit));
    },

    /** What changed since the last desk posting (everything when there was none). */
    async changesSincePosting(agencyId: string) {
      const last = await repo.latestPosting(db, agencyId);
      return { lastPostedOn: last?.posted_on ?? null, changes: changesOf(await repo.versionsSince(db, agencyId, last?.created_at ?? '0000', 1000)) };
    },

    /** Every procedure in force today of one field, for its desk sheet. */
    async fieldSheet(agencyId: string, fieldSlug: string) {
      const fields = await repo.listFields(db, agencyId);
      const field = fields.find((f) => f.slug === fieldSlug);
      if (!field) return undefined;
      const { items } = await repo.listInForce(db, { agencyId, asOf: todayVi(), fieldSlug, limit: 10_000, offset: 0 });
      return { field: field.name, procedures: await Promise.all(items.map(async (r) => (await procedure(agencyId, r.code))!)) };
    },

    /** Open data: every procedure in force today, as announced. */
    openData: (agencyId: string) => catalog.catalogData(agencyId, todayVi()),
  };
}

export type ProceduresPublicRead = ReturnType<typeof createProceduresPublicRead>;

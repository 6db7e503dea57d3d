import type { Transaction } from 'kysely';
import type { DB, ProcedureTable, ProcedureVersionTable } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { BadRequestError } from '../../platform/errors.ts';
import type { SearchIndex } from '../../platform/search/index.ts';
import { formatDateVi, viSortKey } from '../../platform/vi-text.ts';
import type { ProcedureDataValue } from './procedure-data.ts';
import { procedurePath } from './paths.ts';
import * as repo from './repo.ts';

export const PROCEDURE_SOURCE = 'procedure';

type Trx = Transaction<DB>;

/** The catalog filters a search can require, as search facets. */
export interface ProcedureFacetFilter {
  fieldSlug?: string;
  level?: string;
  onlineLevel?: 'full' | 'partial' | 'none';
}

/** The facets of a procedure (or the ones a filter requires): field, level, online level. */
export function procedureFacets(f: ProcedureFacetFilter): string[] {
  const out: string[] = [];
  if (f.fieldSlug) out.push(`field:${f.fieldSlug}`);
  if (f.level) out.push(`level:${f.level}`);
  if (f.onlineLevel) out.push(`online:${f.onlineLevel}`);
  return out;
}

/** The procedure as the search index holds it: name first, then what a citizen would type. */
export function searchEntry(agencyId: string, procedureId: string, data: ProcedureDataValue, effectiveFrom: string, fieldSlug: string) {
  return {
    agencyId, kind: PROCEDURE_SOURCE, refId: procedureId, title: data.name,
    facets: procedureFacets({ fieldSlug, level: data.level, onlineLevel: data.onlineLevel ?? 'none' }),
    summary: `Mã ${data.code} · Lĩnh vực ${data.field} · ${data.level}`,
    // Steps and conditions are left out: their words ("nộp hồ sơ", "bộ phận một cửa") are in nearly
    // every procedure, so they found nothing useful while tripling each entry (and PostgreSQL's scan).
    body: [data.field, data.implementingAgency, data.applicants, data.result, ...data.dossier.map((d) => d.name), ...data.legalBasis].join('\n'),
    url: procedurePath(data.code), publishedAt: `${effectiveFrom}T00:00:00.000Z`,
  };
}

/**
 * Writes a new version of a procedure (creating the procedure when its code is new), effective
 * from `effectiveFrom`: the version in force until then is closed on that day. Versions never
 * overlap and are never rewritten, so the catalog can be read as of any date.
 */
export async function writeVersion(trx: Trx, search: SearchIndex, input: {
  agencyId: string;
  procedure: ProcedureTable | undefined;
  data: ProcedureDataValue | null;
  code: string;
  effectiveFrom: string;
  origin: ProcedureVersionTable['origin'];
  decisionId: string | null;
  createdBy: string | null;
  isDemo?: boolean;
}): Promise<{ procedureId: string; versionNo: number }> {
  const now = nowIso();
  let procedureId = input.procedure?.id;
  if (!procedureId) {
    procedureId = newId();
    await repo.insertProcedure(trx, { id: procedureId, agency_id: input.agencyId, code: input.code, is_demo: input.isDemo ? 1 : 0, created_at: now, updated_at: now });
  } else {
    await repo.touchProcedure(trx, input.agencyId, procedureId, now);
  }
  const latest = (await repo.latestVersions(trx, input.agencyId, [procedureId])).get(procedureId);
  if (latest && latest.effective_from > input.effectiveFrom) {
    throw new BadRequestError(`Thủ tục ${input.code} đã có phiên bản hiệu lực từ ${formatDateVi(latest.effective_from)}, sau ngày ${formatDateVi(input.effectiveFrom)}: không thể chèn phiên bản cũ hơn.`);
  }
  if (latest && (latest.effective_to === null || latest.effective_to > input.effectiveFrom)) await repo.closeVersion(trx, input.agencyId, latest.id, input.effectiveFrom);
  // An abolition keeps the last text, so the history shows what was abolished.
  const data = input.data ?? (latest ? (JSON.parse(latest.data) as ProcedureDataValue) : null);
  if (!data) throw new BadRequestError(`Thiếu nội dung thủ tục ${input.code}.`);
  const field = await repo.ensureFieldRow(trx, input.agencyId, data.field);
  const versionNo = (latest?.version_no ?? 0) + 1;
  await repo.insertVersion(trx, {
    id: newId(), agency_id: input.agencyId, procedure_id: procedureId, version_no: versionNo, effective_from: input.effectiveFrom, effective_to: null,
    origin: input.origin, decision_id: input.decisionId, name: data.name, name_sort: viSortKey(data.name), field_id: field.id, level: data.level, online_level: data.onlineLevel, data: JSON.stringify(data),
    created_by: input.createdBy, created_at: now,
  });
  if (input.origin === 'abolished') await search.remove(trx, input.agencyId, PROCEDURE_SOURCE, procedureId);
  else await search.upsert(trx, searchEntry(input.agencyId, procedureId, data, input.effectiveFrom, field.slug));
  return { procedureId, versionNo };
}

/**
 * Ids of the procedures whose text has every word of `q` (tones and đ folded) and that pass the
 * filter, best first (at most 50). The index's "any word" fallback is left out: a catalog search
 * that finds nothing should say so.
 */
export async function searchProcedures(search: SearchIndex, agencyId: string, q: string, filter: ProcedureFacetFilter = {}): Promise<string[]> {
  const { refs } = await search.searchRefs(agencyId, q, { kinds: [PROCEDURE_SOURCE], facets: procedureFacets(filter), limit: 50, everyWord: true });
  return refs.map((h) => h.refId);
}

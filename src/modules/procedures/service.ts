import type { Database, Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { SearchIndex } from '../../platform/search/index.ts';
import { normalizeText, todayVi } from '../../platform/vi-text.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { OrgService } from '../org/service.ts';
import type { PlansService } from '../plans/service.ts';
import { createCatalog } from './catalog.ts';
import { createDecisions } from './decisions.ts';
import { proceduresPolicy } from './policy.ts';
import { createProceduresPublicRead } from './public-read.ts';
import * as repo from './repo.ts';

export interface ProceduresDeps {
  database: Database;
  audit: AuditService;
  search: SearchIndex;
  plans: PlansService;
  evidence: EvidenceService;
  /** Units a processing step may name (the agency's own). */
  org: Pick<OrgService, 'unitDirectory'>;
  onPublicChange: (agencyId: string) => void;
}

/**
 * Administrative procedures: the catalog (effective-dated versions), announcement decisions,
 * internal processing steps, desk postings, and the read side of the public pages.
 */
export function createProceduresService(deps: ProceduresDeps) {
  const catalog = createCatalog(deps);
  const decisions = createDecisions(deps);
  const portal = createProceduresPublicRead(deps.database, deps.search, catalog);
  const { database, audit } = deps;

  return {
    catalog,
    decisions,
    portal,
    /** What other modules read of the catalog (processing results): no actor, by agency. */
    reader: {
      listFields: (agencyId: string) => repo.listFields(database.db, agencyId),
      latestNamesByCode: (agencyId: string) => repo.latestNamesByCode(database.db, agencyId),
      /** The id of the field named `name`, created when missing, inside the caller's transaction. */
      ensureFieldIn: (trx: Executor, agencyId: string, name: string) => repo.ensureField(trx, agencyId, name),
    },
    /** Records a desk posting of today's catalog: the next "changes since the last posting" sheet starts here. */
    async recordPosting(actor: Actor | undefined, input: { postedOn?: string; note?: string }) {
      const a = authorize(actor, proceduresPolicy, 'procedures.decide');
      const postedOn = input.postedOn ?? todayVi();
      const { items } = await repo.listInForce(database.db, { agencyId: a.agencyId, asOf: postedOn, limit: 1_000_000, offset: 0 });
      const id = newId();
      await database.transaction(async (trx) => {
        await repo.insertPosting(trx, { id, agency_id: a.agencyId, posted_on: postedOn, version_ids: JSON.stringify(items.map((i) => i.version_id)), note: input.note ? normalizeText(input.note) : null, created_by: a.userId, created_at: nowIso() });
        await audit.record(trx, a, { action: 'posting', entity: 'procedure_catalog', entityId: id, after: { postedOn, procedures: items.length } });
      });
      deps.onPublicChange(a.agencyId);
      return { id, postedOn, procedures: items.length };
    },
  };
}

export type ProceduresService = ReturnType<typeof createProceduresService>;

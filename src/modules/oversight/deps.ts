import type { ConsolidationService } from '../reporting/consolidation-service.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { OrgService } from '../org/service.ts';
import type { PlanExports } from '../plans/exports.ts';
import type { PlansService } from '../plans/service.ts';
import type { ReportingService } from '../reporting/service.ts';

/**
 * What the oversight service reads through (src/services.ts wires it): the other modules' own
 * read functions, called with a read-only actor of the agency looked at, so the overseer sees
 * the numbers that agency sees.
 */
export interface OversightDeps {
  org: Pick<OrgService, 'provinces' | 'agencyNameOn'>;
  plans: Pick<PlansService, 'list'>;
  planExports: Pick<PlanExports, 'export'>;
  evidence: Pick<EvidenceService, 'progress'>;
  reporting: Pick<ReportingService, 'listPeriods' | 'listReports'>;
  consolidation: Pick<ConsolidationService, 'issued' | 'file'>;
  /** Today in Vietnam (tests pin it). */
  today?: () => string;
}

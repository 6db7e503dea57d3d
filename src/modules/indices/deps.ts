import type { Database } from '../../db/database.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { PlansService } from '../plans/service.ts';

/** What the indices service is built from (src/services.ts wires it). */
export interface IndicesDeps {
  database: Database;
  audit: AuditService;
  plans: Pick<PlansService, 'list' | 'planTasks'>;
  evidence: Pick<EvidenceService, 'prepareFromSource'>;
  /** Called after a change that alters public pages (the portal drops its cached pages). */
  onPublicChange: (agencyId: string) => void;
}

import type { Database } from '../../db/database.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { PlansService } from '../plans/service.ts';
import type { ProceduresService } from '../procedures/service.ts';

/** What the processing-results service is built from (src/services.ts wires it). */
export interface ServiceStatsDeps {
  database: Database;
  audit: AuditService;
  plans: Pick<PlansService, 'activePlanIds' | 'planTasks' | 'list'>;
  evidence: Pick<EvidenceService, 'prepareFromSource' | 'withdrawSourceIn' | 'bySource'>;
  /** The agency's fields and procedure codes, from the procedures module. */
  procedures: ProceduresService['reader'];
  /** Called after a change that alters public pages (the portal drops its cached pages). */
  onPublicChange: (agencyId: string) => void;
}

import type { Database } from '../../db/database.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { OrgService } from '../org/service.ts';
import type { PlansService } from '../plans/service.ts';

/** What the events service is built from (src/services.ts wires it). */
export interface EventsDeps {
  database: Database;
  audit: AuditService;
  org: Pick<OrgService, 'unitDirectory'>;
  plans: Pick<PlansService, 'planTasks'>;
  evidence: Pick<EvidenceService, 'prepareFromSource' | 'withdrawSourceIn' | 'checkActorScope' | 'setSourceFilesIn'>;
}

/** Source type of the evidence an event records (evidence.source_type). */
export const EVENT_SOURCE = 'event';

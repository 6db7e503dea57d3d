import type { Database } from '../../db/database.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import type { SearchIndex } from '../../platform/search/index.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { OrgService } from '../org/service.ts';
import type { PlansService } from '../plans/service.ts';

/** What the publishing services are built from (src/services.ts wires them). */
export interface PublishingDeps {
  database: Database;
  audit: AuditService;
  org: OrgService;
  plans: PlansService;
  evidence: EvidenceService;
  search: SearchIndex;
  jobs: JobQueue;
  /** Called after a change that alters public pages (the portal drops its cached pages). */
  onPublicChange: (agencyId: string) => void;
}

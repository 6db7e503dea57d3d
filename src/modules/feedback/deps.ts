import type { Database } from '../../db/database.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { OrgService } from '../org/service.ts';
import type { ProceduresPublicRead } from '../procedures/public-read.ts';

/** What the feedback service is built from (src/services.ts wires it). */
export interface FeedbackDeps {
  database: Database;
  audit: AuditService;
  org: Pick<OrgService, 'unitDirectory' | 'userNames'>;
  /** The agency's procedure catalog in force: the form's "related procedure" choices. */
  procedures: Pick<ProceduresPublicRead, 'catalog' | 'procedure'>;
  /** Key of the form's challenge tokens (challenge.ts `challengeSecret`). */
  challengeSecret: string;
  /** Called after a change that alters public pages (the portal drops its cached pages). */
  onPublicChange: (agencyId: string) => void;
}

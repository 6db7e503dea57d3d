import type { Database } from '../../db/database.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { ProceduresPublicRead } from '../procedures/public-read.ts';

/** What the surveys service is built from (src/services.ts wires it). */
export interface SurveysDeps {
  database: Database;
  audit: AuditService;
  /** The procedures in force: the form's choice and each answer's procedure name and field. */
  procedures: Pick<ProceduresPublicRead, 'procedure' | 'catalog'>;
  /** Key of the forms' submission tokens (the session secret). */
  secret: string;
  onPublicChange: (agencyId: string) => void;
}

import type { Database } from '../../db/database.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import type { EvidenceService } from '../evidence/service.ts';
import type { PlansService } from '../plans/service.ts';
import type { Articles } from '../publishing/articles.ts';
import type { FacebookClient } from './facebook-client.ts';
import type { ZaloClient } from './zalo-client.ts';

/** What the social service is built from (src/services.ts wires it). */
export interface SocialDeps {
  database: Database;
  audit: AuditService;
  jobs: JobQueue;
  evidence: Pick<EvidenceService, 'prepareFromSource' | 'withdrawSourceIn'>;
  plans: Pick<PlansService, 'planTasks'>;
  /** Read a published article to share (with the caller's access rights). */
  articles: Pick<Articles, 'get'>;
  box: SecretBox;
  facebook: FacebookClient;
  zalo: ZaloClient;
  /** The portal's public address: shared links and images must be absolute. */
  publicUrl: string;
  /** First retry delay; doubles each attempt. */
  retryBaseMs: number;
}

/** Attempts before a post that keeps failing on network errors is marked failed. */
export const MAX_ATTEMPTS = 5;
export const DELIVER_JOB = 'social.deliver';
export const SOCIAL_SOURCE = 'social_post';

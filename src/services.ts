import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createAccountAdmin } from './modules/org/accounts.ts';
import { createAuthService } from './modules/org/auth-service.ts';
import { createOrgService } from './modules/org/service.ts';
import { createEvidenceService } from './modules/evidence/service.ts';
import { evidencePolicy } from './modules/evidence/policy.ts';
import { createReminders } from './modules/notifications/reminders.ts';
import { createNotificationsService, notificationsPolicy } from './modules/notifications/service.ts';
import { createMailer } from './platform/mail.ts';
import { createConsolidationService } from './modules/reporting/consolidation-service.ts';
import { reportingPolicy } from './modules/reporting/policy.ts';
import { createReportingService } from './modules/reporting/service.ts';
import { publishingPolicy } from './modules/publishing/policy.ts';
import { createPublishingService } from './modules/publishing/service.ts';
import { createSearchIndex } from './platform/search/index.ts';
import { proceduresPolicy } from './modules/procedures/policy.ts';
import { createProceduresService } from './modules/procedures/service.ts';
import { createServiceStatsService } from './modules/service-stats/service.ts';
import { challengeSecret } from './modules/feedback/challenge.ts';
import { feedbackPolicy } from './modules/feedback/policy.ts';
import { createFeedbackService } from './modules/feedback/service.ts';
import { indicesPolicy } from './modules/indices/policy.ts';
import { createIndicesService } from './modules/indices/service.ts';
import { surveysPolicy } from './modules/surveys/policy.ts';
import { createSurveysService } from './modules/surveys/service.ts';
import { eventsPolicy } from './modules/outreach-events/policy.ts';
import { createEventsService } from './modules/outreach-events/service.ts';
import { createFacebookClient } from './modules/social/facebook-client.ts';
import { socialPolicy } from './modules/social/policy.ts';
import { createSocialService } from './modules/social/service.ts';
import { createZaloClient } from './modules/social/zalo-client.ts';
import { parseSecretsKey } from './config.ts';
import { createSecretBox } from './platform/secret-box.ts';
import { randomBytes } from 'node:crypto';
import { oversightPolicy } from './modules/oversight/policy.ts';
import { createOversightService } from './modules/oversight/service.ts';
import { createPlanExports } from './modules/plans/exports.ts';
import { createPlanImports } from './modules/plans/import-service.ts';
import { plansPolicy } from './modules/plans/policy.ts';
import { createPlansService } from './modules/plans/service.ts';
import { createAuditService } from './platform/audit/service.ts';
import { createSessionStore } from './platform/auth/sessions.ts';
import { createCacheSync } from './platform/cache-sync.ts';
import { createHtmlCache } from './platform/html-cache.ts';
import { createS3Client } from './platform/files/s3-client.ts';
import { useObjectStorage } from './platform/files/store.ts';
import { createJobQueue } from './platform/jobs/queue.ts';
import { agencyTag } from './portal/cache-tags.ts';

/** Builds the services once, in one visible place, then the HTTP app around them. */
export function buildServices(config: Config, database: Database, log?: FastifyInstance['log']) {
  const audit = createAuditService(database);
  const objectStorage = config.fileStorage.kind === 's3' ? createS3Client(config.fileStorage) : undefined;
  useObjectStorage(objectStorage);
  const sessions = createSessionStore(database.db, config.sessionSecret);
  const jobs = createJobQueue(database, log);
  const htmlCache = createHtmlCache();
  // Every process keeps its own page cache; a change reaches the others' through the database (cache-sync.ts).
  const cacheSync = createCacheSync({ database, cache: htmlCache, log });
  const invalidateAgency = (id: string) => cacheSync.invalidate(agencyTag(id));
  const org = createOrgService({ database, audit, sessions, onAgencyChanged: invalidateAgency });
  const auth = createAuthService({ database, audit, sessions, policies: [plansPolicy, evidencePolicy, reportingPolicy, notificationsPolicy, publishingPolicy, proceduresPolicy, feedbackPolicy, surveysPolicy, indicesPolicy, eventsPolicy, socialPolicy, oversightPolicy] });
  const accounts = createAccountAdmin(database, audit, sessions);
  const plans = createPlansService({ database, audit, org, onPlanChanged: invalidateAgency });
  const planImports = createPlanImports(plans, org);
  const planExports = createPlanExports(plans);
  const evidence = createEvidenceService({ database, audit, org, plans });
  const reporting = createReportingService({ database, audit, org, plans, evidence });
  const consolidation = createConsolidationService({ database, audit, org, plans, evidence });
  const notifications = createNotificationsService(database);
  const mailer = createMailer(config.smtpUrl, `Minh Bạch <no-reply@${new URL(config.publicUrl).hostname}>`);
  const reminders = createReminders({ database, org, plans, evidence, reporting, notifications, jobs, mailer, publicUrl: config.publicUrl });
  const search = createSearchIndex(database);
  const publishing = createPublishingService({ database, audit, org, plans, evidence, search, jobs, onPublicChange: invalidateAgency });
  const procedures = createProceduresService({ database, audit, search, plans, evidence, org, onPublicChange: invalidateAgency });
  const serviceStats = createServiceStatsService({ database, audit, plans, evidence, procedures: procedures.reader, onPublicChange: invalidateAgency });
  const feedback = createFeedbackService({ database, audit, org, procedures: procedures.portal, challengeSecret: challengeSecret(config.sessionSecret), onPublicChange: invalidateAgency });
  reminders.addDeadlineSource(feedback.deadlines);
  const surveys = createSurveysService({ database, audit, procedures: procedures.portal, secret: config.sessionSecret, onPublicChange: invalidateAgency });
  const indices = createIndicesService({ database, audit, plans, evidence, onPublicChange: invalidateAgency });
  const events = createEventsService({ database, audit, org, plans, evidence });
  // `serve` always has a key (env or DATA_DIR); an app built without one (tests) gets a key for its lifetime.
  const box = createSecretBox(parseSecretsKey(config.secretsKey) ?? randomBytes(32));
  const social = createSocialService({
    database, audit, jobs, evidence, plans, articles: publishing.articles, box, publicUrl: config.publicUrl, retryBaseMs: config.socialRetryMs,
    facebook: createFacebookClient(config.facebookGraphUrl, config.socialTimeoutMs), zalo: createZaloClient(config.zaloOpenapiUrl, config.zaloOauthUrl, config.socialTimeoutMs),
  });
  const oversight = createOversightService({ org, plans, planExports, evidence, reporting, consolidation });
  return { audit, objectStorage, sessions, jobs, htmlCache, cacheSync, org, auth, accounts, plans, planImports, planExports, evidence, reporting, consolidation, notifications, mailer, reminders, search, publishing, procedures, serviceStats, feedback, surveys, indices, events, social, oversight };
}

export type Services = ReturnType<typeof buildServices>;

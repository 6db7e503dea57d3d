import { createServer as createHttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { authRoutes } from './modules/org/auth-routes.ts';
import { orgRoutes } from './modules/org/routes.ts';
import { evidenceRoutes } from './modules/evidence/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { planRoutes } from './modules/plans/routes.ts';
import { procedureRoutes } from './modules/procedures/routes.ts';
import { publishingRoutes } from './modules/publishing/routes.ts';
import { serviceStatsPortalRoutes } from './modules/service-stats/portal-routes.ts';
import { serviceStatsRoutes } from './modules/service-stats/routes.ts';
import { feedbackPortalRoutes } from './modules/feedback/portal-routes.ts';
import { feedbackRoutes } from './modules/feedback/routes.ts';
import { challengeSecret } from './modules/feedback/challenge.ts';
import { eventRoutes } from './modules/outreach-events/routes.ts';
import { reportingRoutes } from './modules/reporting/routes.ts';
import { indicesPortalRoutes } from './modules/indices/portal-routes.ts';
import { indicesRoutes } from './modules/indices/routes.ts';
import { SURVEY_PATHS } from './modules/surveys/paths.ts';
import { surveysPortalRoutes } from './modules/surveys/portal-routes.ts';
import { surveysRoutes } from './modules/surveys/routes.ts';
import { socialRoutes } from './modules/social/routes.ts';
import { oversightRoutes } from './modules/oversight/routes.ts';
import { adminStatic } from './platform/admin-static.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authPlugin, type RouteAccess } from './platform/auth/plugin.ts';
import { healthRoutes } from './platform/health.ts';
import { inputGuard } from './platform/input-guard.ts';
import { installErrorHandling, routingErrorHandler, type ErrorPageRenderer } from './platform/http-errors.ts';
import { jobRoutes } from './platform/jobs/routes.ts';
import { metricsPlugin } from './platform/metrics.ts';
import { createDbRateLimitStore } from './platform/rate-limit-store.ts';
import { registerSecurityHeaders, securityHeaders } from './platform/security.ts';
import { createPageFastPath, type PageFastPath } from './portal/page-fast-path.ts';
import { createErrorPageRenderer, portalRoutes } from './portal/routes.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Sign-in attempts per IP and minute; tests raise it. */
  loginRateLimit?: number;
  adminDistDir?: string;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

import { buildServices, type Services } from './services.ts';

export { buildServices, type Services };

/** A route as registered, with what it declares about access (the route-access test walks these). */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

export async function buildApp(opts: BuildOptions): Promise<{ app: FastifyInstance; services: Services; routes: RegisteredRoute[] }> {
  const { config, database } = opts;
  // Cached public pages are answered before Fastify (portal/page-fast-path.ts); set once the cache exists.
  const fast: { servePage?: PageFastPath } = {};
  const errorPages: { render?: ErrorPageRenderer } = {};
  const app = Fastify({
    serverFactory: (handler, options) => {
      const o = options as { http?: object; keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number };
      const server = createHttpServer({ ...o.http }, (req, res) => {
        if (!fast.servePage?.(req, res)) handler(req, res);
      });
      // What Fastify sets on a server it makes itself (its defaults are filled in by then).
      server.keepAliveTimeout = o.keepAliveTimeout ?? 72_000;
      server.requestTimeout = o.requestTimeout ?? 0;
      server.setTimeout(o.connectionTimeout ?? 0);
      return server;
    },
    logger: opts.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind nginx the client address (rate limits, audit) comes from X-Forwarded-For, believed only from TRUST_PROXY.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    frameworkErrors: routingErrorHandler(errorPages),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  const services = buildServices(config, database, app.log);
  const { org, auth, audit, jobs, sessions, htmlCache, plans } = services;
  const portal = { org, plans, publishing: services.publishing.portal, procedures: services.procedures.portal, defaultAgency: config.defaultAgency, cache: htmlCache, publicUrl: config.publicUrl, searchRateLimit: config.searchRateLimit };

  errorPages.render = createErrorPageRenderer(portal);
  installErrorHandling(app, errorPages.render);
  app.addHook('onRoute', (route) => {
    // The docs UI and its assets are public; every other route declares its access itself.
    if (route.url.startsWith('/docs')) route.config = { ...(route.config as object), access: { public: true } };
  });
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    // Read lazily: plugins registered later (static files, docs) may still mark their routes public.
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, get access() { return (route.config as { access?: RouteAccess } | undefined)?.access ?? {}; } });
  });
  await app.register(cookie);
  await registerSecurityHeaders(app, { https: config.secureCookies });
  // Counters in the database: a limit holds across every app process (docs/production.md). If the
  // database cannot count, the request goes on and meets the same outage in its handler (never a limiter 500).
  await app.register(rateLimit, { global: false, store: createDbRateLimitStore(database), skipOnError: true });
  await app.register(metricsPlugin);
  await app.register(authPlugin, { sessions, loadActor: auth.loadActor, secureCookies: config.secureCookies, publicUrl: config.publicUrl, permits: auth.permits, knownPermissions: auth.knownPermissions });
  await app.register(inputGuard);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Minh Bạch API', version: '0.1.0', description: 'API của Minh Bạch: kế hoạch, nhiệm vụ, minh chứng, báo cáo tuyên truyền CCHC. Đăng nhập bằng POST /api/auth/login; các yêu cầu ghi gửi kèm header x-csrf-token lấy từ /api/me.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mb_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  await app.register(healthRoutes, { database });
  await app.register(authRoutes, { auth, secureCookies: config.secureCookies, loginRateLimit: { max: opts.loginRateLimit ?? config.loginRateLimit, timeWindow: 60_000 } });
  await app.register(orgRoutes, { org });
  await app.register(auditRoutes, { audit });
  await app.register(jobRoutes, { jobs });
  await app.register(planRoutes, { plans, imports: services.planImports, exports: services.planExports });
  await app.register(evidenceRoutes, { evidence: services.evidence });
  await app.register(reportingRoutes, { reporting: services.reporting, consolidation: services.consolidation });
  await app.register(notificationRoutes, { notifications: services.notifications });
  await app.register(publishingRoutes, { publishing: services.publishing });
  await app.register(procedureRoutes, { procedures: services.procedures });
  await app.register(serviceStatsRoutes, { serviceStats: services.serviceStats });
  await app.register(feedbackRoutes, { feedback: services.feedback });
  await app.register(surveysRoutes, { surveys: services.surveys });
  await app.register(indicesRoutes, { indices: services.indices });
  await app.register(eventRoutes, { events: services.events });
  await app.register(socialRoutes, { social: services.social });
  await app.register(oversightRoutes, { oversight: services.oversight });
  await app.register(portalRoutes, portal);
  await app.register(serviceStatsPortalRoutes, { ...portal, serviceStats: services.serviceStats.portal });
  await app.register(feedbackPortalRoutes, { ...portal, feedback: services.feedback, challengeSecret: challengeSecret(config.sessionSecret), submitRateLimit: config.feedbackRateLimit });
  await app.register(surveysPortalRoutes, { ...portal, surveys: services.surveys.portal });
  await app.register(indicesPortalRoutes, { ...portal, indices: services.indices, surveyResultsPath: SURVEY_PATHS.results });
  fast.servePage = createPageFastPath({ cache: htmlCache, securityHeaders: securityHeaders({ https: config.secureCookies }), onServed: (status, seconds) => app.recordResponse('GET', 'cached-page', status, seconds) });
  await app.register(adminStatic, { distDir: opts.adminDistDir ?? fileURLToPath(new URL('../web/admin/dist', import.meta.url)) });

  return { app, services, routes };
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OrgService } from '../modules/org/service.ts';
import { portalCss } from './assets.ts';
import { layout } from './components/layout.ts';
import type { HtmlCache } from '../platform/html-cache.ts';
import { NotFoundError } from '../platform/errors.ts';
import type { PlansService } from '../modules/plans/service.ts';
import { planListPage, planPage } from '../modules/plans/portal.ts';
import { procedurePortalRoutes } from '../modules/procedures/portal-routes.ts';
import type { ProceduresPublicRead } from '../modules/procedures/public-read.ts';
import { newest } from '../modules/publishing/portal.ts';
import { publishingPortalRoutes } from '../modules/publishing/portal-routes.ts';
import type { PublishingPortalApi } from '../modules/publishing/public-views.ts';
import { contentDisposition } from '../platform/content-disposition.ts';
import { page } from './page.ts';
import { aboutPage, errorPage, errorTitle, homePage, portalAgencyOf } from './pages.ts';

export interface PortalDeps {
  org: OrgService;
  plans: PlansService;
  /** The newsroom's read side: published articles, documents, search, feeds. */
  publishing: PublishingPortalApi;
  /** Administrative procedures' read side: catalog, procedures as of any day, changes, desk sheets, open data. */
  procedures: ProceduresPublicRead;
  defaultAgency: string;
  cache: HtmlCache;
  /** PUBLIC_URL, for absolute links (feeds, sitemap, Open Graph); the request's own address when absent. */
  publicUrl?: string;
  /** Public site searches per address and minute (SEARCH_RATE_LIMIT); the default when absent. */
  searchRateLimit?: number;
}

/** Public, server-rendered pages. They work without JavaScript and load one small stylesheet. */
export async function portalRoutes(app: FastifyInstance, deps: PortalDeps) {
  const publicRoute = { config: { access: { public: true } }, schema: { hide: true } };

  app.get(portalCss.path, publicRoute, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(portalCss.gzip);
    return reply.send(portalCss.body);
  });

  app.get('/', publicRoute, (req, reply) =>
    page(req, reply, deps, 'Trang chủ', async (a) => {
      const latest = await deps.publishing.latest(a.id, 5);
      return { title: 'Trang chủ', main: homePage({ agency: a, latest }), lastModified: newest(latest) };
    }),
  );
  app.get('/gioi-thieu', publicRoute, (req, reply) => page(req, reply, deps, 'Giới thiệu', async (a) => aboutPage(a)));
  app.get('/ke-hoach', publicRoute, (req, reply) => page(req, reply, deps, 'Kế hoạch', async (a) => planListPage(await deps.plans.listPublic(a.id))));
  app.get<{ Params: { id: string } }>('/ke-hoach/:id', publicRoute, (req, reply) =>
    page(req, reply, deps, 'Kế hoạch', async (a) => {
      const plan = await deps.plans.getPublic(a.id, req.params.id);
      return plan && { main: planPage(plan), title: plan.title };
    }),
  );
  app.get<{ Params: { id: string } }>('/ke-hoach/:id/tep-goc', publicRoute, async (req, reply) => {
    const agency = await deps.org.portalAgency(req.hostname, deps.defaultAgency);
    const file = agency && (await deps.plans.publicFile(agency.id, req.params.id));
    if (!file) throw new NotFoundError('Không tìm thấy văn bản gốc của kế hoạch này.');
    return reply.type(file.mime).header('cache-control', 'public, max-age=3600').header('content-disposition', contentDisposition(file.name)).send(file.content);
  });

  await publishingPortalRoutes(app, deps);
  await procedurePortalRoutes(app, deps);
}

/** Renders an error inside the portal frame, or a bare page if even the agency cannot be read. */
export function createErrorPageRenderer(deps: PortalDeps) {
  return async (req: FastifyRequest, status: number, message: string) => {
    try {
      const agency = await deps.org.portalAgency(req.hostname, deps.defaultAgency);
      if (agency) return layout({ title: errorTitle(status), agency: portalAgencyOf(agency), path: '', main: errorPage(status, message) }).value;
    } catch {
      // fall through to the bare page: the database may be the thing that failed
    }
    return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi ${status}</title></head><body><main>${errorPage(status, message).value}</main></body></html>`;
  };
}

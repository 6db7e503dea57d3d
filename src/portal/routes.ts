import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrgService } from '../modules/org/service.ts';
import { portalCss } from './assets.ts';
import { layout } from './components/layout.ts';
import type { HtmlCache } from '../platform/html-cache.ts';
import { SafeHtml } from './html.ts';
import { agencyTag } from './cache-tags.ts';
import { NotFoundError } from '../platform/errors.ts';
import type { PlansService } from '../modules/plans/service.ts';
import { planListPage, planPage } from '../modules/plans/portal.ts';
import { contentDisposition } from '../platform/content-disposition.ts';
import { aboutPage, errorPage, errorTitle, homePage, portalAgencyOf } from './pages.ts';

export interface PortalDeps {
  org: OrgService;
  plans: PlansService;
  defaultAgency: string;
  cache: HtmlCache;
}


/** Public, server-rendered pages. They work without JavaScript and load one small stylesheet. */
export async function portalRoutes(app: FastifyInstance, deps: PortalDeps) {
  const publicRoute = { config: { access: { public: true } }, schema: { hide: true } };

  app.get(portalCss.path, publicRoute, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(portalCss.gzip);
    return reply.send(portalCss.body);
  });

  app.get('/', publicRoute, (req, reply) => page(req, reply, deps, 'Trang chủ', async (a) => homePage(a)));
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
}

type AgencyView = NonNullable<Awaited<ReturnType<OrgService['portalAgency']>>>;

type PageBody = SafeHtml | { main: SafeHtml; title: string } | undefined;

/**
 * Serves a page from the HTML cache (rendering it on a miss), with ETag revalidation and gzip.
 * A body of undefined is a 404 (rendered by the error handler, never cached).
 */
async function page(req: FastifyRequest, reply: FastifyReply, deps: PortalDeps, title: string, body: (a: AgencyView) => Promise<PageBody>) {
  const path = req.url.split('?')[0]!;
  let missing = false;
  let noAgency = false;
  const cached = await deps.cache.get(`${req.hostname}|${path}`, async () => {
    const agency = await deps.org.portalAgency(req.hostname, deps.defaultAgency);
    if (!agency) return void (noAgency = true);
    const content = await body(agency);
    if (!content) return void (missing = true);
    const { main, title: pageTitle } = content instanceof SafeHtml ? { main: content, title } : content;
    return { html: layout({ title: pageTitle, agency: portalAgencyOf(agency), path, main }).value, tags: [agencyTag(agency.id)] };
  });
  if (missing) throw new NotFoundError();
  if (!cached || noAgency) return reply.code(503).type('text/html; charset=utf-8').send('<!doctype html><html lang="vi"><title>Chưa có dữ liệu</title><p>Chưa có cơ quan nào trong cơ sở dữ liệu. Hãy chạy <code>minhbach seed</code>.</p></html>');
  reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').header('etag', cached.etag).header('vary', 'accept-encoding');
  if (req.headers['if-none-match'] === cached.etag) return reply.code(304).send();
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(cached.gzip);
  return reply.send(cached.body);
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

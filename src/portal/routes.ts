import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrgService } from '../modules/org/service.ts';
import { portalCss } from './assets.ts';
import { layout } from './components/layout.ts';
import type { HtmlCache } from '../platform/html-cache.ts';
import type { SafeHtml } from './html.ts';
import { aboutPage, errorPage, errorTitle, homePage, portalAgencyOf } from './pages.ts';

export interface PortalDeps {
  org: OrgService;
  defaultAgency: string;
  cache: HtmlCache;
}

/** Cache tag of everything rendered for an agency. */
export const agencyTag = (agencyId: string) => `agency:${agencyId}`;

/** Public, server-rendered pages. They work without JavaScript and load one small stylesheet. */
export async function portalRoutes(app: FastifyInstance, deps: PortalDeps) {
  const publicRoute = { config: { access: { public: true } }, schema: { hide: true } };

  app.get(portalCss.path, publicRoute, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(portalCss.gzip);
    return reply.send(portalCss.body);
  });

  app.get('/', publicRoute, (req, reply) => page(req, reply, deps, 'Trang chủ', homePage));
  app.get('/gioi-thieu', publicRoute, (req, reply) => page(req, reply, deps, 'Giới thiệu', aboutPage));
}

type AgencyView = NonNullable<Awaited<ReturnType<OrgService['portalAgency']>>>;

/** Serves a page from the HTML cache (rendering it on a miss), with ETag revalidation and gzip. */
async function page(req: FastifyRequest, reply: FastifyReply, deps: PortalDeps, title: string, body: (a: AgencyView) => SafeHtml) {
  const path = req.url.split('?')[0]!;
  const cached = await deps.cache.get(`${req.hostname}|${path}`, async () => {
    const agency = await deps.org.portalAgency(req.hostname, deps.defaultAgency);
    if (!agency) return undefined;
    return { html: layout({ title, agency: portalAgencyOf(agency), path, main: body(agency) }).value, tags: [agencyTag(agency.id)] };
  });
  if (!cached) return reply.code(503).type('text/html; charset=utf-8').send('<!doctype html><html lang="vi"><title>Chưa có dữ liệu</title><p>Chưa có cơ quan nào trong cơ sở dữ liệu. Hãy chạy <code>minhbach seed</code>.</p></html>');
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

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrgService } from '../modules/org/service.ts';
import { portalCss } from './assets.ts';
import { layout } from './components/layout.ts';
import type { SafeHtml } from './html.ts';
import { aboutPage, errorPage, errorTitle, homePage, portalAgencyOf } from './pages.ts';

export interface PortalDeps {
  org: OrgService;
  defaultAgency: string;
}

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

async function page(req: FastifyRequest, reply: FastifyReply, deps: PortalDeps, title: string, body: (a: NonNullable<Awaited<ReturnType<OrgService['portalAgency']>>>) => SafeHtml) {
  const agency = await deps.org.portalAgency(req.hostname, deps.defaultAgency);
  if (!agency) return reply.code(503).type('text/html; charset=utf-8').send('<!doctype html><html lang="vi"><title>Chưa có dữ liệu</title><p>Chưa có cơ quan nào trong cơ sở dữ liệu. Hãy chạy <code>minhbach seed</code>.</p></html>');
  reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60');
  return layout({ title, agency: portalAgencyOf(agency), path: req.url.split('?')[0]!, main: body(agency) }).value;
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

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { html } from '../../portal/html.ts';
import { page, PAGE_NOT_FOUND, publicBase, type PageDeps } from '../../portal/page.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { statsPage, statsTitle, STATS_TITLE } from './portal.ts';
import { STATS_PATH, STATS_QUERY, statsPath } from './public-read.ts';
import type { ServiceStatsPortalApi } from './service.ts';

type Query = Record<string, string | string[] | undefined>;

export interface ServiceStatsPortalDeps extends PageDeps {
  serviceStats: ServiceStatsPortalApi;
}

/** The first value of a query parameter, trimmed; '' when absent. */
function one(query: Query, name: string): string {
  const v = query[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

/**
 * `?nam=2024&thang=3` as the form sends it ("Cả năm" sends an empty month). Anything else is a
 * 404, so only real choices get a place in the page cache.
 */
export function statsQuery(query: Query): { year?: number; month?: number } | undefined {
  const y = one(query, STATS_QUERY.year);
  const m = one(query, STATS_QUERY.month);
  if ((y && !/^\d{4}$/.test(y)) || (m && !/^\d{1,2}$/.test(m))) return undefined;
  const year = y ? Number(y) : undefined;
  const month = m ? Number(m) : undefined;
  if ((year !== undefined && (year < 2000 || year > 2100)) || (month !== undefined && (month < 1 || month > 12))) return undefined;
  // A month means a month of a year: without the year it is left out.
  return { year, month: year === undefined ? undefined : month };
}

/** The public statistics of processing results: /thong-ke-giai-quyet-thu-tuc?nam=&thang= (cached per choice, tagged with the agency). */
export async function serviceStatsPortalRoutes(app: FastifyInstance, deps: ServiceStatsPortalDeps) {
  const publicRoute = { config: { access: { public: true } }, schema: { hide: true } };
  app.get<{ Querystring: Query }>(STATS_PATH, publicRoute, async (req: FastifyRequest<{ Querystring: Query }>, reply) => {
    const q = statsQuery(req.query);
    if (!q) throw new NotFoundError(PAGE_NOT_FOUND);
    const key = q.year === undefined ? '' : `${STATS_QUERY.year}=${q.year}${q.month ? `&${STATS_QUERY.month}=${q.month}` : ''}`;
    return page(req, reply, deps, STATS_TITLE, async (a) => {
      const stats = await deps.serviceStats.stats(a.id, q);
      const canonical = publicBase(req, deps.publicUrl) + statsPath(stats.year, stats.month);
      return {
        title: statsTitle(stats),
        description: `Số hồ sơ thủ tục hành chính tiếp nhận, giải quyết, tỉ lệ giải quyết đúng hạn và tỉ lệ hồ sơ trực tuyến của ${a.current.name}.`,
        main: statsPage(stats),
        head: html`<link rel="canonical" href="${canonical}">`,
        lastModified: stats.lastModified,
      };
    }, { query: key });
  });
}

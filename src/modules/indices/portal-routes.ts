import type { FastifyInstance } from 'fastify';
import { html } from '../../portal/html.ts';
import { page, publicBase, type PageDeps } from '../../portal/page.ts';
import { INDICES_PATH, INDICES_TITLE, indicesPage } from './portal.ts';
import type { IndicesService } from './service.ts';

export interface IndicesPortalDeps extends PageDeps {
  indices: Pick<IndicesService, 'publicValues'>;
  /** The public survey results, linked from the page. */
  surveyResultsPath: string;
}

/** /chi-so: cached, tagged with the agency (a change of a value drops it). */
export async function indicesPortalRoutes(app: FastifyInstance, deps: IndicesPortalDeps) {
  app.get(INDICES_PATH, { config: { access: { public: true } }, schema: { hide: true } }, (req, reply) =>
    page(req, reply, deps, INDICES_TITLE, async (a) => {
      const values = await deps.indices.publicValues(a.id);
      return {
        title: INDICES_TITLE,
        description: `PAR Index, PCI, PAPI, SIPAS và Chỉ số cải cách hành chính của ${a.current.name} qua các năm, kèm nguồn công bố.`,
        main: indicesPage({ values, agencyName: a.current.name, surveyResultsPath: deps.surveyResultsPath }),
        head: html`<link rel="canonical" href="${publicBase(req, deps.publicUrl)}${INDICES_PATH}">`,
        lastModified: values.reduce<string | null>((m, v) => (m === null || v.updatedAt > m ? v.updatedAt : m), null),
      };
    }),
  );
}

import type { IndicesDeps } from './deps.ts';
import { createIndexPublications } from './publish.ts';
import { createIndexValues } from './values.ts';

/**
 * Yearly indices of the province (PAR Index, PCI, PAPI, SIPAS) and the agency's own
 * department-level index: values and ranks with their source, entry and XLSX import, the public
 * read side, and publications of index articles recorded as evidence on the plan.
 */
export function createIndicesService(deps: IndicesDeps) {
  const values = createIndexValues(deps);
  const publications = createIndexPublications(deps);
  return {
    list: values.list,
    catalog: values.catalog,
    create: values.create,
    update: values.update,
    remove: values.remove,
    importXlsx: values.importXlsx,
    template: values.template,
    publications: publications.list,
    publish: publications.publish,
    /** The public page's read side (no actor). */
    publicValues: values.publicValues,
    /** System seed only (seed.ts). */
    seedIfEmpty: values.seedIfEmpty,
  };
}

export type IndicesService = ReturnType<typeof createIndicesService>;

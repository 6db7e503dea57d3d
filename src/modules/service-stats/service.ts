import type { ServiceStatsDeps } from './deps.ts';
import { createResultEntry } from './entry.ts';
import { createResultImport } from './import-results.ts';
import { createPublicRead } from './public-read.ts';
import { createPublication } from './publish.ts';

/**
 * Processing results of administrative procedures (Quyết định 766/QĐ-TTg indicators): monthly
 * figures per procedure or field, entered or imported from the one-stop software, the rates
 * computed from them (rates.ts), publication as evidence, and the public statistics' read side.
 */
export function createServiceStatsService(deps: ServiceStatsDeps) {
  const entry = createResultEntry(deps);
  return {
    list: entry.list,
    save: entry.save,
    remove: entry.remove,
    summary: entry.summary,
    vocabulary: entry.vocabulary,
    importResults: createResultImport(deps),
    publishMonth: createPublication(deps),
    /** The public statistics page's read side (no actor). */
    portal: createPublicRead(deps, entry.names),
    /** Demo seed only (demo.ts). */
    hasResults: entry.hasResults,
    writeDemo: entry.writeDemo,
  };
}

export type ServiceStatsService = ReturnType<typeof createServiceStatsService>;
export type ServiceStatsPortalApi = ServiceStatsService['portal'];

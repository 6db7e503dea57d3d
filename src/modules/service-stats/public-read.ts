/** The read side the public statistics page gets: no actor, results are public once entered. */
import type { ServiceStatsDeps } from './deps.ts';
import { currentMonth } from './entry.ts';
import * as repo from './repo.ts';
import type { SummaryView } from './schema.ts';
import type { Names } from './views.ts';
import { buildSummary } from './views.ts';

/** The public page and its query parameters (readable Vietnamese, no diacritics). */
export const STATS_PATH = '/thong-ke-giai-quyet-thu-tuc';
export const STATS_QUERY = { year: 'nam', month: 'thang' } as const;

/** The page of a year, or of one month of it. Example: `statsPath(2024, 3) === '/thong-ke-giai-quyet-thu-tuc?nam=2024&thang=3'`. */
export function statsPath(year?: number, month?: number | null): string {
  if (year === undefined) return STATS_PATH;
  return `${STATS_PATH}?${STATS_QUERY.year}=${year}${month ? `&${STATS_QUERY.month}=${month}` : ''}`;
}

export interface PublicStats {
  /** Years that have results, newest first (the current year when none has). */
  years: number[];
  year: number;
  /** 1–12, or null for the whole year. */
  month: number | null;
  /** Every month of the year, for the charts and the monthly table. */
  yearSummary: SummaryView;
  /** The period shown in the totals and the per-field table: the month, or the year. */
  period: SummaryView;
  lastModified: string | null;
}

export function createPublicRead({ database }: ServiceStatsDeps, names: (agencyId: string) => Promise<Names>) {
  const { db } = database;
  return {
    /**
     * The statistics of a year (default: the newest year with results) or of one month of it.
     * Future months are left out of the year's months (they cannot have results yet).
     */
    async stats(agencyId: string, wanted: { year?: number; month?: number | null }): Promise<PublicStats> {
      const months = await repo.listMonths(db, agencyId);
      const now = currentMonth();
      const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
      if (years.length === 0) years.push(Number(now.slice(0, 4)));
      const year = wanted.year ?? years[0]!;
      // A year asked for by address stays selectable in the form, even without results.
      if (!years.includes(year)) years.push(year);
      years.sort((x, y) => y - x);
      const month = wanted.month ?? null;
      const from = `${year}-01`;
      const yearEnd = `${year}-12`;
      const to = yearEnd < now ? yearEnd : now < from ? from : now;
      const [rows, n, lastModified] = await Promise.all([repo.listResults(db, { agencyId, from, to: yearEnd }), names(agencyId), repo.lastUpdated(db, agencyId, from, yearEnd)]);
      const yearSummary = buildSummary(rows, from, to, n);
      const mm = month ? `${year}-${String(month).padStart(2, '0')}` : null;
      const period = mm ? buildSummary(rows, mm, mm, n) : yearSummary;
      return { years, year, month, yearSummary, period, lastModified };
    },
  };
}

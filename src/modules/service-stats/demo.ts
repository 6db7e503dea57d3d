import { currentMonth } from './entry.ts';
import { pending, type Figures } from './rates.ts';
import type { ServiceStatsService } from './service.ts';

/**
 * Demo fields and their monthly volume: an ethnic-affairs committee receives few dossiers, most
 * of them in its own field. Field names as the national procedure database spells them.
 */
const DEMO_FIELDS = [
  { name: 'Công tác dân tộc', base: 18, spread: 14 },
  { name: 'Thi đua, khen thưởng', base: 4, spread: 5 },
  { name: 'Tín ngưỡng, tôn giáo', base: 2, spread: 4 },
] as const;

/** A small deterministic generator (LCG): the same figures on every fresh start. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * One balanced month: what was carried over plus what came in ends settled (mostly early or on
 * time, a few late), still pending (a few, rarely overdue), returned or withdrawn (rarely).
 * The online share grows through the year, as online public services spread.
 */
function demoMonth(random: () => number, carriedOver: number, received: number, month: number): Figures {
  const onlineShare = 0.35 + 0.03 * month + 0.1 * random();
  const receivedOnline = Math.round(received * Math.min(onlineShare, 0.9));
  const receivedPostal = Math.round((received - receivedOnline) * 0.1 * random());
  const receivedInPerson = received - receivedOnline - receivedPostal;
  let left = carriedOver + received;
  const take = (n: number) => {
    const t = Math.max(0, Math.min(left, n));
    left -= t;
    return t;
  };
  const returned = take(random() < 0.2 ? 1 : 0);
  const withdrawn = take(random() < 0.1 ? 1 : 0);
  const pendingOverdue = take(random() < 0.08 ? 1 : 0);
  const pendingWithin = take(Math.round(left * (0.08 + 0.1 * random())));
  const settledLate = take(random() < 0.25 ? 1 : 0);
  const settledEarly = take(Math.round(left * (0.35 + 0.2 * random())));
  const settledOnTime = take(left);
  return { carriedOver, receivedOnline, receivedInPerson, receivedPostal, settledEarly, settledOnTime, settledLate, pendingWithin, pendingOverdue, returned, withdrawn };
}

/**
 * A year of demo monthly results for a few fields (flagged demo, balanced, deterministic), up
 * to the current month when `year` is this year. Does nothing when the agency already has
 * results in that year. Returns the rows written.
 */
export async function seedDemoResults(deps: { serviceStats: ServiceStatsService }, agencyId: string, year: number): Promise<number> {
  if (await deps.serviceStats.hasResults(agencyId, year)) return 0;
  const last = currentMonth();
  const rows: { month: string; fieldName: string; figures: Figures }[] = [];
  for (const [i, field] of DEMO_FIELDS.entries()) {
    const random = generator(year * 31 + i * 7_919);
    let carried = Math.round(field.base * 0.15);
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      if (month > last) break;
      // Fewer dossiers around Tết (January, February).
      const season = m <= 2 ? 0.6 : 1;
      const received = Math.round((field.base + field.spread * random()) * season);
      const figures = demoMonth(random, carried, received, m);
      rows.push({ month, fieldName: field.name, figures });
      carried = pending(figures);
    }
  }
  if (rows.length > 0) await deps.serviceStats.writeDemo(agencyId, rows, { system: 'demo', agencyId });
  return rows.length;
}

import { describe, expect, inject, it } from 'vitest';
import { ENGINES } from '../support/databases.ts';

/**
 * The short form of `npm run soak` (bench/soak.ts): the mixed public traffic of a small province
 * at a steady rate for a few seconds against the real server process, on both engines. Every
 * response must be 2xx/3xx and every kind of page must have been asked for.
 */
describe.each(ENGINES)('mixed public traffic on %s', (engine) => {
  it('answers every request of the mix without an error', { timeout: 180_000 }, async () => {
    process.env.BENCH_SCALE = '0.02';
    if (engine === 'postgres') process.env.BENCH_PG_URL = inject('pgUrl');
    const { withProvinceApp } = await import('../../bench/mixed-traffic.ts');
    const { MIX_WEIGHTS, pacedTraffic, rssOf } = await import('../../bench/traffic-mix.ts');
    await withProvinceApp(engine, async (p) => {
      const kinds = new Set(p.list.slice(0, 400).map((t) => t.kind));
      expect([...kinds].sort()).toEqual(Object.keys(MIX_WEIGHTS).sort());
      const result = await pacedTraffic(p.app.base, p.list.slice(0, 400), { rate: 50, seconds: 8, concurrency: 8 });
      expect(result.byStatus).toEqual({ 200: result.requests });
      expect(result.requests).toBeGreaterThan(300);
      expect(await rssOf(p.app.pid)).toBeGreaterThan(0);
    });
  });
});

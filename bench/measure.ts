import { performance } from 'node:perf_hooks';

/** Median time of `runs` calls after one warm-up call, in milliseconds. */
export async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** One result line: time, target, the same-run baseline and the ratio to it. */
export function report(name: string, ms: number, targetMs: number, baselineName: string, baselineMs: number, indent = '') {
  const verdict = ms <= targetMs ? 'đạt' : 'CHƯA ĐẠT';
  console.log(`${indent}${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  (mục tiêu ≤ ${targetMs} ms: ${verdict}); ${baselineName} ${baselineMs.toFixed(1)} ms, tỉ lệ ${(ms / baselineMs).toFixed(1)}×`);
}

/** Deterministic PRNG (mulberry32): the same generated data on every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The p-th percentile (nearest rank) of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

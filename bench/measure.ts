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

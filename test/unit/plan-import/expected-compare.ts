/** Comparison of an import against an expected.json: only the fields it names, white space collapsed. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Every string collapsed; objects reduced to the keys the expectation names. */
export function project(actual: unknown, want: unknown): unknown {
  if (typeof actual === 'string') return squash(actual);
  if (Array.isArray(want) && Array.isArray(actual)) return actual.map((a, i) => project(a, want[i] ?? want[0]));
  if (want && typeof want === 'object' && actual && typeof actual === 'object') {
    return Object.fromEntries(Object.keys(want).map((k) => [k, project((actual as Record<string, unknown>)[k], (want as Record<string, unknown>)[k])]));
  }
  return actual;
}

export function normalise(value: unknown): unknown {
  if (typeof value === 'string') return squash(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}


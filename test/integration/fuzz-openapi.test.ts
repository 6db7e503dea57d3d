import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../support/databases.ts';
import { createRecordFixtures } from '../support/record-fixtures.ts';
import { HOSTILE_STRINGS, invalidFor, validFor, type JsonSchema, type ValuePools } from '../support/schema-arbitrary.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

/**
 * The schema-driven fuzzer (issue 9, abuse): every operation of the OpenAPI document the app
 * serves gets seeded requests — valid by its schema (so the services' own rules run, with real
 * ids of seeded records), invalid in one place, malformed JSON, a wrong content type — as an
 * anonymous caller, the admin and a low-privilege user. No answer may be a 5xx, and every 4xx
 * of the API carries a message. FUZZ_REQUESTS sets the total per engine, FUZZ_SEED the seed.
 */
// 5000 per engine keeps `npm test` near a minute per engine on a busy 2-core machine (10 000 in all);
// the long run is FUZZ_REQUESTS=10000 (or more) per engine.
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_301);

/** Operations whose success would end the fuzzer's own sessions. */
const SKIPPED = new Set(['POST /api/auth/logout']);
/** Unused ports in the range reserved for this suite: social networks refuse at once, nothing leaves the machine. */
const NOWHERE = { FACEBOOK_GRAPH_URL: 'http://127.0.0.1:4201', ZALO_OPENAPI_URL: 'http://127.0.0.1:4201', ZALO_OAUTH_URL: 'http://127.0.0.1:4201' };

interface Parameter { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema }
interface Operation { method: string; path: string; parameters: Parameter[]; body?: JsonSchema }
type Who = 'anonymous' | 'admin' | 'staff';
type Mode = 'valid' | 'invalid' | 'malformed' | 'wrong-type';
interface Case { who: Who; mode: Mode; params: Record<string, unknown>; query: Record<string, unknown>; body: unknown; raw: string }

function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase();
      if (SKIPPED.has(`${m} ${path}`)) continue;
      ops.push({ method: m, path, parameters: op.parameters ?? [], body: op.requestBody?.content['application/json']?.schema });
    }
  }
  return ops;
}

function caseFor(op: Operation, pools: ValuePools): fc.Arbitrary<Case> {
  const pathValue = (p: Parameter) => fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...(p.name === 'code' ? pools.codes : p.name === 'version' ? ['0', '1', '2'] : pools.ids)) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s !== '')) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }) },
  );
  const params = fc.record(Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(p)])));
  const queryOf = (valid: boolean) => fc.record(
    Object.fromEntries(op.parameters.filter((p) => p.in === 'query').map((p) => [p.name, valid ? validFor(p.schema, pools, p.name) : fc.oneof(validFor(p.schema, pools, p.name), invalidFor(p.schema, pools, p.name))])),
    { requiredKeys: op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name) },
  );
  const body = (valid: boolean) => (op.body ? (valid ? validFor(op.body, pools) : invalidFor(op.body, pools)) : fc.constant(undefined));
  const raw = fc.constantFrom('{"a":', '{"title": "\u0000"', '[1,2', 'null', '"x"', '{"__proto__": {"admin": true}}', '\uFEFF{}', 'x'.repeat(2000));
  return fc.record({
    who: fc.constantFrom<Who>('admin', 'admin', 'admin', 'staff', 'staff', 'anonymous'),
    mode: fc.constantFrom<Mode>('valid', 'valid', 'valid', 'valid', 'valid', 'invalid', 'invalid', 'invalid', 'malformed', 'wrong-type'),
    params,
    raw,
  }).chain((c) => fc.record({ who: fc.constant(c.who), mode: fc.constant(c.mode), params: fc.constant(c.params), raw: fc.constant(c.raw), query: queryOf(c.mode === 'valid'), body: body(c.mode === 'valid') }));
}

function urlOf(op: Operation, c: Case): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(c.params[name])));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(c.query)) {
    if (v === null || v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) search.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

describe.each(ENGINES)('OpenAPI fuzzer on %s', (engine) => {
  let t: TestApp;
  let sessions: Record<Who, Session | undefined>;
  let pools: ValuePools;

  beforeAll(async () => {
    t = await createTestApp(engine, NOWHERE);
    const admin = await t.login(DEMO.admin);
    const staff = await t.login(DEMO.staff);
    sessions = { anonymous: undefined, admin, staff };
    const fixtures = await createRecordFixtures(t, admin);
    // Ids the fuzzer's own sessions stand on are left out, so that it never deactivates itself.
    const ids = Object.entries(fixtures).filter(([k]) => k !== 'procedureCode').map(([, v]) => v);
    pools = { ids: [...ids, 'x', '0', '00000000-0000-0000-0000-000000000000'], codes: [fixtures.procedureCode, '1.000001', '2.000002'] };
  });
  afterAll(() => t.close());

  it(`answers no request with a 5xx (${TOTAL} seeded requests)`, async () => {
    const ops = operationsOf(t.app.swagger() as never);
    expect(ops.length).toBeGreaterThan(150);
    const perOperation = Math.max(1, Math.ceil(TOTAL / ops.length));
    // One example per operation and kind of failure, so a systematic bug does not hide the rest.
    const failures = new Map<string, string>();
    let sent = 0;
    const slowest: [number, string][] = [];
    // The test app logs nothing (its logger is a no-op whose child is itself): listen to the
    // error log so that a 5xx is reported with the error behind it.
    let lastError: unknown;
    vi.spyOn(t.app.log, 'error').mockImplementation(((entry: { err?: unknown }) => { lastError = entry?.err; }) as never);
    for (const [index, op] of ops.entries()) {
      const started = performance.now();
      const cases = fc.sample(caseFor(op, pools), { seed: SEED + index, numRuns: perOperation });
      for (const c of cases) {
        const session = sessions[c.who];
        const headers: Record<string, string> = {};
        if (session) headers.cookie = session.cookie;
        if (session && op.method !== 'GET') headers['x-csrf-token'] = session.csrf;
        let payload: string | undefined;
        if (op.method !== 'GET' && op.method !== 'DELETE') {
          if (c.mode === 'malformed') payload = c.raw;
          else if (c.mode === 'wrong-type') payload = 'a=1&b=2';
          else if (c.body !== undefined) payload = JSON.stringify(c.body);
          if (payload !== undefined) headers['content-type'] = c.mode === 'wrong-type' ? 'text/plain' : 'application/json';
        }
        const url = urlOf(op, c);
        lastError = undefined;
        const res = await t.app.inject({ method: op.method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
        sent++;
        const problem = res.statusCode >= 400 && url.startsWith('/api/') ? (res.json() as { detail?: string }) : null;
        if (res.statusCode >= 500 || (problem && !problem.detail)) {
          const cause = lastError instanceof Error ? lastError.message.slice(0, 80) : res.statusCode;
          if (!failures.has(`${op.method} ${op.path} ${cause}`)) failures.set(`${op.method} ${op.path} ${cause}`, `${res.statusCode} ${op.method} ${url} as ${c.who} (${c.mode}) body=${(payload ?? '').slice(0, 600)} → ${res.body.slice(0, 300)} ${lastError instanceof Error ? lastError.stack?.split('\n').slice(0, 4).join(' | ') : ''}`);
        }
      }
      slowest.push([Math.round(performance.now() - started), `${op.method} ${op.path}`]);
    }
    if (process.env.FUZZ_TIMES) console.log(slowest.sort((a, b) => b[0] - a[0]).slice(0, 15));
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    expect([...failures.values()], `failing requests (seed ${SEED})`).toEqual([]);
    // The sessions survived the run, so the requests above really ran as who they claim.
    expect((await t.as(sessions.admin, 'GET', '/api/me')).statusCode).toBe(200);
    expect((await t.as(sessions.staff, 'GET', '/api/me')).statusCode).toBe(200);
  }, 900_000);
});

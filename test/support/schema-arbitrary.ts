import fc from 'fast-check';

/**
 * JSON schema (as the OpenAPI document prints TypeBox schemas) → fast-check arbitraries, for the
 * fuzzer: `validFor` makes values the schema accepts, so requests reach the services' own rules;
 * `invalidFor` makes values it refuses in one place (wrong type, missing required, too long,
 * out of range, extra property), so validation and the error handler are exercised too.
 * Strings are hostile even when valid (NUL, RTL marks, markup, quotes, astral characters).
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  nullable?: boolean;
}

/** Where values for id-like fields come from: real ids of seeded records, so requests go deep. */
export interface ValuePools {
  ids: string[];
  codes: string[];
}

/** Strings that have broken parsers, databases and templates before. */
export const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\u202Etxt.exe', '\u200B\u200C\u200D', '\uFEFF', '𝕍𝕚ệ𝕥 😀', 'Đường Nguyễn Trãi',
  "' OR 1=1 --", '"; DROP TABLE users; --', '%', '_', '\\', '../../etc/passwd', '%00', '${7*7}', '{{7*7}}',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '\r\n\r\nX-Injected: 1',
  '0', '-1', 'null', 'undefined', 'NaN', '1e309', '9999-99-99', '2024-02-30', '0000-00-00', '2024-13', 'x'.repeat(300),
];

/** Longer than any JSON body the app accepts (1 MB). */
const BODY_OVERFLOW = 1_100_000;

const EDGE_NUMBERS = [0, -0, 1, -1, 0.5, -0.5, 1e-9, 2 ** 31, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308];

const typesOf = (s: JsonSchema): string[] => (s.type === undefined ? [] : [s.type].flat());

function hostileWithin(min: number, max: number): fc.Arbitrary<string> {
  return fc.constantFrom(...HOSTILE_STRINGS).map((v) => {
    const chars = [...v];
    const cut = chars.slice(0, max).join('');
    return [...cut].length >= min ? cut : cut.padEnd(min, 'x');
  });
}

const day = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });

function validString(s: JsonSchema, key: string, pools: ValuePools): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 2000, 2000);
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || s.format === 'date') return fc.oneof({ weight: 6, arbitrary: day.map((d) => d.toISOString().slice(0, 10)) }, { weight: 1, arbitrary: fc.constantFrom('2024-02-30', '0000-00-00', '9999-99-99', '2023-02-29', '2024-00-10') });
  if (s.pattern === '^\\d{4}-(0[1-9]|1[0-2])$') return fc.oneof(day.map((d) => d.toISOString().slice(0, 7)), fc.constantFrom('0000-01', '9999-12'));
  if (s.format === 'date-time') return fc.oneof(day.map((d) => d.toISOString()), fc.constant('2024-02-30T25:61:00Z'));
  if (s.pattern === '^[^\\s@]+@[^\\s@]+$') return fc.oneof(fc.emailAddress(), fc.constant('a@b'), fc.constant('x@đ'));
  if (s.pattern === '^https?://') return fc.oneof(fc.webUrl(), fc.constant('http://'), fc.constant('https://127.0.0.1:1/x'));
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
  const idLike = /(^id$|Id$|Ids$)/.test(key) && pools.ids.length > 0;
  const codeLike = /(^code$|Code$)/.test(key) && pools.codes.length > 0;
  const arbitraries: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 40) }) },
    { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme' }).filter((v) => v.length <= max) },
    { weight: 2, arbitrary: hostileWithin(min, max) },
  ];
  if (max >= 200) arbitraries.push({ weight: 1, arbitrary: fc.constant('Ưu tiên '.repeat(Math.ceil(max / 8)).slice(0, max)) });
  if (idLike) arbitraries.push({ weight: 12, arbitrary: fc.constantFrom(...pools.ids).filter((v) => v.length >= min && v.length <= max) });
  if (codeLike) arbitraries.push({ weight: 8, arbitrary: fc.constantFrom(...pools.codes) });
  return fc.oneof(...arbitraries);
}

function validNumber(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e9);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e9);
  const range = integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  const edges = [lo, hi, ...EDGE_NUMBERS].filter((n) => n >= lo && n <= hi && (!integer || Number.isInteger(n)));
  return fc.oneof({ weight: 4, arbitrary: range }, { weight: 1, arbitrary: fc.constantFrom(...edges, integer ? Math.ceil(lo) : lo) });
}

/** Values the schema accepts. */
export function validFor(s: JsonSchema, pools: ValuePools, key = '', depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validFor(a, pools, key, depth)));
  const base = validForType(s, pools, key, depth);
  return s.nullable || typesOf(s).includes('null') ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function validForType(s: JsonSchema, pools: ValuePools, key: string, depth: number): fc.Arbitrary<unknown> {
  const type = typesOf(s).find((t) => t !== 'null') ?? (s.properties ? 'object' : s.items ? 'array' : 'any');
  switch (type) {
    case 'string': return validString(s, key, pools);
    case 'integer': return validNumber(s, true);
    case 'number': return validNumber(s, false);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 5, depth > 2 ? minLength : 5, Math.max(minLength, 5));
      const item = validFor(s.items ?? {}, pools, key, depth + 1);
      return s.uniqueItems ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(item, { minLength, maxLength });
    }
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, p] of Object.entries(props)) record[name] = validFor(p, pools, name, depth + 1);
      return fc.record(record, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Any JSON value that is not of `types` (for "wrong type" mutations). */
function wrongType(types: string[]): fc.Arbitrary<unknown> {
  const candidates: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.constantFrom('', 'abc', '12', 'true', '\u0000')],
    ['number', fc.constantFrom(...EDGE_NUMBERS, 3.7)],
    ['integer', fc.constantFrom(0, -1, 2 ** 53)],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.constantFrom([], [1], [[]], ['x'])],
    ['object', fc.constantFrom({}, { a: 1 }, JSON.parse('{"__proto__":{"isAdmin":true}}') as object, { constructor: { prototype: {} } })],
  ];
  const ok = candidates.filter(([t]) => !types.includes(t) && !(t === 'integer' && types.includes('number')) && !(t === 'number' && types.includes('integer')));
  return fc.oneof(...ok.map(([, a]) => a));
}

/** Values the schema refuses, wrong in exactly one place (or of the wrong type altogether). */
export function invalidFor(s: JsonSchema, pools: ValuePools, key = '', depth = 0): fc.Arbitrary<unknown> {
  const types = typesOf(s);
  const alternatives = s.anyOf ?? s.oneOf;
  const whole = wrongType(alternatives ? alternatives.flatMap(typesOf) : s.nullable ? [...types, 'null'] : types);
  const options: fc.Arbitrary<unknown>[] = [whole];
  if (s.enum) options.push(fc.constantFrom('khong-co', 'CONFERENCE', ' conference'));
  const type = types.find((t) => t !== 'null');
  if (type === 'string') {
    // Just over the limit, and far over it (past the 1 MB body limit for the big base64 fields).
    if (s.maxLength !== undefined) options.push(fc.constant('đ'.repeat(Math.min(s.maxLength + 1, BODY_OVERFLOW))), fc.constant('A'.repeat(Math.min(Math.max(s.maxLength * 20, 100_000), BODY_OVERFLOW))));
    if (s.minLength) options.push(fc.constant(''));
    if (s.pattern) options.push(fc.constantFrom('2024-1-1', '24-01-01', '', 'abc', '2024-01-01T00:00:00Z', ' 2024-01-01'));
  }
  if (type === 'integer' || type === 'number') {
    if (s.minimum !== undefined) options.push(fc.constant(s.minimum - 1));
    if (s.maximum !== undefined) options.push(fc.constant(s.maximum + 1), fc.constant(1e308));
    if (type === 'integer') options.push(fc.constant(1.5));
    options.push(fc.constant('12'));
  }
  if (type === 'array' && depth < 4) {
    if (s.maxItems !== undefined) options.push(fc.array(validFor(s.items ?? {}, pools, key, depth + 1), { minLength: s.maxItems + 1, maxLength: s.maxItems + 1 }));
    if (s.items) options.push(invalidFor(s.items, pools, key, depth + 1).map((bad) => [bad]));
  }
  if ((type === 'object' || s.properties) && depth < 4) {
    const props = s.properties ?? {};
    // A nullable object's valid value may be null: mutate an object of it instead.
    const valid = validForType(s, pools, key, depth) as fc.Arbitrary<Record<string, unknown>>;
    const names = Object.keys(props);
    if (names.length > 0) {
      // One property replaced by an invalid value.
      options.push(fc.tuple(valid, fc.constantFrom(...names)).chain(([obj, name]) => invalidFor(props[name]!, pools, name, depth + 1).map((bad) => ({ ...obj, [name]: bad }))));
    }
    if (s.required?.length) options.push(fc.tuple(valid, fc.constantFrom(...s.required)).map(([obj, name]) => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== name))));
    if (s.additionalProperties === false) options.push(valid.map((obj) => ({ ...obj, khongCoTruongNay: 1 })));
  }
  return fc.oneof(...options);
}

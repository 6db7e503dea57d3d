import { randomInt } from 'node:crypto';

/**
 * Tracking codes of feedback: `PA-2026-K7M3XQ9` = prefix, year of receipt, six random symbols and
 * one check symbol. The alphabet has 29 symbols (a prime): digits 2–9 and letters without
 * I, L, O, S and U (0/O, 1/I/L, 5/S and U/V look alike; 0 and 1 are left out too). Weights 1..7 are distinct and non-zero modulo 29, so the check symbol catches
 * every single mistyped symbol and every swap of two symbols. 29^6 ≈ 6·10^8 codes a year, drawn
 * with a cryptographic generator, so codes cannot be guessed; lookups also need the sender's
 * phone digits and are rate-limited.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRTVWXYZ';
const BODY_LENGTH = 6;
const PREFIX = 'PA';

/** The check symbol of a code's year and body. */
export function checkSymbol(year: number, body: string): string {
  let sum = (year % 29) * (BODY_LENGTH + 1);
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CODE_ALPHABET.indexOf(body[i]!);
  return CODE_ALPHABET[sum % 29]!;
}

/** A new random code for the year. Example: `newTrackingCode(2026)` → `PA-2026-K7M3XQ9`. */
export function newTrackingCode(year: number, random: (max: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += CODE_ALPHABET[random(CODE_ALPHABET.length)]!;
  return `${PREFIX}-${year}-${body}${checkSymbol(year, body)}`;
}

/**
 * The canonical form of what someone typed (case, spaces and dashes do not matter), or
 * undefined when it is not a well-formed code with a correct check symbol.
 * Example: `parseTrackingCode(' pa 2026 k7m3xq9 ')` → `PA-2026-K7M3XQ9` (when its check holds).
 */
export function parseTrackingCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s\-–—_.]/g, '');
  const m = /^PA(\d{4})([0-9A-Z]{7})$/.exec(compact);
  if (!m) return undefined;
  const year = Number(m[1]);
  const body = m[2]!.slice(0, BODY_LENGTH);
  if ([...m[2]!].some((c) => !CODE_ALPHABET.includes(c))) return undefined;
  if (checkSymbol(year, body) !== m[2]![BODY_LENGTH]) return undefined;
  return `${PREFIX}-${year}-${m[2]}`;
}

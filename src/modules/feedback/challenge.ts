import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The public form's challenge without a third-party captcha and without server state: a small
 * sum ("3 + 4") whose answer is bound into an HMAC-signed token that expires. The token carries
 * its expiry and a nonce, never the answer; the server recomputes the MAC from the typed answer.
 * A solved token can be replayed until it expires, which the per-IP rate limit bounds.
 */
export interface Challenge {
  /** The question shown next to the answer field, in Vietnamese. */
  question: string;
  token: string;
}

/** How long a form stays valid: long enough to type a complaint slowly on a phone. */
export const CHALLENGE_TTL_MS = 2 * 60 * 60 * 1000;

function mac(secret: string, expires: number, nonce: string, answer: string): string {
  return createHmac('sha256', secret).update(`feedback-challenge|${expires}|${nonce}|${answer}`).digest('base64url');
}

/** A new question and its token. `pick(n)` returns 0..n-1 (injectable for tests). */
export function createChallenge(secret: string, now: number = Date.now(), pick: (n: number) => number = (n) => randomBytes(1)[0]! % n): Challenge {
  const a = 1 + pick(9);
  const b = 1 + pick(9);
  const expires = now + CHALLENGE_TTL_MS;
  const nonce = randomBytes(9).toString('base64url');
  return { question: `${a} + ${b} bằng bao nhiêu?`, token: `${expires}.${nonce}.${mac(secret, expires, nonce, String(a + b))}` };
}

export type ChallengeOutcome = 'ok' | 'wrong' | 'expired' | 'invalid';

/** Checks a typed answer against a token: 'ok', a wrong answer, an expired or a malformed/forged token. */
export function verifyChallenge(secret: string, token: string, answer: string, now: number = Date.now()): ChallengeOutcome {
  const m = /^(\d{10,16})\.([\w-]{8,32})\.([\w-]{43})$/.exec(token);
  if (!m) return 'invalid';
  const expires = Number(m[1]);
  const typed = answer.trim().replace(/^0+(?=\d)/, '');
  if (!/^\d{1,3}$/.test(typed)) return now > expires ? 'expired' : 'wrong';
  const expected = Buffer.from(mac(secret, expires, m[2]!, typed));
  const given = Buffer.from(m[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return now > expires ? 'expired' : 'wrong';
  return now > expires ? 'expired' : 'ok';
}

/** The key of the challenge, derived from the session secret so no new setting is needed. */
export function challengeSecret(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('minhbach:feedback-challenge').digest('base64url');
}

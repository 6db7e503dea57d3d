/**
 * The submission token of a survey form: issued with the form, signed (so it cannot be made up)
 * and used once (its nonce is the response's unique key). It holds no personal data.
 * Example: `verifyToken(secret, agencyId, issueToken(secret, agencyId))` → the nonce.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A form left open longer than this must be reloaded (a day at the desk is plenty). */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const mac = (secret: string, agencyId: string, issued: string, nonce: string) => createHmac('sha256', secret).update(`survey|${agencyId}|${issued}|${nonce}`).digest('base64url').slice(0, 32);

export function issueToken(secret: string, agencyId: string, now = Date.now()): string {
  const issued = now.toString(36);
  const nonce = randomBytes(12).toString('base64url');
  return `${issued}.${nonce}.${mac(secret, agencyId, issued, nonce)}`;
}

/** The nonce of a valid, unexpired token; 'expired' or 'invalid' otherwise. */
export function verifyToken(secret: string, agencyId: string, token: string, now = Date.now()): { nonce: string } | 'expired' | 'invalid' {
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return 'invalid';
  const [, issued, nonce, sig] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(secret, agencyId, issued, nonce));
  if (!timingSafeEqual(expected, Buffer.from(sig))) return 'invalid';
  const at = parseInt(issued, 36);
  if (!(at <= now + 60_000) || now - at > TOKEN_TTL_MS) return 'expired';
  return { nonce };
}

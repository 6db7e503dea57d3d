import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Marks the format so a later change of algorithm can still read old values. */
const PREFIX = 'v1';

/**
 * Encrypts small secrets (access tokens, app secrets) at rest with AES-256-GCM: a fresh 12-byte
 * nonce per value and the 16-byte tag, so a changed byte or a value moved to another record
 * (the `context` is authenticated too) fails to open instead of yielding garbage.
 * Example: `const box = createSecretBox(key); box.open(box.seal('token', 'channel:1'), 'channel:1')`.
 */
export function createSecretBox(key: Buffer) {
  if (key.length !== 32) throw new Error('secret box key must be 32 bytes');
  return {
    seal(plain: string, context: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [PREFIX, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    /** Throws when the value was changed, made with another key or for another context. */
    open(sealed: string, context: string): string {
      const [prefix, iv, body, tag] = sealed.split('.');
      if (prefix !== PREFIX || !iv || body === undefined || !tag) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;

/** What the API shows of a secret: never the value, only that it is stored and its last 4 characters. */
export function secretHint(value: string): string {
  return value.length > 8 ? `…${value.slice(-4)}` : '…';
}

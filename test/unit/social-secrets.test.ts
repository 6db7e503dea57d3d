import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensureSecretsKey, loadConfig, parseSecretsKey } from '../../src/config.ts';
import { createSecretBox, secretHint } from '../../src/platform/secret-box.ts';

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox(randomBytes(32));

  it('opens what it sealed, for any text, and never shows the text in the sealed value', () => {
    fc.assert(fc.property(fc.string({ minLength: 6 }), fc.string(), (plain, context) => {
      const sealed = box.seal(plain, context);
      expect(box.open(sealed, context)).toBe(plain);
      expect(sealed).not.toContain(plain);
    }));
  });

  it('seals the same text differently each time (fresh nonce)', () => {
    expect(box.seal('token', 'c')).not.toBe(box.seal('token', 'c'));
  });

  it('detects any changed bit of nonce, ciphertext or tag, another context and another key', () => {
    const sealed = box.seal('EAAGpagetoken0001', 'social_channels:1');
    const parts = sealed.split('.');
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (part, at, bit) => {
      // Bytes, not characters: the last base64 character of a part carries unused bits.
      const bytes = Buffer.from(parts[part]!, 'base64url');
      bytes[at % bytes.length]! ^= 1 << bit;
      const tampered = parts.map((p, i) => (i === part ? bytes.toString('base64url') : p)).join('.');
      expect(() => box.open(tampered, 'social_channels:1')).toThrow();
    }), { numRuns: 300 });
    expect(() => box.open(sealed, 'social_channels:2')).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'social_channels:1')).toThrow();
    expect(() => box.open('not sealed', 'x')).toThrow();
  });

  it('shows only the last four characters of a secret', () => {
    expect(secretHint('EAAGpagetoken0001WXYZ')).toBe('…WXYZ');
    expect(secretHint('short')).toBe('…');
  });

  it('reads a key as 64 hex characters or base64 of 32 bytes, nothing else', () => {
    const key = randomBytes(32);
    expect(parseSecretsKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretsKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretsKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseSecretsKey('not a key!')).toBeUndefined();
  });
});

describe('ensureSecretsKey', () => {
  it('generates the key once into DATA_DIR, readable by the owner only, and keeps it; SECRETS_KEY wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mb-secrets-'));
    try {
      const first = ensureSecretsKey(loadConfig({ DATA_DIR: dir }));
      expect(parseSecretsKey(first.secretsKey)).toBeDefined();
      expect(statSync(join(dir, 'secrets-key')).mode & 0o777).toBe(0o600);
      expect(ensureSecretsKey(loadConfig({ DATA_DIR: dir })).secretsKey).toBe(first.secretsKey);
      const given = randomBytes(32).toString('hex');
      expect(ensureSecretsKey(loadConfig({ DATA_DIR: dir, SECRETS_KEY: given })).secretsKey).toBe(given);
      expect(() => loadConfig({ SECRETS_KEY: 'short' })).toThrow(/SECRETS_KEY/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

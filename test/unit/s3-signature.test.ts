import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signV4 } from '../../src/platform/files/s3-client.ts';

// AWS's published example ("Signature Calculations for the Authorization Header", GET object):
// an independent check of the signing, since the local test server (s3rver) verifies no V4 signature.
describe('signV4', () => {
  const example = {
    region: 'us-east-1',
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    date: new Date('2013-05-24T00:00:00Z'),
  };
  const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

  it('matches the GET object example', () => {
    const h = signV4({ ...example, method: 'GET', path: '/test.txt', headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9' }, payloadHash: emptyHash });
    expect(h.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('matches the GET bucket lifecycle example (query string)', () => {
    const h = signV4({ ...example, method: 'GET', path: '/', query: { lifecycle: '' }, headers: { host: 'examplebucket.s3.amazonaws.com' }, payloadHash: emptyHash });
    expect(h.authorization).toContain('Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
  });

  it('a wrong secret gives another signature', () => {
    const args = { method: 'GET', path: '/test.txt', headers: { host: 'examplebucket.s3.amazonaws.com' }, payloadHash: emptyHash };
    expect(signV4({ ...example, ...args }).authorization).not.toBe(signV4({ ...example, ...args, secretAccessKey: 'other' }).authorization);
  });

  it('signs the same request the same way whatever the order of its query parameters and header names', () => {
    const param = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(param, fc.string({ maxLength: 12 })), { selector: ([k]) => k, maxLength: 6 }), (pairs) => {
        const sign = (entries: [string, string][], headers: Record<string, string>) =>
          signV4({ ...example, method: 'GET', path: '/', query: Object.fromEntries(entries), headers, payloadHash: emptyHash }).authorization;
        const forward = sign(pairs, { host: 'b.example', 'content-type': 'text/plain' });
        const reversed = sign([...pairs].reverse(), { 'content-type': 'text/plain', host: 'b.example' });
        expect(reversed).toBe(forward);
      }),
    );
  });
});

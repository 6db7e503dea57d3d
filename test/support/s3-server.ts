import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';

/** Environment of an app storing files in the local S3 server below. */
export function s3Env(port: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    FILE_STORAGE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: 'minhbach-test',
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    ...overrides,
  };
}

/**
 * A local S3-compatible server (s3rver) on 127.0.0.1 with a temp directory and one bucket.
 * It knows the key pair S3RVER/S3RVER; it checks the access key id but not a V4 signature
 * (test/unit/s3-signature.test.ts checks the signing against AWS's published examples).
 */
export async function startS3Server(port: number) {
  const directory = await mkdtemp(join(tmpdir(), 'mb-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, configureBuckets: [{ name: 'minhbach-test' }] });
  await server.run();
  return {
    env: (overrides?: Record<string, string>) => s3Env(port, overrides),
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

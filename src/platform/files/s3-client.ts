import { createHash, createHmac } from 'node:crypto';

/** Where and as whom objects are stored (config.ts `fileStorage` when FILE_STORAGE=s3). */
export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO, s3rver, most self-hosted) instead of `bucket.endpoint/key`. */
  forcePathStyle: boolean;
}

/** An S3 answer other than success: the service's error code and message, for a clear report. */
export class S3Error extends Error {
  constructor(public readonly status: number, public readonly code: string, message: string) {
    super(`S3 ${status} ${code}: ${message}`);
  }
}

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * AWS Signature Version 4 headers of one request (header auth, signed payload hash). Pure, so it
 * is tested against AWS's published example. `headers` must hold `host`; names in lower case.
 */
export function signV4(input: {
  method: string;
  /** Path already encoded per segment, e.g. `/bucket/a%20b.pdf`. */
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  date: Date;
}): Record<string, string> {
  const amzDate = input.date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { ...input.headers, 'x-amz-content-sha256': input.payloadHash, 'x-amz-date': amzDate };
  const names = Object.keys(headers).map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(headers[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const query = Object.entries(input.query ?? {})
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [input.method, input.path, query, canonicalHeaders, signedHeaders, input.payloadHash].join('\n');
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` };
}

/**
 * A small S3 client over `fetch` (no SDK): put, get (streamed body), delete and list of one
 * bucket. Example: `const s3 = createS3Client(settings); await s3.put('a/b', bytes, 'image/png');`
 */
export function createS3Client(s: S3Settings, opts: { timeoutMs?: number } = {}) {
  const base = new URL(s.endpoint);
  const host = s.forcePathStyle ? base.host : `${s.bucket}.${base.host}`;
  const prefix = s.forcePathStyle ? `/${encode(s.bucket)}` : '';

  async function request(method: string, key: string | undefined, init: { body?: Uint8Array; query?: Record<string, string>; headers?: Record<string, string> } = {}) {
    const path = `${base.pathname.replace(/\/+$/, '')}${prefix}/${key === undefined ? '' : key.split('/').map(encode).join('/')}`;
    const headers = signV4({
      method, path, query: init.query, headers: { host, ...init.headers }, payloadHash: sha256Hex(init.body ?? ''),
      region: s.region, accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, date: new Date(),
    });
    const qs = new URLSearchParams(init.query ?? {}).toString();
    const url = `${base.protocol}//${host}${path}${qs ? `?${qs}` : ''}`;
    delete headers.host;
    const res = await fetch(url, { method, headers, body: init.body as Uint8Array<ArrayBuffer> | undefined, signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) {
      const text = await res.text().catch(() => '');
      throw new S3Error(res.status, /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? 'Unknown', /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? res.statusText);
    }
    return res;
  }

  return {
    async put(key: string, body: Uint8Array, contentType: string) {
      await request('PUT', key, { body, headers: { 'content-type': contentType } });
    },
    /** The object's body as a web stream (not buffered here). */
    async get(key: string): Promise<ReadableStream<Uint8Array>> {
      const res = await request('GET', key);
      return res.body!;
    },
    async delete(key: string) {
      await (await request('DELETE', key)).arrayBuffer();
    },
    /** Every object (key, last modified) under `keyPrefix`, page by page. */
    async *list(keyPrefix = ''): AsyncGenerator<{ key: string; lastModified: Date }> {
      let token: string | undefined;
      do {
        const query: Record<string, string> = { 'list-type': '2', prefix: keyPrefix, ...(token ? { 'continuation-token': token } : {}) };
        const xml = await (await request('GET', undefined, { query })).text();
        for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
          const key = /<Key>([^<]*)<\/Key>/.exec(m[1]!)?.[1];
          const modified = /<LastModified>([^<]*)<\/LastModified>/.exec(m[1]!)?.[1];
          if (key) yield { key: unescapeXml(key), lastModified: new Date(modified ?? 0) };
        }
        token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? /<NextContinuationToken>([^<]*)</.exec(xml)?.[1] : undefined;
      } while (token);
    },
    /** Fails with S3Error when the bucket cannot be reached with these credentials. */
    async check() {
      await (await request('HEAD', undefined)).arrayBuffer();
    },
  };
}

function unescapeXml(s: string) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export type S3Client = ReturnType<typeof createS3Client>;

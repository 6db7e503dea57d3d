import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Over a real socket: the fast path sits in front of Fastify's handler, which inject() bypasses. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const servedFast = async (port: number) => {
  const text = (await get(port, '/metrics')).body.toString();
  return [...text.matchAll(/http_requests_total\{method="GET",route="cached-page",status="(\d+)"\} (\d+)/g)].reduce((n, m) => n + Number(m[2]), 0);
};
/** The headers that differ between any two responses (time, connection handling). */
const stable = (h: Answer['headers']) => Object.fromEntries(Object.entries(h).filter(([k]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k)));

describe.each(ENGINES)('cached public pages answered before routing on %s', (engine) => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t?.close());

  it('a second request gets the same status, headers and bytes as the first, without Fastify', async () => {
    const before = await servedFast(port);
    const first = await get(port, '/', { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    expect(await servedFast(port)).toBe(before);
    const second = await get(port, '/', { 'accept-encoding': 'gzip' });
    expect(await servedFast(port)).toBe(before + 1);
    expect(stable(second.headers)).toEqual(stable(first.headers));
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.headers['content-security-policy']).toContain("script-src 'self'");
    expect(second.headers['x-frame-options']).toBe('DENY');
    expect(gunzipSync(second.body).toString()).toContain('<!doctype html>');

    const plain = await get(port, '/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(gunzipSync(first.body))).toBe(true);
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
  });

  it('revalidation and HEAD answer as Fastify would', async () => {
    const page = await get(port, '/');
    const before = await servedFast(port);
    const revalidated = await get(port, '/', { 'if-none-match': String(page.headers.etag) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    const head = await get(port, '/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(page.headers['content-length']);
    expect(await servedFast(port)).toBe(before + 2);
  });

  it('never answers what is not a cached page: queries, writes, API, misses, 404s', async () => {
    await get(port, '/');
    const before = await servedFast(port);
    expect((await get(port, '/?x=1')).status).toBe(200);
    expect((await get(port, '/khong-co-trang-nay')).status).toBe(404);
    expect((await get(port, '/khong-co-trang-nay')).status).toBe(404);
    expect((await get(port, '/api/me')).status).toBe(401);
    expect((await get(port, '/', {}, 'POST')).status).toBe(404);
    expect(await servedFast(port)).toBe(before);
  });

  it('after a change the page is rendered again, then served fast with the new content', async () => {
    const old = (await get(port, '/')).body.toString();
    await get(port, '/');
    t.services.htmlCache.clear();
    const before = await servedFast(port);
    const fresh = await get(port, '/');
    expect(await servedFast(port)).toBe(before);
    expect(fresh.body.toString()).toBe(old);
    await get(port, '/');
    expect(await servedFast(port)).toBe(before + 1);
  });

  it('a cached document with headers of its own (open data: download name, CORS) keeps them when served fast', async () => {
    const first = await get(port, '/du-lieu-mo/thu-tuc-hanh-chinh.csv');
    expect(first.status).toBe(200);
    const before = await servedFast(port);
    const second = await get(port, '/du-lieu-mo/thu-tuc-hanh-chinh.csv');
    expect(await servedFast(port)).toBe(before + 1);
    expect(second.headers['content-disposition']).toBe(first.headers['content-disposition']);
    expect(second.headers['access-control-allow-origin']).toBe('*');
    expect(stable(second.headers)).toEqual(stable(first.headers));
  });
});

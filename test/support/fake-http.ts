import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fakes see it: path, query, headers and a parsed body (JSON or form). */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: any;
}

export type FakeReply = { status?: number; body: unknown; delayMs?: number };

/**
 * What the next calls should suffer, shared by both fakes and settable over HTTP
 * (`POST /__control` with JSON) so a browser test in another process can drive them too.
 * `fail`: answer the next N matching calls with this HTTP status, doing nothing;
 * `slow`: do the next N matching calls, then answer only after `ms` (a client timing out
 * leaves a post that exists: the case reconciliation must handle).
 */
export interface Faults {
  fail: { count: number; status: number; path: string } | null;
  slow: { count: number; ms: number; path: string } | null;
  rateLimit: { count: number; path: string } | null;
}

export const noFaults = (): Faults => ({ fail: null, slow: null, rateLimit: null });

/** The faults after a `/__control` body: `{reset: true}` clears them, `{fail|slow|rateLimit: …}` sets one. */
export function controlFaults(faults: Faults, body: any): Faults {
  const next = body?.reset ? noFaults() : { ...faults };
  for (const kind of ['fail', 'slow', 'rateLimit'] as const) if (body?.[kind]) next[kind] = body[kind];
  return next;
}

/** Starts a plain node:http server on 127.0.0.1 (port 0: a free one). */
export async function startFake(port: number, handle: (req: FakeRequest) => FakeReply | Promise<FakeReply>, control: (body: any) => unknown): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer((req, res) => void serve(req, res));
  async function serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const type = req.headers['content-type'] ?? '';
    const body = type.includes('json') && raw ? JSON.parse(raw) : type.includes('x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : raw;
    const reply = url.pathname === '/__control' ? { body: control(body) ?? { ok: true } } : await handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body });
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(reply.body));
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
    else send();
  }
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Takes one fault for a call to `path` (a substring), if one is set. */
export function takeFault<K extends keyof Faults>(faults: Faults, kind: K, path: string): NonNullable<Faults[K]> | null {
  const f = faults[kind];
  if (!f || f.count <= 0 || !path.includes(f.path)) return null;
  f.count -= 1;
  return f as NonNullable<Faults[K]>;
}

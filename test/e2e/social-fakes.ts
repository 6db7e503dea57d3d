import { E2E_PORT } from './helpers.ts';

/** Fixed ports of the fake social networks, next to the app's so parallel runs never share them. */
export const FAKE_PORTS = { facebook: E2E_PORT + 1000, zalo: E2E_PORT + 1001 } as const;
export const FAKE_FACEBOOK_URL = `http://127.0.0.1:${FAKE_PORTS.facebook}`;
export const FAKE_GRAPH_URL = `${FAKE_FACEBOOK_URL}/v19.0`;
export const FAKE_ZALO_URL = `http://127.0.0.1:${FAKE_PORTS.zalo}`;

/** Drives a fake (add a page or app, force a failure, expire a token, read what was posted). */
export async function control<T = { ok: true }>(url: string, body: unknown): Promise<T> {
  const res = await fetch(`${url}/__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}

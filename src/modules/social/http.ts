/**
 * One outgoing HTTP call to a social network, with a timeout, and the one way its failures are
 * described: what the delivery should do next is decided from `SocialApiError.kind` alone.
 */

/**
 * retry: network error, timeout, 5xx or rate limit (the outcome of a post may be unknown);
 * token_expired / token_revoked: the channel needs reconnecting, the post waits;
 * rejected: the network refused the request (4xx), retrying would not help.
 */
export type FailureKind = 'retry' | 'token_expired' | 'token_revoked' | 'rejected';

export class SocialApiError extends Error {
  constructor(
    public readonly kind: FailureKind,
    message: string,
    public readonly code?: number | string,
  ) {
    super(message);
  }
}

export interface JsonResponse {
  status: number;
  body: any;
}

/** Sends a request and parses the JSON answer; a network error or timeout is a `retry` failure. */
export async function callJson(url: string, init: RequestInit, timeoutMs: number): Promise<JsonResponse> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new SocialApiError('retry', timedOut ? `Mạng xã hội không trả lời sau ${Math.round(timeoutMs / 1000)} giây.` : 'Không kết nối được tới mạng xã hội.');
  }
  const body = parseJson(await res.text().catch(() => ''));
  if (res.status >= 500) throw new SocialApiError('retry', `Mạng xã hội báo lỗi máy chủ (HTTP ${res.status}).`, res.status);
  if (res.status === 429) throw new SocialApiError('retry', 'Mạng xã hội báo gửi quá nhiều yêu cầu; sẽ thử lại sau.', 429);
  return { status: res.status, body };
}

/** A body that is not JSON (a proxy's HTML error page) counts as no body. */
function parseJson(text: string): any {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The network's own words, kept short, for the admin to read next to our explanation. */
export function apiDetail(message: unknown): string {
  return typeof message === 'string' && message ? ` (${message.slice(0, 300)})` : '';
}

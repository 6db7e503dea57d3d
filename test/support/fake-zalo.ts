import { randomBytes } from 'node:crypto';
import { controlFaults, noFaults, startFake, takeFault, type FakeReply, type FakeRequest, type Faults } from './fake-http.ts';

export interface FakeZaloArticle {
  id: string;
  token: string;
  title: string;
  description: string;
  coverUrl: string;
  body: string;
}

const zaloError = (error: number, message: string): FakeReply => ({ body: { error, message } });
const token = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;

/**
 * A local Zalo for tests, both hosts on one server: OAuth `POST /v4/oa/access_token` (refresh
 * tokens are single use, as on Zalo) and the OA API `GET /v2.0/oa/getoa`, `POST /v2.0/article/create`
 * (title ≤ 150, description ≤ 300, cover photo required), `/v2.0/article/verify`,
 * `GET /v2.0/article/getdetail`, `/v2.0/article/getslice`, `POST /v2.0/oa/message`,
 * `/v2.0/article/remove`. Refusals are HTTP 200 with `{error: <negative>, message}`:
 * -216 invalid access token, -201 invalid parameter, -32 rate limit.
 */
export async function startFakeZalo(opts: { port?: number; oaId?: string; oaName?: string } = {}) {
  const apps = new Map<string, string>();
  const refreshTokens = new Set<string>();
  const accessTokens = new Map<string, number>();
  const articles: FakeZaloArticle[] = [];
  const broadcasts: string[] = [];
  let refreshes = 0;
  let faults: Faults = noFaults();
  const oa = { id: opts.oaId ?? '4318118538421568931', name: opts.oaName ?? 'Zalo OA thử nghiệm' };

  function refresh(req: FakeRequest): FakeReply {
    const b = req.body as Record<string, string>;
    if (apps.get(b.app_id ?? '') !== req.headers.secret_key) return { status: 400, body: { error: -14002, error_name: 'Invalid app', error_description: 'app_id or secret_key is invalid' } };
    if (b.grant_type !== 'refresh_token' || !refreshTokens.delete(b.refresh_token ?? '')) {
      return { status: 400, body: { error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid or expired' } };
    }
    refreshes += 1;
    const access = token('access');
    const next = token('refresh');
    accessTokens.set(access, Date.now() + 90_000_000);
    refreshTokens.add(next);
    return { body: { access_token: access, refresh_token: next, expires_in: '90000' } };
  }

  function api(req: FakeRequest): FakeReply {
    const at = String(req.headers.access_token ?? '');
    if ((accessTokens.get(at) ?? 0) < Date.now()) return zaloError(-216, 'Access token is invalid');
    const b = req.body ?? {};
    switch (`${req.method} ${req.path}`) {
      case 'GET /v2.0/oa/getoa':
        return { body: { error: 0, message: 'Success', data: { oa_id: oa.id, name: oa.name } } };
      case 'POST /v2.0/article/create': {
        if (!b.title || [...String(b.title)].length > 150) return zaloError(-201, 'Title is invalid');
        if ([...String(b.description ?? '')].length > 300) return zaloError(-201, 'Description is invalid');
        if (!b.cover?.photo_url) return zaloError(-201, 'Cover is required');
        const a = { id: randomBytes(16).toString('hex'), token: token('article'), title: b.title, description: b.description ?? '', coverUrl: b.cover.photo_url, body: b.body?.[0]?.content ?? '' };
        articles.push(a);
        return { body: { error: 0, message: 'Success', data: { token: a.token } } };
      }
      case 'POST /v2.0/article/verify': {
        const a = articles.find((x) => x.token === b.token);
        return a ? { body: { error: 0, message: 'Success', data: { id: a.id } } } : zaloError(-201, 'Token is invalid');
      }
      case 'GET /v2.0/article/getdetail': {
        const a = articles.find((x) => x.id === req.query.get('id'));
        return a ? { body: { error: 0, message: 'Success', data: { id: a.id, title: a.title, link: `https://zalo.me/${oa.id}/article/${a.id}` } } } : zaloError(-201, 'Article not found');
      }
      case 'GET /v2.0/article/getslice':
        return { body: { error: 0, message: 'Success', data: { medias: [...articles].reverse().slice(0, 10).map((a) => ({ id: a.id, title: a.title, type: 'normal' })), total: articles.length } } };
      case 'POST /v2.0/oa/message': {
        const id = b.message?.attachment?.payload?.elements?.[0]?.attachment_id;
        if (!articles.some((a) => a.id === id)) return zaloError(-201, 'Attachment is invalid');
        broadcasts.push(id);
        return { body: { error: 0, message: 'Success', data: { message_id: token('msg') } } };
      }
      case 'POST /v2.0/article/remove': {
        const i = articles.findIndex((a) => a.id === b.id);
        if (i < 0) return zaloError(-201, 'Article not found');
        articles.splice(i, 1);
        return { body: { error: 0, message: 'Success' } };
      }
      default:
        return zaloError(-201, 'Unknown endpoint');
    }
  }

  function handle(req: FakeRequest): FakeReply {
    const failed = takeFault(faults, 'fail', req.path);
    if (failed) return { status: failed.status, body: { error: -1, message: 'Internal server error' } };
    if (takeFault(faults, 'rateLimit', req.path)) return zaloError(-32, 'The application has exceeded the request limit');
    const slow = takeFault(faults, 'slow', req.path);
    const reply = req.path === '/v4/oa/access_token' ? refresh(req) : api(req);
    return slow ? { ...reply, delayMs: slow.ms } : reply;
  }

  /** Registers an app and returns a first refresh token for it. */
  function addApp(appId: string, secretKey: string, refreshToken = token('refresh')) {
    apps.set(appId, secretKey);
    refreshTokens.add(refreshToken);
    return refreshToken;
  }

  const server = await startFake(opts.port ?? 0, handle, (body) => {
    faults = controlFaults(faults, body);
    if (body?.app) addApp(body.app.id, body.app.secretKey, body.app.refreshToken);
    if (body?.expireAccessTokens) accessTokens.clear();
    if (body?.articles) return { articles, broadcasts };
    return { ok: true };
  });

  return {
    url: server.url,
    articles,
    broadcasts,
    addApp,
    refreshCount: () => refreshes,
    /** Every access token stops working (Zalo's expire after about 25 hours). */
    expireAccessTokens: () => accessTokens.clear(),
    /** Every refresh token stops working (the OA must be authorised again). */
    revokeRefreshTokens: () => refreshTokens.clear(),
    setFaults(f: Partial<Faults>) {
      faults = { ...noFaults(), ...f };
    },
    close: server.close,
  };
}

export type FakeZalo = Awaited<ReturnType<typeof startFakeZalo>>;

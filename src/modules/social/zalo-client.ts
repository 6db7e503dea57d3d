import { apiDetail, callJson, SocialApiError, type JsonResponse } from './http.ts';

/** Zalo OA API: access token invalid (-216) or expired (-124); request quota exceeded (-32). */
const TOKEN_ERRORS = new Set([-216, -124]);
const RATE_LIMIT_ERRORS = new Set([-32]);

export interface ZaloTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working (Zalo gives `expires_in` seconds, about 25 hours). */
  accessExpiresAt: string;
}

export interface ZaloArticleInput {
  title: string;
  description: string;
  coverUrl: string;
  body: string;
  author: string;
}

/** Zalo answers HTTP 200 with `{error: <negative code>, message}` when it refuses. */
function check({ status, body }: JsonResponse): any {
  const code = Number(body?.error ?? 0);
  if (status < 400 && code === 0) return body;
  const detail = apiDetail(body?.message);
  if (TOKEN_ERRORS.has(code)) throw new SocialApiError('token_expired', `Mã truy cập Zalo OA không hợp lệ hoặc đã hết hạn${detail}.`, code);
  if (RATE_LIMIT_ERRORS.has(code)) throw new SocialApiError('retry', `Zalo giới hạn số lần gọi; sẽ thử lại sau${detail}.`, code);
  throw new SocialApiError('rejected', `Zalo từ chối yêu cầu (mã ${code || status})${detail}.`, code || status);
}

/** The Zalo OA calls an article post needs (https://developers.zalo.me/docs/official-account). */
export function createZaloClient(openapiUrl: string, oauthUrl: string, timeoutMs: number) {
  const call = async (method: 'GET' | 'POST', path: string, token: string, body?: unknown) =>
    check(await callJson(`${openapiUrl}${path}`, { method, headers: { access_token: token, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined }, timeoutMs));

  return {
    /**
     * New tokens from the refresh token (`POST /v4/oa/access_token`, secret key in a header).
     * A refused refresh token means the OA must be authorised again: `token_revoked`.
     */
    async refresh(appId: string, secretKey: string, refreshToken: string): Promise<ZaloTokens> {
      const { status, body } = await callJson(
        `${oauthUrl}/v4/oa/access_token`,
        { method: 'POST', headers: { secret_key: secretKey, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ app_id: appId, grant_type: 'refresh_token', refresh_token: refreshToken }) },
        timeoutMs,
      );
      if (status >= 400 || !body?.access_token || !body?.refresh_token) {
        throw new SocialApiError('token_revoked', `Zalo không cấp mã truy cập mới từ refresh token${apiDetail(body?.error_description ?? body?.error_name)}; hãy kết nối lại Zalo OA.`, body?.error);
      }
      return { accessToken: String(body.access_token), refreshToken: String(body.refresh_token), accessExpiresAt: new Date(Date.now() + Number(body.expires_in ?? 3600) * 1000).toISOString() };
    },

    /** The OA the token belongs to: `GET /v2.0/oa/getoa`. */
    async oaInfo(token: string): Promise<{ id: string; name: string }> {
      const body = await call('GET', '/v2.0/oa/getoa', token);
      return { id: String(body?.data?.oa_id ?? ''), name: String(body?.data?.name ?? '') };
    },

    /** `POST /v2.0/article/create`: returns the token to verify (the article id comes later). */
    async createArticle(token: string, a: ZaloArticleInput): Promise<string> {
      const body = await call('POST', '/v2.0/article/create', token, {
        type: 'normal', title: a.title, author: a.author, description: a.description,
        cover: { cover_type: 'photo', photo_url: a.coverUrl, status: 'show' },
        body: [{ type: 'text', content: a.body }], status: 'show', comment: 'show',
      });
      const t = body?.data?.token;
      if (!t) throw new SocialApiError('retry', 'Zalo không trả về mã xác minh bài viết.');
      return String(t);
    },

    /** `POST /v2.0/article/verify`: the article id once Zalo has made it, else undefined (ask again later). */
    async verify(token: string, articleToken: string): Promise<string | undefined> {
      const body = await call('POST', '/v2.0/article/verify', token, { token: articleToken });
      return body?.data?.id ? String(body.data.id) : undefined;
    },

    async link(token: string, articleId: string): Promise<string> {
      const body = await call('GET', `/v2.0/article/getdetail?${new URLSearchParams({ id: articleId })}`, token);
      // Only a web address is kept: the admin shows it as a link.
      return typeof body?.data?.link === 'string' && /^https?:\/\//.test(body.data.link) ? body.data.link : `https://zalo.me/article/${articleId}`;
    },

    /** An article of ours that may exist although its create call failed: the newest ones with this title. */
    async findByTitle(token: string, title: string): Promise<string | undefined> {
      const body = await call('GET', `/v2.0/article/getslice?${new URLSearchParams({ offset: '0', limit: '10', type: 'normal' })}`, token);
      const match = (body?.data?.medias ?? []).find((m: any) => m?.title === title);
      return match ? String(match.id) : undefined;
    },

    /** Sends the article to the OA's followers: `POST /v2.0/oa/message` with an article attachment. */
    async broadcast(token: string, articleId: string): Promise<void> {
      await call('POST', '/v2.0/oa/message', token, {
        recipient: { target: { gender: '0' } },
        message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'article', attachment_id: articleId }] } } },
      });
    },

    async remove(token: string, articleId: string): Promise<void> {
      await call('POST', '/v2.0/article/remove', token, { id: articleId });
    },
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;

import { apiDetail, callJson, SocialApiError, type JsonResponse } from './http.ts';

/** Graph API rate-limit codes (application, user, page, custom-level throttling). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
/** Graph code 190 sub-code 463: the token expired (the others mean it was invalidated). */
const EXPIRED_SUBCODE = 463;

export interface FacebookPostInput {
  message: string;
  link?: string | null;
  imageUrl?: string | null;
  /** Facebook-side scheduling: unpublished now, published by Facebook at this time. */
  scheduledAt?: Date | null;
}

/** Throws the Graph API's `{error:{code, error_subcode, message}}` as a SocialApiError. */
function check({ status, body }: JsonResponse): any {
  const error = body?.error;
  if (status < 400 && !error) return body;
  const code = Number(error?.code);
  const detail = apiDetail(error?.message);
  if (code === 190) {
    if (Number(error?.error_subcode) === EXPIRED_SUBCODE) throw new SocialApiError('token_expired', `Mã truy cập Trang Facebook đã hết hạn${detail}.`, 190);
    throw new SocialApiError('token_revoked', `Mã truy cập Trang Facebook không còn hiệu lực (bị thu hồi hoặc đổi mật khẩu)${detail}.`, 190);
  }
  if (RATE_LIMIT_CODES.has(code)) throw new SocialApiError('retry', `Facebook giới hạn số lần gọi; sẽ thử lại sau${detail}.`, code);
  if (code === 1 || code === 2) throw new SocialApiError('retry', `Facebook tạm thời lỗi${detail}.`, code);
  if (code === 803 || (code === 100 && /alias|exist|node/i.test(String(error?.message)))) throw new SocialApiError('rejected', `Không có Trang Facebook với mã này${detail}.`, code);
  if (code === 200 || code === 10) throw new SocialApiError('rejected', `Mã truy cập không có quyền đăng lên Trang này${detail}.`, code);
  throw new SocialApiError('rejected', `Facebook từ chối yêu cầu${detail}.`, Number.isFinite(code) ? code : status);
}

/** The few Graph API calls a Page post needs (https://developers.facebook.com/docs/graph-api). */
export function createFacebookClient(baseUrl: string, timeoutMs: number) {
  const get = async (path: string, params: Record<string, string>) => check(await callJson(`${baseUrl}/${path}?${new URLSearchParams(params)}`, { method: 'GET' }, timeoutMs));
  const post = async (path: string, params: Record<string, string>) =>
    check(await callJson(`${baseUrl}/${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) }, timeoutMs));

  return {
    /** Proves a page id and token work together: `GET /{page-id}?fields=id,name`. */
    async verify(pageId: string, token: string): Promise<{ id: string; name: string }> {
      const body = await get(encodeURIComponent(pageId), { fields: 'id,name', access_token: token });
      if (String(body?.id) !== pageId) throw new SocialApiError('rejected', 'Mã truy cập không thuộc Trang Facebook này.');
      return { id: String(body.id), name: String(body.name ?? pageId) };
    },

    /** `POST /{page-id}/photos` for an image without a link, else `/{page-id}/feed`. Returns the post id. */
    async publish(pageId: string, token: string, input: FacebookPostInput): Promise<string> {
      const schedule: Record<string, string> = input.scheduledAt ? { published: 'false', scheduled_publish_time: String(Math.floor(input.scheduledAt.getTime() / 1000)) } : {};
      const body = input.imageUrl && !input.link
        ? await post(`${encodeURIComponent(pageId)}/photos`, { url: input.imageUrl, caption: input.message, access_token: token, ...schedule })
        : await post(`${encodeURIComponent(pageId)}/feed`, { message: input.message, ...(input.link ? { link: input.link } : {}), access_token: token, ...schedule });
      const id = body?.post_id ?? body?.id;
      if (!id) throw new SocialApiError('retry', 'Facebook không trả về mã bài đăng.');
      return String(id);
    },

    async permalink(postId: string, token: string): Promise<string> {
      const body = await get(encodeURIComponent(postId), { fields: 'permalink_url', access_token: token });
      // Only a web address is kept: the admin shows it as a link.
      return typeof body?.permalink_url === 'string' && /^https?:\/\//.test(body.permalink_url) ? body.permalink_url : `https://www.facebook.com/${postId}`;
    },

    /**
     * A post of ours that may exist although its call failed (timeout, lost answer): the page's
     * recent posts with exactly this message, made after `since` (`scheduled_posts` holds those
     * Facebook has not published yet).
     */
    async findRecent(pageId: string, token: string, message: string, since: Date, edge: 'feed' | 'scheduled_posts' = 'feed'): Promise<string | undefined> {
      const body = await get(`${encodeURIComponent(pageId)}/${edge}`, { fields: 'id,message,created_time', limit: '25', access_token: token });
      const match = (body?.data ?? []).find((p: any) => p?.message === message && Date.parse(p?.created_time) >= since.getTime() - 60_000);
      return match ? String(match.id) : undefined;
    },

    async remove(postId: string, token: string): Promise<void> {
      check(await callJson(`${baseUrl}/${encodeURIComponent(postId)}?${new URLSearchParams({ access_token: token })}`, { method: 'DELETE' }, timeoutMs));
    },
  };
}

export type FacebookClient = ReturnType<typeof createFacebookClient>;

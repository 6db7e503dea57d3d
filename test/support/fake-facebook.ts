import { controlFaults, noFaults, startFake, takeFault, type FakeReply, type FakeRequest, type Faults } from './fake-http.ts';

/** The Graph API version the fake answers under, as FACEBOOK_GRAPH_URL would name it. */
export const GRAPH_VERSION = 'v19.0';

export interface FakePage {
  id: string;
  name: string;
  tokens: Set<string>;
  expiredTokens: Set<string>;
}

export interface FakeFacebookPost {
  id: string;
  pageId: string;
  message: string;
  link: string | null;
  imageUrl: string | null;
  published: boolean;
  scheduledPublishTime: number | null;
  createdTime: string;
}

const graphError = (status: number, code: number, message: string, subcode?: number): FakeReply => ({
  status, body: { error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'Afake' } },
});

/**
 * A local Facebook Graph API for tests: pages with their tokens, `GET /{page-id}`,
 * `POST /{page-id}/feed` and `/photos`, `GET /{page-id}/feed`, `GET /{post-id}?fields=permalink_url`,
 * `DELETE /{post-id}`, and Graph's error bodies (190 with sub-code 463 for an expired token,
 * 803 for an unknown page, 4 for the rate limit, 1 with HTTP 500).
 */
export async function startFakeFacebook(opts: { port?: number } = {}) {
  const pages = new Map<string, FakePage>();
  const posts: FakeFacebookPost[] = [];
  let faults: Faults = noFaults();

  function auth(req: FakeRequest, page: FakePage | undefined): FakeReply | null {
    const token = String(req.query.get('access_token') ?? req.body?.access_token ?? '');
    if (page?.expiredTokens.has(token) || [...pages.values()].some((p) => p.expiredTokens.has(token))) {
      return graphError(400, 190, 'Error validating access token: Session has expired on Friday, 01-Jan-2021 00:00:00 PST.', 463);
    }
    const known = page ? page.tokens.has(token) : [...pages.values()].some((p) => p.tokens.has(token));
    return known ? null : graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
  }

  function handle(req: FakeRequest): FakeReply {
    const prefix = `/${GRAPH_VERSION}/`;
    if (!req.path.startsWith(prefix)) return graphError(400, 2500, 'Unknown path components');
    const parts = req.path.slice(prefix.length).split('/').map(decodeURIComponent);
    const failed = takeFault(faults, 'fail', req.path);
    if (failed) return failed.status >= 500 ? graphError(failed.status, 1, 'An unknown error has occurred.') : graphError(failed.status, 100, '(#100) Invalid parameter');
    if (takeFault(faults, 'rateLimit', req.path)) return graphError(400, 4, '(#4) Application request limit reached');
    const slow = takeFault(faults, 'slow', req.path);
    const reply = route(req, parts);
    return slow ? { ...reply, delayMs: slow.ms } : reply;
  }

  function route(req: FakeRequest, parts: string[]): FakeReply {
    const [first, edge] = parts;
    const page = pages.get(first!);
    const post = posts.find((p) => p.id === first);
    if (!page && !post) {
      const denied = auth(req, undefined);
      return denied ?? graphError(404, 803, `(#803) Some of the aliases you requested do not exist: ${first}`);
    }
    const denied = auth(req, page ?? pages.get(post!.pageId));
    if (denied) return denied;
    if (post && req.method === 'GET') return { body: { id: post.id, permalink_url: `https://www.facebook.com/${post.pageId}/posts/${post.id.split('_')[1]}`, is_published: post.published } };
    if (post && req.method === 'DELETE') {
      posts.splice(posts.indexOf(post), 1);
      return { body: { success: true } };
    }
    if (!edge && req.method === 'GET') return { body: { id: page!.id, name: page!.name } };
    if ((edge === 'feed' || edge === 'scheduled_posts') && req.method === 'GET') {
      // The feed lists published posts; scheduled_posts those Facebook will publish later.
      const data = posts.filter((p) => p.pageId === page!.id && p.published === (edge === 'feed')).reverse().map((p) => ({ id: p.id, message: p.message, created_time: p.createdTime }));
      return { body: { data: data.slice(0, Number(req.query.get('limit') ?? 25)) } };
    }
    if ((edge === 'feed' || edge === 'photos') && req.method === 'POST') {
      const b = req.body as Record<string, string>;
      const message = edge === 'feed' ? b.message : b.caption;
      if (!message && !b.link && !b.url) return graphError(400, 100, '(#100) Param message or link must be provided');
      const scheduled = b.scheduled_publish_time ? Number(b.scheduled_publish_time) : null;
      const id = `${page!.id}_${100000 + posts.length + 1}`;
      posts.push({ id, pageId: page!.id, message: message ?? '', link: b.link ?? null, imageUrl: b.url ?? null, published: b.published !== 'false', scheduledPublishTime: scheduled, createdTime: new Date().toISOString().replace(/\.\d+Z$/, '+0000') });
      return { body: edge === 'photos' ? { id: `photo${posts.length}`, post_id: id } : { id } };
    }
    return graphError(400, 100, '(#100) Unsupported request');
  }

  const server = await startFake(opts.port ?? 0, handle, (body) => {
    faults = controlFaults(faults, body);
    if (body?.page) addPage(body.page.id, body.page.name, body.page.token);
    if (body?.expire) expire(body.expire);
    if (body?.posts) return { posts };
    return { ok: true };
  });

  function addPage(id: string, name: string, token: string) {
    const page = pages.get(id) ?? { id, name, tokens: new Set<string>(), expiredTokens: new Set<string>() };
    page.tokens.add(token);
    page.expiredTokens.delete(token);
    pages.set(id, page);
    return page;
  }
  function expire(token: string) {
    for (const p of pages.values()) if (p.tokens.delete(token)) p.expiredTokens.add(token);
  }

  return {
    baseUrl: `${server.url}/${GRAPH_VERSION}`,
    url: server.url,
    posts,
    addPage,
    expire,
    faults: () => faults,
    setFaults(f: Partial<Faults>) {
      faults = { ...noFaults(), ...f };
    },
    close: server.close,
  };
}

export type FakeFacebook = Awaited<ReturnType<typeof startFakeFacebook>>;

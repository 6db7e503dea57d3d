import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import type { ChannelView, DeliveryView } from '../../src/modules/social/schema.ts';
import type { Actor } from '../../src/platform/access.ts';
import { ENGINES } from '../support/databases.ts';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.ts';
import { startFakeZalo, type FakeZalo } from '../support/fake-zalo.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

type EvidenceRow = { id: string; kind: string; status: string; title: string; taskIds: string[]; link: string | null; unitId: string | null };

const PAGE_ID = '104857600123456';
const PAGE_TOKEN = 'EAAGpagetoken0001WXYZ';
const ZALO_APP = '2826623761416750119';
const ZALO_SECRET = 'zalo-secret-key-0001';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(ENGINES)('social channels and cross-posting on %s', (engine) => {
  let t: TestApp;
  let fb: FakeFacebook;
  let zalo: FakeZalo;
  let admin: Session;
  let editor: Session;
  let leader: Session;
  let staff: Session;
  let planId: string;
  let taskId: string;
  let articleId: string;
  let facebookId: string;
  let zaloId: string;

  /** Runs the queue until nothing is due any more (retries are 10 ms apart here). */
  async function drain(rounds = 30) {
    for (let i = 0; i < rounds; i++) {
      const n = await t.services.jobs.runDue();
      const pending = (await get<DeliveryView[]>('/api/social/deliveries')).some((d) => d.state === 'publishing' || (d.state === 'scheduled' && d.nextAttemptAt && Date.parse(d.nextAttemptAt) <= Date.now() + 50));
      if (n === 0 && !pending) return;
      await sleep(25);
    }
  }
  async function get<T>(url: string, s: Session = admin): Promise<T> {
    const res = await t.as(s, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }
  const delivery = (id: string) => get<DeliveryView>(`/api/social/deliveries/${id}`);
  const channel = async (id: string) => (await get<ChannelView[]>('/api/social/channels')).find((c) => c.id === id)!;
  const evidence = async () => get<EvidenceRow[]>(`/api/evidence?planId=${planId}&taskId=${taskId}&includeWithdrawn=true`);
  const post = async (body: object, s: Session = editor) => t.as(s, 'POST', '/api/social/posts', body);
  const free = (channels: object[], extra: object = {}) => ({ title: 'Tin tự do', link: 'https://example.vn/tin', planId, taskIds: [taskId], channels, ...extra });

  beforeAll(async () => {
    [fb, zalo] = await Promise.all([startFakeFacebook(), startFakeZalo()]);
    fb.addPage(PAGE_ID, 'Sở Dân tộc và Tôn giáo (thử)', PAGE_TOKEN);
    t = await createTestApp(engine, { FACEBOOK_GRAPH_URL: fb.baseUrl, ZALO_OPENAPI_URL: zalo.url, ZALO_OAUTH_URL: zalo.url, SOCIAL_RETRY_MS: '10', SOCIAL_TIMEOUT_MS: '400' });
    [admin, editor, leader, staff] = await Promise.all([t.login(DEMO.admin), t.login(DEMO.editor), t.login(DEMO.leader), t.login(DEMO.staff)]);
    const document = await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') });
    const year = new Date().getFullYear();
    const plan = await t.services.plans.createFromDocumentAs({ agencyId: editor.agencyId }, { ...document, year, signDate: `${year}-01-05` });
    planId = plan.id;
    taskId = plan.tasks.find((x) => x.kind === 'task' && /mạng xã hội|Fanpage|Zalo/i.test(x.content))?.id ?? plan.tasks.find((x) => x.kind === 'task')!.id;
    const categories = (await t.as(editor, 'POST', '/api/categories/defaults')).json() as { id: string }[];
    const png = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#1a5' } }).png().toBuffer();
    const media = (await t.as(editor, 'POST', '/api/media', { name: 'bia.png', base64: png.toString('base64'), alt: 'Ảnh bìa' })).json() as { id: string };
    const created = await t.as(editor, 'POST', '/api/articles', { title: 'Tuyên truyền CCHC vùng đồng bào dân tộc thiểu số', summary: 'Tóm tắt', bodyHtml: '<p>Nội dung.</p>', categoryId: categories[0]!.id, coverMediaId: media.id, taskIds: [taskId] });
    articleId = created.json().id;
    await t.as(editor, 'POST', `/api/articles/${articleId}/submit`, {});
    await t.as(leader, 'POST', `/api/articles/${articleId}/approve`, {});
    expect((await t.as(leader, 'POST', `/api/articles/${articleId}/publish`, {})).json().status).toBe('published');
    facebookId = (await t.as(admin, 'POST', '/api/social/channels', { network: 'facebook', name: 'Trang Facebook' })).json().id;
    zaloId = (await t.as(admin, 'POST', '/api/social/channels', { network: 'zalo', name: 'Zalo OA' })).json().id;
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([fb?.close(), zalo?.close()]);
  });

  it('connects a Page only with a working token; bad input stores nothing; secrets never leave the server', async () => {
    const connect = (body: object, s: Session = admin) => t.as(s, 'PUT', `/api/social/channels/${facebookId}/connection`, body);
    expect((await connect({ externalId: PAGE_ID, accessToken: PAGE_TOKEN }, editor)).statusCode).toBe(403);
    const empty = await connect({ externalId: PAGE_ID, accessToken: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/mã truy cập Trang/);
    const wrongPage = await connect({ externalId: '999999', accessToken: PAGE_TOKEN });
    expect(wrongPage.statusCode).toBe(400);
    expect(wrongPage.json().detail).toMatch(/Không có Trang Facebook với mã này/);
    const badToken = await connect({ externalId: PAGE_ID, accessToken: 'EAAGwrong' });
    expect(badToken.statusCode).toBe(400);
    expect(badToken.json().detail).toMatch(/không còn hiệu lực/);
    expect((await channel(facebookId)).health).toBe('unconfigured');

    const ok = await connect({ externalId: PAGE_ID, accessToken: PAGE_TOKEN });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ health: 'valid', healthLabel: 'Hoạt động', secretStored: true, secretHint: '…WXYZ', externalId: PAGE_ID });
    // A failed reconnect keeps the working token.
    expect((await connect({ externalId: PAGE_ID, accessToken: 'EAAGwrong' })).statusCode).toBe(400);
    const list = await t.as(admin, 'GET', '/api/social/channels');
    expect(list.body).not.toContain(PAGE_TOKEN);
    expect((await channel(facebookId)).health).toBe('valid');
    const stored = await t.db.database.db.selectFrom('social_channels').select('secrets').where('id', '=', facebookId).executeTakeFirstOrThrow();
    expect(stored.secrets).not.toContain(PAGE_TOKEN);
  });

  it('connects a Zalo OA by refreshing its token; a refused refresh token stores nothing', async () => {
    const refresh = zalo.addApp(ZALO_APP, ZALO_SECRET);
    const connect = (body: object) => t.as(admin, 'PUT', `/api/social/channels/${zaloId}/connection`, body);
    const wrong = await connect({ appId: ZALO_APP, secretKey: ZALO_SECRET, refreshToken: 'refresh-unknown' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toMatch(/refresh token/);
    const ok = await connect({ appId: ZALO_APP, secretKey: ZALO_SECRET, refreshToken: refresh });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ health: 'valid', appId: ZALO_APP, secretStored: true });
    expect(ok.body).not.toContain(ZALO_SECRET);
    expect(zalo.refreshCount()).toBe(1);
    expect((await t.as(admin, 'POST', `/api/social/channels/${zaloId}/check`)).json()).toMatchObject({ health: 'valid', healthNote: 'Zalo OA “Zalo OA thử nghiệm”' });
  });

  it('cross-posts a published article to both channels: published once each, evidence on the article task', async () => {
    const res = await post({ articleId, channels: [
      { channelId: facebookId, message: 'Mời bà con đọc bài về CCHC' },
      { channelId: zaloId, title: 'Tuyên truyền CCHC vùng đồng bào DTTS', message: 'Bài viết về cải cách hành chính.', broadcast: true },
    ] });
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json() as DeliveryView[]).map((d) => d.id);
    await drain();
    const [f, z] = await Promise.all(ids.map(delivery));
    expect(f).toMatchObject({ state: 'published', stateLabel: 'Đã đăng', network: 'facebook' });
    expect(z).toMatchObject({ state: 'published', network: 'zalo' });
    expect(f!.remoteUrl).toMatch(/^https:\/\/www\.facebook\.com\//);
    expect(z!.remoteUrl).toMatch(/^https:\/\/zalo\.me\//);
    const fbPost = fb.posts.find((p) => p.message === 'Mời bà con đọc bài về CCHC')!;
    expect(fbPost.link).toMatch(/^http:\/\/localhost:3000\/tin-bai\//);
    expect(zalo.articles.at(-1)).toMatchObject({ title: 'Tuyên truyền CCHC vùng đồng bào DTTS' });
    expect(zalo.articles.at(-1)!.coverUrl).toMatch(/^http:\/\/localhost:3000\/anh\//);
    expect(zalo.broadcasts).toHaveLength(1);
    const ev = (await evidence()).filter((e) => e.kind === 'social_post' && e.status === 'active');
    expect(ev.map((e) => e.link).sort()).toEqual([f!.remoteUrl, z!.remoteUrl].sort());
    // Counted for the composer's unit in unit reports.
    const editorUnit = (await t.services.auth.loadActor(editor.userId, editor.agencyId))!.unitId;
    expect(ev.map((e) => e.unitId)).toEqual([editorUnit, editorUnit]);
  });

  it('a forced 500 then success posts exactly once', async () => {
    fb.setFaults({ fail: { count: 1, status: 500, path: '/feed' } });
    const [d] = (await post(free([{ channelId: facebookId, message: 'Sau lỗi 500 vẫn chỉ một bài' }]))).json() as DeliveryView[];
    await t.services.jobs.runDue();
    const mid = await delivery(d!.id);
    expect(mid.state).toBe('publishing');
    expect(mid.lastError).toMatch(/HTTP 500.*Sẽ thử lại/);
    await sleep(20);
    await drain();
    expect(await delivery(d!.id)).toMatchObject({ state: 'published', attempts: 2 });
    expect(fb.posts.filter((p) => p.message === 'Sau lỗi 500 vẫn chỉ một bài')).toHaveLength(1);
  });

  it('a free post with an image and no link goes to /{page-id}/photos', async () => {
    const [d] = (await post({ title: 'Ảnh hội nghị', imageUrl: 'https://example.vn/hoi-nghi.jpg', channels: [{ channelId: facebookId, message: 'Ảnh hội nghị tại xã' }] })).json() as DeliveryView[];
    await drain();
    expect(await delivery(d!.id)).toMatchObject({ state: 'published', taskIds: [] });
    expect(fb.posts.filter((p) => p.message === 'Ảnh hội nghị tại xã')).toEqual([expect.objectContaining({ imageUrl: 'https://example.vn/hoi-nghi.jpg', link: null })]);
  });

  it('a timeout whose post went through is reconciled, not posted again', async () => {
    fb.setFaults({ slow: { count: 1, ms: 1200, path: '/feed' } });
    const [d] = (await post(free([{ channelId: facebookId, message: 'Trả lời chậm' }]))).json() as DeliveryView[];
    await t.services.jobs.runDue();
    expect((await delivery(d!.id)).lastError).toMatch(/không trả lời/);
    await sleep(20);
    await drain();
    expect(await delivery(d!.id)).toMatchObject({ state: 'published' });
    expect(fb.posts.filter((p) => p.message === 'Trả lời chậm')).toHaveLength(1);
  });

  it('an attempt cut short after the post went out (process died) is reconciled by the job run again', async () => {
    const [d] = (await post(free([{ channelId: facebookId, message: 'Tiến trình dừng giữa chừng' }]))).json() as DeliveryView[];
    // As left by a worker that died right after Facebook made the post: "publishing", attempt started, post on the page.
    await t.db.database.db.updateTable('social_deliveries').set({ state: 'publishing', attempts: 1, attempt_started_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', d!.id).execute();
    fb.posts.push({ id: `${PAGE_ID}_999001`, pageId: PAGE_ID, message: 'Tiến trình dừng giữa chừng', link: null, imageUrl: null, published: true, scheduledPublishTime: null, createdTime: new Date().toISOString() });
    await drain();
    expect(await delivery(d!.id)).toMatchObject({ state: 'published', attempts: 2 });
    expect(fb.posts.filter((p) => p.message === 'Tiến trình dừng giữa chừng')).toHaveLength(1);
  });

  it('a rate limit is retried; a 4xx refusal fails at once without retry', async () => {
    fb.setFaults({ rateLimit: { count: 1, path: '/feed' } });
    const [limited] = (await post(free([{ channelId: facebookId, message: 'Giới hạn tần suất' }]))).json() as DeliveryView[];
    await drain();
    expect(await delivery(limited!.id)).toMatchObject({ state: 'published', attempts: 2 });
    fb.setFaults({ fail: { count: 1, status: 400, path: '/feed' } });
    const [refused] = (await post(free([{ channelId: facebookId, message: 'Bị từ chối' }]))).json() as DeliveryView[];
    await drain();
    const r = await delivery(refused!.id);
    expect(r).toMatchObject({ state: 'failed', attempts: 1 });
    expect(r.lastError).toMatch(/Facebook từ chối/);
    expect((await get<DeliveryView[]>('/api/social/deliveries?state=failed')).map((x) => x.id)).toContain(refused!.id);
    // Retry from the failures list posts it (once).
    expect((await t.as(editor, 'POST', `/api/social/deliveries/${refused!.id}/retry`)).statusCode).toBe(200);
    await drain();
    expect((await delivery(refused!.id)).state).toBe('published');
    expect(fb.posts.filter((p) => p.message === 'Bị từ chối')).toHaveLength(1);
  });

  it('an expired token (code 190) marks the channel expired and the post waits until reconnect, then posts once', async () => {
    fb.expire(PAGE_TOKEN);
    const [d] = (await post(free([{ channelId: facebookId, message: 'Chờ kết nối lại' }]))).json() as DeliveryView[];
    await drain();
    expect(await delivery(d!.id)).toMatchObject({ state: 'waiting', stateLabel: 'Chờ kết nối lại' });
    expect(await channel(facebookId)).toMatchObject({ health: 'expired', healthLabel: 'Hết hạn', waitingPosts: 1 });
    // New posts are refused while the channel is down; the waiting one is not lost.
    expect((await post(free([{ channelId: facebookId, message: 'Khác' }]))).statusCode).toBe(409);
    const stillExpired = await t.as(admin, 'PUT', `/api/social/channels/${facebookId}/connection`, { externalId: PAGE_ID, accessToken: PAGE_TOKEN });
    expect(stillExpired.statusCode).toBe(400);
    expect(stillExpired.json().detail).toMatch(/hết hạn/);
    // A check now confirms it without touching the stored token.
    const checked = await t.as(admin, 'POST', `/api/social/channels/${facebookId}/check`);
    expect(checked.json()).toMatchObject({ health: 'expired', secretStored: true });
    fb.addPage(PAGE_ID, 'Sở Dân tộc và Tôn giáo (thử)', 'EAAGpagetoken0002ABCD');
    expect((await t.as(admin, 'PUT', `/api/social/channels/${facebookId}/connection`, { externalId: PAGE_ID, accessToken: 'EAAGpagetoken0002ABCD' })).json()).toMatchObject({ health: 'valid' });
    await drain();
    expect((await delivery(d!.id)).state).toBe('published');
    expect(fb.posts.filter((p) => p.message === 'Chờ kết nối lại')).toHaveLength(1);
  });

  it('refreshes an expired Zalo access token; a revoked refresh token makes the post wait', async () => {
    zalo.expireAccessTokens();
    const before = zalo.refreshCount();
    const body = free([{ channelId: zaloId, title: 'Làm mới mã truy cập', message: 'Mô tả ngắn' }], { imageUrl: 'https://example.vn/anh.jpg' });
    const [d] = (await post(body)).json() as DeliveryView[];
    await drain();
    expect((await delivery(d!.id)).state).toBe('published');
    expect(zalo.refreshCount()).toBe(before + 1);
    expect(zalo.articles.filter((a) => a.title === 'Làm mới mã truy cập')).toHaveLength(1);

    zalo.expireAccessTokens();
    zalo.revokeRefreshTokens();
    const [w] = (await post(free([{ channelId: zaloId, title: 'Bị thu hồi', message: 'Mô tả' }], { imageUrl: 'https://example.vn/anh.jpg' }))).json() as DeliveryView[];
    await drain();
    expect((await delivery(w!.id)).state).toBe('waiting');
    expect((await channel(zaloId)).health).toBe('revoked');
  });

  it('refuses text over a network limit, a Zalo post without cover and a date outside the plan year, sending nothing', async () => {
    const count = fb.posts.length;
    const long = await post(free([{ channelId: facebookId, message: 'x' }, { channelId: zaloId, title: 'T'.repeat(151), message: 'ngắn' }]));
    expect(long.statusCode).toBe(400);
    expect(long.json().detail).toMatch(/Zalo OA: tiêu đề dài 151 ký tự, vượt giới hạn 150/);
    expect(long.json().detail).toMatch(/ảnh bìa/);
    const next = new Date(Date.UTC(new Date().getFullYear() + 1, 0, 2)).toISOString();
    const outside = await post(free([{ channelId: facebookId, message: 'Năm sau' }], { scheduledAt: next }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().detail).toMatch(/năm \d{4} của kế hoạch/);
    const preview = await t.as(editor, 'POST', '/api/social/preview', free([{ channelId: zaloId, title: 'Tiêu đề', message: 'ồ'.repeat(301) }]));
    expect(preview.json().channels[0]).toMatchObject({ characters: 301, limit: 300 });
    await drain();
    expect(fb.posts.length).toBe(count);
  });

  it('records a post made by hand with its screenshot as evidence; checks the file and the date; deleting withdraws it', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#333' } }).png().toBuffer();
    const year = new Date().getFullYear();
    const manual = (body: object, s: Session = staff) => t.as(s, 'POST', '/api/social/manual', { network: 'tiktok', url: 'https://www.tiktok.com/@bdt/video/1', date: `${year}-01-10`, title: 'Video tuyên truyền', planId, taskIds: [taskId], ...body });
    const wrongYear = await manual({ date: `${year - 1}-12-31` }, admin);
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().detail).toMatch(/trong năm/);
    const notImage = await manual({ screenshot: { name: 'a.png', base64: Buffer.from('không phải ảnh').toString('base64') } }, admin);
    expect(notImage.statusCode).toBe(415);
    const big = await manual({ screenshot: { name: 'lon.png', base64: Buffer.alloc(5 * 1024 * 1024 + 10, 1).toString('base64') } }, admin);
    expect(big.statusCode).toBe(413);
    const ok = await manual({ screenshot: { name: 'chup.png', base64: png.toString('base64') } }, admin);
    expect(ok.statusCode, ok.body).toBe(200);
    const id = ok.json().id as string;
    const shot = await t.as(admin, 'GET', `/api/social/deliveries/${id}/screenshot`);
    expect(shot.headers['content-type']).toBe('image/png');
    expect((await evidence()).find((e) => e.link === 'https://www.tiktok.com/@bdt/video/1')).toMatchObject({ kind: 'social_post', status: 'active' });
    expect((await t.as(editor, 'DELETE', `/api/social/deliveries/${id}`)).json().state).toBe('deleted');
    expect((await evidence()).find((e) => e.link === 'https://www.tiktok.com/@bdt/video/1')!.status).toBe('withdrawn');
  });

  it('deleting a published post removes it on the network and withdraws its evidence', async () => {
    const [d] = (await post(free([{ channelId: facebookId, message: 'Sẽ bị xoá' }]))).json() as DeliveryView[];
    await drain();
    const url = (await delivery(d!.id)).remoteUrl;
    expect((await t.as(editor, 'DELETE', `/api/social/deliveries/${d!.id}`)).json().state).toBe('deleted');
    expect(fb.posts.filter((p) => p.message === 'Sẽ bị xoá')).toHaveLength(0);
    expect((await evidence()).find((e) => e.link === url)!.status).toBe('withdrawn');
  });

  it('schedules through the queue, or on Facebook\'s side (unpublished with scheduled_publish_time), publishing each once', async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const [queued] = (await post(free([{ channelId: facebookId, message: 'Hẹn giờ qua hàng đợi' }], { scheduledAt: soon }))).json() as DeliveryView[];
    await t.services.jobs.runDue();
    expect(await delivery(queued!.id)).toMatchObject({ state: 'scheduled', stateLabel: 'Hẹn giờ' });
    await sleep(1600);
    await drain();
    expect((await delivery(queued!.id)).state).toBe('published');

    const later = new Date(Date.now() + 20 * 60_000).toISOString();
    expect((await post(free([{ channelId: facebookId, message: 'x' }], { scheduledAt: new Date(Date.now() + 60_000).toISOString(), networkSide: true }))).statusCode).toBe(400);
    const [side] = (await post(free([{ channelId: facebookId, message: 'Hẹn giờ phía Facebook' }], { scheduledAt: later, networkSide: true }))).json() as DeliveryView[];
    await drain();
    expect(await delivery(side!.id)).toMatchObject({ state: 'scheduled', networkSide: true });
    const remote = fb.posts.filter((p) => p.message === 'Hẹn giờ phía Facebook');
    expect(remote).toHaveLength(1);
    expect(remote[0]).toMatchObject({ published: false, scheduledPublishTime: Math.floor(Date.parse(later) / 1000) });
    // Facebook's time comes: the check job finds the post and records it as published.
    remote[0]!.published = true;
    await t.db.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000).toISOString() }).where('kind', '=', 'social.deliver').where('state', '=', 'queued').execute();
    await t.db.database.db.updateTable('social_deliveries').set({ scheduled_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', side!.id).execute();
    await drain();
    expect((await delivery(side!.id)).state).toBe('published');
    expect(fb.posts.filter((p) => p.message === 'Hẹn giờ phía Facebook')).toHaveLength(1);
  });

  it('seeds demo channels marked "mẫu", not connected, holding no token, once', async () => {
    const seeded = await createTestApp(engine);
    try {
      const a = await seeded.login(DEMO.admin);
      expect(await seeded.services.social.seedDemo(a.agencyId)).toBe(2);
      expect(await seeded.services.social.seedDemo(a.agencyId)).toBe(0);
      const list = (await seeded.as(a, 'GET', '/api/social/channels')).json() as ChannelView[];
      expect(list.map((c) => [c.name, c.health, c.healthLabel, c.isDemo, c.secretStored])).toEqual([
        ['Trang Facebook của cơ quan (mẫu)', 'unconfigured', 'Chưa kết nối', true, false],
        ['Zalo OA của cơ quan (mẫu)', 'unconfigured', 'Chưa kết nối', true, false],
      ]);
    } finally {
      await seeded.close();
    }
  });

  it('keeps agencies apart', async () => {
    const other = (await t.services.org.agencyByCode('snv-bacgiang'))!;
    const outsider: Actor = { userId: 'outsider', agencyId: other.id, unitId: null, email: 'x@snv.example', fullName: 'Quản trị Sở Nội vụ', roles: ['admin'] };
    const social = t.services.social;
    expect(await social.channels.list(outsider)).toEqual([]);
    expect(await social.posts.list(outsider, {})).toEqual([]);
    const some = (await get<DeliveryView[]>('/api/social/deliveries'))[0]!;
    await expect(social.posts.get(outsider, some.id)).rejects.toMatchObject({ status: 404 });
    await expect(social.posts.retry(outsider, some.id)).rejects.toMatchObject({ status: 404 });
    await expect(social.channels.connect(outsider, facebookId, { externalId: PAGE_ID, accessToken: PAGE_TOKEN })).rejects.toMatchObject({ status: 404 });
    await expect(social.posts.compose(outsider, { title: 'x', channels: [{ channelId: facebookId, message: 'x' }] })).rejects.toMatchObject({ status: 404 });
  });
});

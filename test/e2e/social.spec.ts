import sharp from 'sharp';
import { expect, test, type Page } from '@playwright/test';
import { apiWrite, choose, DEMO_PASSWORD, ensurePlanOfThisYear, expectNoAxeViolations, login, logout, mainNav, openMenuPage, rowWith, THIS_YEAR } from './helpers.ts';
import { control, FAKE_FACEBOOK_URL, FAKE_ZALO_URL } from './social-fakes.ts';

const ADMIN = 'quantri@demo.minhbach.example';
const EDITOR = 'bientap@demo.minhbach.example';
const LEADER = 'lanhdao@demo.minhbach.example';
const COORDINATOR = 'dieuphoi@demo.minhbach.example';
const FACEBOOK_CHANNEL = 'Trang Facebook của cơ quan (mẫu)';
const ZALO_CHANNEL = 'Zalo OA của cơ quan (mẫu)';
const PAGE_ID = '104857600123456';
const TOKENS = ['EAAGe2etoken0001AAAA', 'EAAGe2etoken0002BBBB'] as const;
const ZALO = { id: '2826623761416750119', secretKey: 'zalo-e2e-secret', refreshToken: 'refresh-e2e-0001' };

type FakePost = { message: string; link: string | null };

async function api(page: Page, method: 'post' | 'put', path: string, data: unknown) {
  const res = await apiWrite(page, method, path, data);
  expect(res.ok(), `${path}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

/**
 * The article to share: this year's plan (the coordinator imports a copy of the seed plan if
 * there is none), an article with a cover on its CCHC-column task, written by the editor and
 * published by the leader, all through the API (the newsroom journey covers doing it by hand).
 */
async function publishedArticle(page: Page, title: string): Promise<void> {
  await login(page, COORDINATOR, DEMO_PASSWORD);
  await ensurePlanOfThisYear(page);
  const plans = (await (await page.request.get('/api/plans')).json()) as { id: string; year: number }[];
  await logout(page);
  await login(page, EDITOR, DEMO_PASSWORD);
  const plan = (await (await page.request.get(`/api/plans/${plans.find((p) => p.year === THIS_YEAR)!.id}`)).json()) as { tasks: { id: string; kind: string; content: string }[] };
  const task = plan.tasks.find((t) => t.kind === 'task' && t.content.includes('chuyên mục về CCHC'))!;
  const categories = (await (await page.request.get('/api/categories')).json()) as { id: string }[];
  const png = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#1a5' } }).png().toBuffer();
  const media = await api(page, 'post', '/api/media', { name: 'bia.png', base64: png.toString('base64'), alt: 'Ảnh bìa bài tuyên truyền' });
  const article = await api(page, 'post', '/api/articles', { title, summary: 'Bà con vùng cao nộp hồ sơ trực tuyến.', bodyHtml: '<p>Nội dung bài viết.</p>', categoryId: categories[0]!.id, coverMediaId: media.id, coverAlt: 'Ảnh bìa', taskIds: [task.id] });
  await api(page, 'post', `/api/articles/${article.id}/submit`, {});
  await logout(page);
  await login(page, LEADER, DEMO_PASSWORD);
  await api(page, 'post', `/api/articles/${article.id}/approve`, {});
  expect((await api(page, 'post', `/api/articles/${article.id}/publish`, {})).status).toBe('published');
  await logout(page);
}

async function connect(page: Page, channel: string, fields: Record<string, string>, expected: RegExp | string) {
  const row = rowWith(page, channel);
  await row.getByRole('button', { name: /^Kết nối( lại)?$/ }).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: 'Kiểm tra và kết nối' }).click();
  if (expected === 'Hoạt động') {
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Hoạt động');
  } else {
    await expect(page.getByText(expected).first()).toBeVisible();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  }
}

/** Composes a post of the article to the given channels (channel name → text) and sends it now. */
async function crossPost(page: Page, title: string, texts: Record<string, { message: string; title?: string }>, opts: { axe?: boolean } = {}) {
  await openMenuPage(page, 'Mạng xã hội', 'Soạn bài đăng');
  await choose(page, 'Bài viết', title, { search: title.slice(0, 20) });
  for (const [channel, text] of Object.entries(texts)) {
    await page.getByRole('checkbox', { name: channel }).check();
    if (text.title) await page.getByLabel(`Tiêu đề cho ${channel}`).fill(text.title);
    await page.getByLabel(`Nội dung cho ${channel}`).fill(text.message);
  }
  if (opts.axe) await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Đăng ngay' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bài đăng mạng xã hội' })).toBeVisible();
}

/** Reloads the posts list until the row of `text` shows `state`. */
async function expectPostState(page: Page, text: string, state: string) {
  await expect(async () => {
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await expect(rowWith(page.getByRole('tabpanel'), text).first()).toContainText(state, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

const fakePosts = async (message: string) => (await control<{ posts: FakePost[] }>(FAKE_FACEBOOK_URL, { posts: true })).posts.filter((p) => p.message === message);

test('social: connect Facebook and Zalo, cross-post a published article to both as evidence; a 500 then success posts once; an expired token makes the post wait', async ({ page }) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36).slice(-5);
  const title = `Nộp hồ sơ trực tuyến ở vùng cao, đợt ${run}`;
  await control(FAKE_FACEBOOK_URL, { reset: true, page: { id: PAGE_ID, name: 'Sở Dân tộc và Tôn giáo (thử)', token: TOKENS[0] } });
  await control(FAKE_ZALO_URL, { reset: true, app: ZALO });

  await test.step('an article is published on the portal', () => publishedArticle(page, title));

  await test.step('the admin connects both demo channels; a wrong token is refused and nothing is stored', async () => {
    await login(page, ADMIN, DEMO_PASSWORD);
    await openMenuPage(page, 'Mạng xã hội', 'Kênh mạng xã hội');
    await expect(rowWith(page, FACEBOOK_CHANNEL)).toContainText('Chưa kết nối');
    await expect(rowWith(page, FACEBOOK_CHANNEL)).toContainText('Dữ liệu mẫu');
    await expectNoAxeViolations(page);
    const facebook = { 'Mã Trang Facebook (page id)': PAGE_ID, 'Mã truy cập Trang (page access token)': 'EAAGsai' };
    await connect(page, FACEBOOK_CHANNEL, facebook, /không còn hiệu lực/);
    await expect(rowWith(page, FACEBOOK_CHANNEL)).toContainText('Chưa kết nối');
    await connect(page, FACEBOOK_CHANNEL, { ...facebook, 'Mã truy cập Trang (page access token)': TOKENS[0] }, 'Hoạt động');
    await expect(rowWith(page, FACEBOOK_CHANNEL)).toContainText('Đã lưu (…AAAA)');
    await connect(page, ZALO_CHANNEL, { 'App ID': ZALO.id, 'Khoá bí mật (secret key)': ZALO.secretKey, 'Refresh token': ZALO.refreshToken }, 'Hoạt động');
    await logout(page);
  });

  await test.step('the editor cross-posts the article to both; both are published once and are evidence on the task', async () => {
    await login(page, EDITOR, DEMO_PASSWORD);
    const fbMessage = `Mời bà con đọc bài ${run}`;
    await crossPost(page, title, { [FACEBOOK_CHANNEL]: { message: fbMessage }, [ZALO_CHANNEL]: { title: `Zalo: ${title}`, message: 'Hướng dẫn nộp hồ sơ trực tuyến.' } }, { axe: true });
    await expectPostState(page, fbMessage, 'Đã đăng');
    await expectPostState(page, `Zalo: ${title}`, 'Đã đăng');
    await expectNoAxeViolations(page);
    const [posted] = await fakePosts(fbMessage);
    expect(posted!.link).toMatch(/\/tin-bai\//);
    expect((await fakePosts(fbMessage))).toHaveLength(1);
    const { articles } = await control<{ articles: { title: string }[] }>(FAKE_ZALO_URL, { articles: true });
    expect(articles.filter((a) => a.title === `Zalo: ${title}`)).toHaveLength(1);

    await mainNav(page).getByRole('link', { name: 'Minh chứng', exact: true }).click();
    await choose(page.locator('.filter-bar'), 'Kế hoạch', `${THIS_YEAR} — `);
    await choose(page.locator('.filter-bar'), 'Lọc theo nhiệm vụ', 'Duy trì chuyên mục về CCHC', { search: 'chuyên mục về CCHC' });
    const table = page.locator('.ant-table-tbody');
    await expect(rowWith(table, `Facebook “${FACEBOOK_CHANNEL}”: ${title}`)).toHaveCount(1);
    await expect(rowWith(table, `Zalo OA “${ZALO_CHANNEL}”: ${title}`)).toHaveCount(1);
  });

  await test.step('a forced 500 then success publishes exactly once', async () => {
    await control(FAKE_FACEBOOK_URL, { fail: { count: 1, status: 500, path: '/feed' } });
    const message = `Sau lỗi máy chủ ${run}`;
    await crossPost(page, title, { [FACEBOOK_CHANNEL]: { message } });
    await expectPostState(page, message, 'Đã đăng');
    const deliveries = (await (await page.request.get('/api/social/deliveries')).json()) as { message: string; attempts: number }[];
    expect(deliveries.find((d) => d.message === message)!.attempts).toBe(2);
    expect(await fakePosts(message)).toHaveLength(1);
  });

  await test.step('an expired token shows "Hết hạn" and the post waits; after reconnecting it is published once', async () => {
    await control(FAKE_FACEBOOK_URL, { expire: TOKENS[0] });
    const message = `Chờ kết nối lại ${run}`;
    await crossPost(page, title, { [FACEBOOK_CHANNEL]: { message } });
    await expectPostState(page, message, 'Chờ kết nối lại');
    await page.getByRole('tab', { name: /Lỗi và chờ kết nối/ }).click();
    await expect(rowWith(page.getByRole('tabpanel'), message)).toContainText(/mã truy cập/i);
    expect(await fakePosts(message)).toHaveLength(0);
    await logout(page);

    await login(page, ADMIN, DEMO_PASSWORD);
    await openMenuPage(page, 'Mạng xã hội', 'Kênh mạng xã hội');
    await expect(rowWith(page, FACEBOOK_CHANNEL)).toContainText('Hết hạn');
    await control(FAKE_FACEBOOK_URL, { page: { id: PAGE_ID, name: 'Sở Dân tộc và Tôn giáo (thử)', token: TOKENS[1] } });
    await connect(page, FACEBOOK_CHANNEL, { 'Mã Trang Facebook (page id)': PAGE_ID, 'Mã truy cập Trang (page access token)': TOKENS[1] }, 'Hoạt động');
    await openMenuPage(page, 'Mạng xã hội', 'Bài đăng mạng xã hội');
    await expectPostState(page, message, 'Đã đăng');
    expect(await fakePosts(message)).toHaveLength(1);
  });
});

import { deflateSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiPost, apiWrite, choose, DEMO_PASSWORD, ensurePlanOfThisYear as importPlanOfThisYear, login, logout, mainNav, openMenuPage, rowWith, THIS_YEAR } from './helpers.ts';

/** Demo accounts of the newsroom (src/modules/org/seed-data.ts). */
const EDITOR = 'bientap@demo.minhbach.example';
const LEADER = 'lanhdao@demo.minhbach.example';
const COORDINATOR = 'dieuphoi@demo.minhbach.example';

/** The seed plan's task for the portal's CCHC column. */
const COLUMN_TASK = 'Duy trì chuyên mục về CCHC trên Cổng TTĐT';
/**
 * An article is evidence for the plan of the year it is published in, and the seed plan is of
 * 2024: the journey links its article to the same plan imported for this year (as a draft, so
 * the seed plan stays the one in force for the other journeys).
 */
const THIS_YEARS_PLAN = `${THIS_YEAR} — `;
const CATEGORY = 'Cải cách thủ tục hành chính và cơ chế một cửa';

// ---- helpers ---------------------------------------------------------------------------------

/** CRC-32 of PNG chunks (zlib.crc32 is not in every supported Node). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small valid RGB PNG (a colour gradient), made here so the test needs no fixture file. */
function makePng(width = 96, height = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, RGB, deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 160], row + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Opens an entry of the "Cổng thông tin" menu group. */
const openPortalPage = (page: Page, item: string) => openMenuPage(page, 'Cổng thông tin', item);

/** The status tag and the other markers under the editor's title. */
function articleMeta(page: Page): Locator {
  return page.locator('.article-meta');
}

const apiPut = (page: Page, path: string, data: unknown) => apiWrite(page, 'put', path, data);

/** Waits for the save of the editor (POST for a new article, PUT after) and returns the article. */
async function saveArticle(page: Page, button: string): Promise<{ id: string; slug: string; version: number; status: string }> {
  const saved = page.waitForResponse((r) => /\/api\/articles(\/[^/]+)?$/.test(new URL(r.url()).pathname) && ['POST', 'PUT'].includes(r.request().method()));
  await page.getByRole('button', { name: button, exact: true }).click();
  const response = await saved;
  expect(response.status(), await response.text()).toBeLessThan(300);
  await expect(page.getByText('Đã lưu bài viết').first()).toBeVisible();
  return (await response.json()) as { id: string; slug: string; version: number; status: string };
}

/** Presses a workflow button; when it opens a dialog, fills the note or reason and confirms. */
async function workflowStep(page: Page, button: string, path: string, opts: { dialog?: string; text?: string; confirm?: boolean } = {}) {
  const done = page.waitForResponse((r) => r.url().endsWith(`/${path}`) && r.request().method() === 'POST');
  await page.getByRole('button', { name: button, exact: true }).click();
  if (opts.confirm) {
    await page.getByRole('tooltip').getByRole('button', { name: 'Đồng ý' }).click();
  } else if (opts.dialog) {
    const dialog = page.getByRole('dialog', { name: opts.dialog });
    if (opts.text) await dialog.getByRole('textbox').fill(opts.text);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
  const response = await done;
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { status: string; actions: string[]; publicPath: string };
}

/** This year's copy of the seed plan, imported by the coordinator unless there is one. */
async function ensurePlanOfThisYear(page: Page): Promise<void> {
  await login(page, COORDINATOR, DEMO_PASSWORD);
  await importPlanOfThisYear(page);
  await logout(page);
}

/** The evidence page's task filter narrowed to the column task of this year's plan. */
async function evidenceOfColumnTask(page: Page): Promise<Locator> {
  await mainNav(page).getByRole('link', { name: 'Minh chứng', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Minh chứng' })).toBeVisible();
  await choose(page.locator('.filter-bar'), 'Kế hoạch', THIS_YEARS_PLAN);
  await choose(page.locator('.filter-bar'), 'Lọc theo nhiệm vụ', COLUMN_TASK, { search: 'chuyên mục về CCHC' });
  return page.locator('.ant-table-tbody');
}

// ---- the journey -------------------------------------------------------------------------------

test('newsroom: an editor writes and submits, the leader approves and publishes, the portal and the task show it, unpublishing removes it', async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36).slice(-5);
  const title = `Thí điểm tiếp nhận hồ sơ đăng ký hộ kinh doanh qua Zalo ở xã Tân Sơn, đợt ${run}`;
  const expectedSlug = `thi-diem-tiep-nhan-ho-so-dang-ky-ho-kinh-doanh-qua-zalo-o-xa-tan-son-dot-${run}`;
  const summary = 'Người dân gửi ảnh giấy tờ qua Zalo của Bộ phận Một cửa, nhận kết quả tại nhà.';
  const bodyText = 'Từ tháng 10, Bộ phận Một cửa tiếp nhận hồ sơ đăng ký hộ kinh doanh qua Zalo, giúp bà con vùng cao đỡ đi lại.';
  const coverAlt = 'Cán bộ một cửa hướng dẫn người dân gửi hồ sơ qua điện thoại';
  // Typed without tones or đ, as on a phone without a Vietnamese keyboard.
  const searchWords = `thi diem tiep nhan ho so dang ky ho kinh doanh qua zalo dot ${run}`;
  let articleId = '';
  let publicPath = '';

  await test.step('the editor writes a new article: slug from the title, category, body, cover with alt, the column task', async () => {
    await ensurePlanOfThisYear(page);
    await login(page, EDITOR, DEMO_PASSWORD);
    await openPortalPage(page, 'Tin bài');
    await page.getByRole('button', { name: 'Viết bài mới' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Viết bài mới' })).toBeVisible();
    const form = page.locator('form#article');

    await form.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await expect(form.getByLabel('Đường dẫn', { exact: true })).toHaveValue(expectedSlug);
    await form.getByLabel('Tóm tắt', { exact: true }).fill(summary);
    await choose(form, 'Chuyên mục', CATEGORY);
    const body = form.getByRole('textbox', { name: 'Nội dung', exact: true });
    await body.click();
    await page.keyboard.type(bodyText);
    await expect(body).toContainText(bodyText);
    // Unsaved changes are said so.
    await expect(articleMeta(page)).toContainText('Có thay đổi chưa lưu');

    await form.getByRole('button', { name: 'Chọn ảnh đại diện' }).click();
    const picker = page.getByRole('dialog', { name: 'Chọn ảnh đại diện' });
    // A click while the dialog is still opening focuses the tab without selecting it: click until selected.
    const uploadTab = picker.getByRole('tab', { name: 'Tải ảnh mới' });
    await expect(async () => {
      await uploadTab.click();
      await expect(uploadTab).toHaveAttribute('aria-selected', 'true', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await picker.locator('input[type=file]').setInputFiles({ name: 'anh-bia.png', mimeType: 'image/png', buffer: makePng() });
    // Nothing is sent before the image is described.
    await picker.getByRole('button', { name: 'Tải lên' }).click();
    await expect(picker.getByText('Vui lòng nhập mô tả ảnh trước khi tải lên.')).toBeVisible();
    await picker.getByLabel('Mô tả ảnh (alt) cho "anh-bia.png"').fill(coverAlt);
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/media') && r.request().method() === 'POST');
    await picker.getByRole('button', { name: 'Tải lên' }).click();
    expect((await uploaded).status()).toBe(201);
    await expect(picker).toBeHidden();
    await expect(form.getByLabel('Mô tả ảnh đại diện (alt)', { exact: true })).toHaveValue(coverAlt);

    await choose(form, 'Kế hoạch', THIS_YEARS_PLAN);
    await choose(form, 'Nhiệm vụ', COLUMN_TASK, { search: 'chuyên mục về CCHC' });

    const created = await saveArticle(page, 'Lưu bản nháp');
    articleId = created.id;
    expect(created.slug).toBe(expectedSlug);
    await expect(page).toHaveURL(new RegExp(`/admin/portal/articles/${articleId}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(articleMeta(page)).toContainText('Bản nháp');
    await expect(articleMeta(page)).not.toContainText('Có thay đổi chưa lưu');
    // The article came back as saved: its cover, alt text and task.
    await expect(form.getByLabel('Mô tả ảnh đại diện (alt)', { exact: true })).toHaveValue(coverAlt);
    await expect(form.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: 'Nhiệm vụ', exact: true }) })).toContainText(COLUMN_TASK.slice(0, 30));
  });

  await test.step('a second save makes version 2, whose diff shows the change word by word', async () => {
    const form = page.locator('form#article');
    await form.getByLabel('Tóm tắt', { exact: true }).fill(`${summary} Không mất phí.`);
    const saved = await saveArticle(page, 'Lưu');
    expect(saved.version).toBe(2);
    await page.getByRole('tab', { name: 'Các phiên bản' }).click();
    await page.getByRole('button', { name: 'Xem thay đổi của phiên bản 2' }).click();
    const diff = page.getByRole('dialog', { name: 'Thay đổi của phiên bản 2 so với phiên bản 1' });
    await expect(diff.locator('ins, .diff-word-add').filter({ hasText: 'phí' }).first()).toBeVisible();
    await diff.getByRole('button', { name: /Close|Đóng/ }).click();
    await expect(diff).toBeHidden();
  });

  await test.step('the editor submits it; approving one\'s own article is neither offered nor accepted', async () => {
    const submitted = await workflowStep(page, 'Gửi duyệt', 'submit', { dialog: 'Gửi duyệt bài', text: 'Nhờ lãnh đạo duyệt giúp.' });
    expect(submitted.status).toBe('submitted');
    await expect(articleMeta(page)).toContainText('Chờ duyệt');
    expect(submitted.actions).not.toContain('approve');
    await expect(page.getByRole('button', { name: 'Duyệt', exact: true })).toHaveCount(0);
    const refused = await apiPost(page, `/api/articles/${articleId}/approve`, {});
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain('Không thể tự duyệt bài của mình');
    await expect(page.locator('.article-history')).toContainText('Gửi duyệt');
    await expect(page.locator('.article-history')).toContainText('Nhờ lãnh đạo duyệt giúp.');
    await logout(page);
  });

  await test.step('the leader finds it in "Chờ duyệt", approves and publishes it', async () => {
    await login(page, LEADER, DEMO_PASSWORD);
    await openPortalPage(page, 'Chờ duyệt');
    await rowWith(page, title).getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const approved = await workflowStep(page, 'Duyệt', 'approve', { dialog: 'Duyệt bài', text: 'Đồng ý đăng.' });
    expect(approved.status).toBe('approved');
    await expect(articleMeta(page)).toContainText('Đã duyệt');
    const published = await workflowStep(page, 'Đăng ngay', 'publish', { confirm: true });
    expect(published.status).toBe('published');
    publicPath = published.publicPath;
    expect(publicPath).toBe(`/tin-bai/${expectedSlug}`);
    await expect(articleMeta(page)).toContainText('Đã đăng');
    await expect(page.getByRole('link', { name: 'xem trên cổng thông tin' })).toHaveAttribute('href', publicPath);
    await logout(page);
  });

  await test.step('the portal shows it at its address, in /rss.xml and in a search typed without diacritics', async () => {
    await page.goto(publicPath);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('main')).toContainText(bodyText);
    const rss = await page.request.get('/rss.xml');
    expect(rss.status()).toBe(200);
    expect(await rss.text()).toContain(title);
    await page.goto(`/tim-kiem?q=${encodeURIComponent(searchWords)}`);
    await expect(page.locator(`main a[href="${publicPath}"]`).first()).toBeVisible();
  });

  await test.step('the column task lists the article as evidence', async () => {
    await login(page, EDITOR, DEMO_PASSWORD);
    const rows = await evidenceOfColumnTask(page);
    await expect(rowWith(rows, title)).toBeVisible();
  });

  await test.step('the editor unpublishes it with a reason', async () => {
    await page.goto(`/admin/portal/articles/${articleId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const unpublished = await workflowStep(page, 'Gỡ bài', 'unpublish', { dialog: 'Gỡ bài khỏi cổng thông tin', text: 'Thông tin cần cập nhật theo quy định mới.' });
    expect(unpublished.status).toBe('unpublished');
    await expect(articleMeta(page)).toContainText('Đã gỡ');
    await expect(page.locator('.article-history')).toContainText('Thông tin cần cập nhật theo quy định mới.');
  });

  await test.step('gone from the portal, the feed, the search and the task\'s evidence', async () => {
    const gone = await page.request.get(publicPath);
    expect(gone.status()).toBe(404);
    expect(await (await page.request.get('/rss.xml')).text()).not.toContain(title);
    const search = await page.request.get(`/tim-kiem?q=${encodeURIComponent(searchWords)}`);
    expect(await search.text()).not.toContain(publicPath);
    const rows = await evidenceOfColumnTask(page);
    await expect(rowWith(rows, title)).toHaveCount(0);
  });
});

test('newsroom admin: XSS payloads in title, summary and body never run in the editor or the list', async ({ page }) => {
  const run = Date.now().toString(36).slice(-5);
  const IMG = '<img src=x onerror=window.__xss=1>';
  const SCRIPT = '<script>window.__xss=1</script>';
  const title = `XSS ${run} ${IMG}`;
  const summary = `Tóm tắt ${SCRIPT} ${IMG}`;
  const xssFired = () => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await login(page, EDITOR, DEMO_PASSWORD);
  await page.goto('/admin/portal/articles/new');
  const form = page.locator('form#article');
  await form.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await form.getByLabel('Tóm tắt', { exact: true }).fill(summary);
  await choose(form, 'Chuyên mục', CATEGORY);

  // HTML pasted into the body (as from a web page) goes through the editor's schema.
  const body = form.getByRole('textbox', { name: 'Nội dung', exact: true });
  await body.click();
  await body.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'dán');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `<p>Đoạn dán ${IMG} ${SCRIPT}<a href="javascript:window.__xss=1">liên kết</a></p><iframe src="javascript:window.__xss=1"></iframe>`);
  await expect(body).toContainText('Đoạn dán');
  const created = await saveArticle(page, 'Lưu bản nháp');
  expect(await xssFired()).toBeUndefined();

  // Raw HTML straight to the API, as a hostile client would send it.
  const raw = await apiPut(page, `/api/articles/${created.id}`, {
    title,
    summary,
    categoryId: ((await (await page.request.get(`/api/articles/${created.id}`)).json()) as { categoryId: string }).categoryId,
    bodyHtml: `<p>Thân bài</p>${IMG}${SCRIPT}<svg onload="window.__xss=1"></svg><p><a href="javascript:window.__xss=1">bấm</a></p>`,
    version: created.version,
  });
  expect(raw.status(), await raw.text()).toBe(200);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(form.getByLabel('Tiêu đề', { exact: true })).toHaveValue(title);
  await expect(form.getByRole('textbox', { name: 'Nội dung', exact: true })).toContainText('Thân bài');
  await expect(form.locator('.rte-content a[href^="javascript:"]')).toHaveCount(0);
  await expect(form.locator('.rte-content img[onerror], .rte-content script, .rte-content svg, .rte-content iframe')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Các phiên bản' }).click();
  await page.getByRole('button', { name: 'Xem thay đổi của phiên bản 2' }).click();
  await expect(page.getByRole('dialog', { name: /Thay đổi của phiên bản 2/ })).toBeVisible();
  expect(await xssFired()).toBeUndefined();

  await page.goto('/admin/portal/articles');
  await page.getByRole('searchbox', { name: 'Tìm theo tiêu đề' }).fill(`XSS ${run}`);
  await page.getByRole('searchbox', { name: 'Tìm theo tiêu đề' }).press('Enter');
  await expect(rowWith(page, `XSS ${run}`)).toBeVisible();
  await expect(rowWith(page, `XSS ${run}`)).toContainText(IMG);
  expect(await xssFired()).toBeUndefined();
  expect(dialogs).toEqual([]);
});

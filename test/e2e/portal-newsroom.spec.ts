import { expect, test, type Page } from '@playwright/test';
import { AGENCY_NAME, cspErrors, expectNoAxeViolations, mainNav } from './helpers.ts';

/** The public newsroom on the demo data seeded at start: every page type passes axe, and it all works without script. */


const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test.describe('newsroom page types have no axe violations', () => {
  test('column home, category, article', async ({ page }) => {
    const csp = cspErrors(page);
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Cải cách hành chính' }).click();
    await expect(h1(page)).toHaveText('Chuyên mục cải cách hành chính');
    await expect(page.getByRole('banner')).toContainText(AGENCY_NAME);
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: 'Các chuyên mục' }).getByRole('link', { name: 'Cải cách thủ tục hành chính và cơ chế một cửa' }).click();
    await expect(h1(page)).toHaveText('Cải cách thủ tục hành chính và cơ chế một cửa');
    await expect(page.getByRole('navigation', { name: 'Đường dẫn' })).toContainText('Cải cách hành chính');
    await expectNoAxeViolations(page);

    await page.getByRole('main').getByRole('link', { name: /^Hướng dẫn nộp hồ sơ thủ tục hành chính qua Bộ phận Một cửa/ }).click();
    await expect(h1(page)).toContainText('Hướng dẫn nộp hồ sơ thủ tục hành chính qua Bộ phận Một cửa');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('article')).toContainText(/Đăng ngày \d{2}\/\d{2}\/2024/);
    await expect(page.getByRole('link', { name: /^Facebook/ })).toHaveAttribute('href', /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=http/);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    // Structured data is a data block: it parses, and the strict CSP blocks nothing on the page.
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { '@type': string; headline: string };
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toContain('Hướng dẫn nộp hồ sơ');
    // The cover (when the article has one) loads: a WebP variant of the right width or the JPEG.
    const cover = page.locator('.cover img');
    if (await cover.count()) await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // The language version: its own lang, reached through the switcher.
    await page.getByRole('navigation', { name: 'Đọc bằng ngôn ngữ khác' }).getByRole('link', { name: 'Tiếng Tày' }).click();
    await expect(page).toHaveURL(/\/tyz$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'tyz');
    await expect(page.getByRole('banner')).toHaveAttribute('lang', 'vi');
    await expect(h1(page)).toContainText('bản tiếng Tày');
    await expectNoAxeViolations(page);
    expect(csp).toEqual([]);
  });

  test('documents list and a document', async ({ page }) => {
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Văn bản' }).click();
    await expect(h1(page)).toHaveText('Văn bản');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '61/2018/NĐ-CP' }).click();
    await expect(h1(page)).toHaveText('Nghị định số 61/2018/NĐ-CP');
    await expect(page.getByRole('main')).toContainText('Về thực hiện cơ chế một cửa, một cửa liên thông');
    await expectNoAxeViolations(page);
  });

  for (const [name, url, text] of [
    ['search results', '/tim-kiem?q=thu+tuc', /Tìm thấy \d+ kết quả cho “thu tuc”/],
    ['search without words', '/tim-kiem', 'Nhập từ khóa để tìm'],
    ['search without results', '/tim-kiem?q=khongcoketqua', 'Không tìm thấy kết quả nào cho “khongcoketqua”'],
    ['an unknown article (404)', '/tin-bai/khong-ton-tai', 'Trang bạn tìm không tồn tại'],
  ] as const) {
    test(name, async ({ page }) => {
      await page.goto(url);
      await expect(page.getByRole('main')).toContainText(text);
      await expectNoAxeViolations(page);
    });
  }
});

test('without JavaScript the search form, pagination and document filters work', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Tin mới' }).getByRole('listitem')).toHaveCount(5);

    await page.getByRole('search', { name: 'Tìm kiếm trên cổng' }).getByLabel('Từ khóa tìm kiếm').fill('thu tuc');
    await page.getByRole('search', { name: 'Tìm kiếm trên cổng' }).getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(page).toHaveURL(/\/tim-kiem\?q=thu\+tuc$/);
    await expect(page.getByRole('main')).toContainText(/Tìm thấy \d+ kết quả cho “thu tuc”/);
    await expect(page.getByRole('main').locator('mark').filter({ hasText: /^thủ tục$/i }).first()).toBeVisible();

    // "cai cach" matches most of the demo column: more than one page of results.
    await page.getByLabel('Từ khóa', { exact: true }).fill('cai cach');
    await page.getByRole('search', { name: 'Tìm tin, bài và văn bản' }).getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(page.getByRole('main')).toContainText(/\(trang 1\/\d+\)/);
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang sau' }).click();
    await expect(page).toHaveURL(/\/tim-kiem\?q=cai\+cach&trang=2$/);
    await expect(page.getByRole('main')).toContainText(/\(trang 2\/\d+\)/);
    await expect(page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang 2' })).toHaveAttribute('aria-current', 'page');

    await page.goto('/van-ban');
    await page.getByLabel('Loại văn bản').selectOption('Nghị định');
    await page.getByRole('button', { name: 'Lọc văn bản' }).click();
    await expect(page).toHaveURL(/\/van-ban\?q=&loai=Ngh%E1%BB%8B\+%C4%91%E1%BB%8Bnh&nam=$/);
    await expect(page.getByRole('main')).toContainText('Tìm thấy 4 văn bản phù hợp.');
    await expect(page.locator('script')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('feeds, sitemap and robots.txt are served', async ({ request }) => {
  const rss = await request.get('/rss.xml');
  expect(rss.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
  expect((await rss.text()).match(/<item>/g)).toHaveLength(20);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('/cai-cach-hanh-chinh/tin-cai-cach-hanh-chinh</loc>');
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /tim-kiem');
});

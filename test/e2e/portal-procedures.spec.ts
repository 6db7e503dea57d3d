import { expect, test, type Page } from '@playwright/test';
import { cspErrors, expectNoAxeViolations, mainNav } from './helpers.ts';

/**
 * The public pages of administrative procedures on the demo catalog seeded at start (codes
 * "MAU.…", the "người có uy tín" procedures): every page type passes axe, the strict CSP blocks
 * nothing (the QR code is inline SVG), search and filters work without script, the desk sheet
 * prints without the site's frame.
 */

const AMENDED = 'MAU.000001';
const ABOLISHED = 'MAU.000004';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test.describe('procedure pages have no axe violations', () => {
  test('catalog, search results, a procedure, the changes and a desk sheet', async ({ page }) => {
    const csp = cspErrors(page);
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await expect(h1(page)).toHaveText('Thủ tục hành chính');
    await expect(mainNav(page).getByRole('link', { name: 'Thủ tục hành chính' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main')).toContainText(/Có \d+ thủ tục hành chính đang có hiệu lực\./);
    await expectNoAxeViolations(page);

    await page.goto('/thu-tuc-hanh-chinh?q=nguoi+co+uy+tin');
    await expect(page.getByRole('main')).toContainText(/Tìm thấy \d+ thủ tục cho “nguoi co uy tin”/);
    await expect(page.getByRole('link', { name: 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số (mẫu)' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số (mẫu)' }).click();
    await expect(h1(page)).toHaveText('Công nhận người có uy tín trong đồng bào dân tộc thiểu số (mẫu)');
    await expect(page.getByRole('table', { name: /Cách thức thực hiện/ }).getByRole('columnheader', { name: 'Phí, lệ phí' })).toBeVisible();
    await expect(page.getByRole('table', { name: /Cách thức thực hiện/ }).getByRole('rowheader', { name: 'Trực tiếp' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Xem trên Cổng Dịch vụ công quốc gia' })).toHaveAttribute('href', /^https:\/\/dichvucong\.gov\.vn\/.*ma_thu_tuc=MAU\.000001$/);
    await expect(page.getByRole('table', { name: /Các phiên bản/ })).toContainText('Sửa đổi, bổ sung');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Bản niêm yết (in khổ A4)' }).click();
    await expect(h1(page)).toHaveText('NIÊM YẾT THỦ TỤC HÀNH CHÍNH');
    await expect(page.getByRole('img', { name: /^Mã QR dẫn tới http.*\/thu-tuc-hanh-chinh\/MAU\.000001$/ })).toBeVisible();
    await expectNoAxeViolations(page);
    // Printed: no navigation, header or footer, only the sheet.
    await page.emulateMedia({ media: 'print' });
    await expect(mainNav(page)).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Tải bản PDF' })).toBeHidden();
    await expect(h1(page)).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.request.get(await page.getByRole('link', { name: 'Tải bản PDF' }).getAttribute('href') ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.goto('/thu-tuc-hanh-chinh/thay-doi');
    await expect(h1(page)).toHaveText('Thủ tục hành chính mới được cập nhật');
    await expect(page.getByRole('table')).toContainText('Bãi bỏ');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: ABOLISHED }).first().click();
    await expect(page.getByRole('main')).toContainText(/Đã bãi bỏ từ \d{2}\/\d{2}\/\d{4}/);
    await expectNoAxeViolations(page);

    await page.goto('/thu-tuc-hanh-chinh/linh-vuc/cong-tac-dan-toc/niem-yet');
    await expect(page.getByRole('main')).toContainText('Lĩnh vực: Công tác dân tộc');
    await expectNoAxeViolations(page);
    expect(csp).toEqual([]);
  });
});

test('without JavaScript the search form, filters and the as-of form work', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto('/thu-tuc-hanh-chinh');
    const form = page.getByRole('search', { name: 'Tìm thủ tục hành chính' });
    await form.getByLabel('Tên, mã thủ tục hoặc từ khóa').fill('nguoi co uy tin');
    await form.getByLabel('Lĩnh vực').selectOption({ label: 'Công tác dân tộc' });
    await form.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await expect(page).toHaveURL(/\/thu-tuc-hanh-chinh\?q=nguoi\+co\+uy\+tin&linh-vuc=cong-tac-dan-toc&cap=&truc-tuyen=$/);
    await expect(page.getByRole('main')).toContainText(/Tìm thấy \d+ thủ tục cho “nguoi co uy tin” trong lĩnh vực Công tác dân tộc\./);
    await expect(page.getByLabel('Tên, mã thủ tục hoặc từ khóa')).toHaveValue('nguoi co uy tin');

    await page.getByRole('link', { name: 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số (mẫu)' }).click();
    await expect(page).toHaveURL(new RegExp(`/thu-tuc-hanh-chinh/${AMENDED.replace('.', '\\.')}$`));
    // The first version, through the as-of form (a GET form to the page itself).
    const firstDay = (await page.getByRole('table', { name: /Các phiên bản/ }).getByRole('row').last().getByRole('cell').nth(1).textContent())!.trim();
    const [d, m, y] = firstDay.split('/');
    await page.getByLabel('Xem nội dung thủ tục vào ngày').fill(`${y}-${m}-${d}`);
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`\\?ngay=${y}-${m}-${d}$`));
    await expect(page.getByRole('main')).toContainText(`Nội dung thủ tục có hiệu lực vào ngày ${firstDay}.`);
    await expect(page.getByRole('main')).toContainText(/Từ ngày \d{2}\/\d{2}\/\d{4}: sửa đổi, bổ sung/);
    await expect(page.locator('script')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

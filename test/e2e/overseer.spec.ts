import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { choose, cspErrors, DEMO_PASSWORD, expectNoAxeViolations, login, mainNav, rowWith } from './helpers.ts';

const OVERSEER = 'sonoivu@demo.minhbach.example';
/** The seed agency under the name it had in 2024, and the overseer's own (demo) department. */
const SEED_AGENCY_2024 = 'Ban Dân tộc tỉnh Bắc Giang';
const OVERSEER_AGENCY = 'Sở Nội vụ tỉnh Bắc Giang';

async function saved(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

async function downloadFrom(page: Page, button: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: button }).or(page.getByRole('button', { name: button })).first().click()]);
  return download;
}

test('the province overseer ranks the agencies, opens one read-only and downloads the roll-up', async ({ page }) => {
  const blocked = cspErrors(page);

  await test.step('Sở Nội vụ signs in and lands on "Toàn tỉnh"', async () => {
    await login(page, OVERSEER, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/admin\/province$/);
    await expect(mainNav(page).getByRole('link', { name: 'Toàn tỉnh', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: /^Toàn tỉnh/ })).toBeVisible();
  });

  await test.step('the 2024 ranking lists the agencies of the province, with the province\'s name of 2024', async () => {
    await choose(page, 'Năm kế hoạch', 'Năm 2024');
    await expect(page).toHaveURL(/year=2024/);
    await expect(page.getByRole('heading', { level: 1, name: 'Toàn tỉnh Bắc Giang' })).toBeVisible();
    const ranking = page.locator('.ant-card').filter({ hasText: 'Xếp hạng các cơ quan năm 2024' });
    const seedRow = rowWith(ranking, SEED_AGENCY_2024);
    await expect(seedRow).toBeVisible();
    // The seed agency has an approved 2024 plan with tasks due: it is ranked first on completion.
    await expect(seedRow.locator('td').first()).toHaveText('1');
    await expect(seedRow).toContainText('%');
    // The overseer's own department has no plan: listed, marked as demo data, unranked.
    const own = rowWith(ranking, OVERSEER_AGENCY);
    await expect(own).toContainText('Chưa có kế hoạch được phê duyệt');
    await expect(own).toContainText('Dữ liệu mẫu');
    await expect(page.getByRole('heading', { name: 'Báo cáo trễ hạn, chưa nộp' }).or(page.getByText('Báo cáo trễ hạn, chưa nộp'))).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('the roll-up report downloads as DOCX (Decree 30) and XLSX with the province\'s agencies', async () => {
    const docx = await downloadFrom(page, 'Tải báo cáo tổng hợp (DOCX)');
    expect(docx.suggestedFilename()).toBe('Tong-hop-CCHC-toan-tinh-2024.docx');
    const text = (await mammoth.extractRawText({ buffer: await saved(docx) })).value;
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'trên địa bàn tỉnh Bắc Giang', SEED_AGENCY_2024, `${OVERSEER_AGENCY} (mẫu)`]) expect(text, line).toContain(line);

    const xlsx = await downloadFrom(page, 'Tải bảng tổng hợp (XLSX)');
    expect(xlsx.suggestedFilename()).toBe('Tong-hop-CCHC-toan-tinh-2024.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await saved(xlsx)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toContain(SEED_AGENCY_2024);
  });

  await test.step('an agency opens read-only: its plan\'s progress and its reports, no button that changes anything', async () => {
    const rate = await rowWith(page.locator('.ant-card').filter({ hasText: 'Xếp hạng' }), SEED_AGENCY_2024).locator('td').nth(3).innerText();
    await page.getByRole('link', { name: SEED_AGENCY_2024, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: SEED_AGENCY_2024 })).toBeVisible();
    await expect(page.getByText('Tỉ lệ hoàn thành đúng hạn')).toBeVisible();
    // The same completion rate as on the ranking (both are the agency's own progress figures).
    await expect(page.locator('.stat-cards .ant-card').first()).toContainText(rate.split(' (')[0]!);
    await expect(page.getByRole('heading', { name: 'Tiến độ từng nhiệm vụ' }).or(page.getByText('Tiến độ từng nhiệm vụ'))).toBeVisible();
    await expect(page.getByText('Báo cáo định kỳ', { exact: true }).first()).toBeVisible();
    const plan = await downloadFrom(page, 'Tải kế hoạch (DOCX)');
    expect((await mammoth.extractRawText({ buffer: await saved(plan) })).value).toContain('KẾ HOẠCH');
    // The pointer off the clicked button: axe judges the page at rest, not antd's hover colour.
    await page.mouse.move(0, 0);
    await expect(page.locator('.admin-content').getByRole('button', { name: /Sửa|Thêm|Xoá|Xóa|Lưu|Gửi|Duyệt|Ghi|Mở kỳ|Trả lại|Ban hành|Nhập/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '← Toàn tỉnh' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Toàn tỉnh Bắc Giang' })).toBeVisible();
  });

  expect(blocked).toEqual([]);
});

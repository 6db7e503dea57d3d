import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, login, openFromMenu, rowWith } from './helpers.ts';

/** The seed agency's signed 2024 plan as extracted text, shared with the importer's tests. */
// The repository's copy of the real signed plan (same bytes as the shared fixture).
const FIXTURE = resolve(process.cwd(), 'seed/plans/bdt-bacgiang-2024.txt');

/** The task table of the plan page (the "Nhiệm vụ" tab). */
function taskTable(page: Page) {
  return page.getByRole('tabpanel', { name: /Nhiệm vụ/ }).getByRole('table');
}

test('import wizard: read a plan file, fix a warning in place, save, then edit a task', async ({ page }) => {
  expect(existsSync(FIXTURE), `fixture missing: ${FIXTURE}`).toBe(true);
  await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);

  await test.step('"Kế hoạch" → "Nhập kế hoạch" → upload the file → "Đọc thử"', async () => {
    await openFromMenu(page, 'Kế hoạch');
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nhập kế hoạch' })).toBeVisible();
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await expect(page.getByText('bdt-bacgiang-2024.txt')).toBeVisible();
    // Nothing is written before the last step: reading is a preview.
    const preview = page.waitForResponse((r) => r.url().endsWith('/api/plans/import/preview'));
    await page.getByRole('button', { name: 'Đọc thử' }).click();
    expect((await preview).status()).toBe(200);
  });

  await test.step('the preview shows 3 groups and 8 tasks, with the warnings in place', async () => {
    await expect(page.getByText('Đã đọc được 4 mục, 3 nhóm và 8 nhiệm vụ.')).toBeVisible();
    // A warning about a plan field shows on that field until the user fills it.
    const signDate = page.locator('.ant-form-item').filter({ has: page.getByLabel('Ngày ký', { exact: true }) });
    await expect(signDate).toContainText('Chưa có ngày ký');
    await page.getByLabel('Ngày ký', { exact: true }).fill('05/02/2024');
    await page.getByLabel('Ngày ký', { exact: true }).press('Enter');
    await expect(signDate).not.toContainText('Chưa có ngày ký');
  });

  await test.step('a blanked deadline is flagged on its row until a deadline is typed', async () => {
    const due = page.getByLabel('Thời gian hoàn thành, nhiệm vụ 2', { exact: true });
    const row = page.getByRole('row').filter({ has: due });
    await expect(due).toHaveValue('Cả năm 2024');
    await expect(row).not.toContainText('chưa có thời gian hoàn thành');
    await due.fill('');
    await expect(row).toContainText('Nhiệm vụ chưa có thời gian hoàn thành.');
    await due.fill('Quý II/2024');
    await expect(row).not.toContainText('chưa có thời gian hoàn thành');
  });

  let planId = '';
  await test.step('"Tiếp tục" → "Lưu kế hoạch" saves a draft and opens it', async () => {
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(page.getByRole('row', { name: /Số nhiệm vụ/ })).toContainText('8');
    await expect(page.getByRole('row', { name: /Ngày ký/ })).toContainText('05/02/2024');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/plans/import') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    const response = await saved;
    expect(response.status()).toBe(201);
    planId = ((await response.json()) as { id: string }).id;
    await expect(page).toHaveURL(new RegExp(`/admin/plans/${planId}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Tuyên truyền cải cách hành chính nhà nước năm 2024' })).toBeVisible();
    await expect(page.getByText('Dự thảo', { exact: true })).toBeVisible();
  });

  await test.step('the plan page lists the 8 tasks (and 3 groups); the typed deadline was understood', async () => {
    await expect(page.getByRole('tab', { name: 'Nhiệm vụ (8)' })).toBeVisible();
    // 8 tasks + 3 groups + the header row.
    await expect(taskTable(page).getByRole('row')).toHaveCount(12);
    const row = rowWith(taskTable(page), 'Đăng tải lên Cổng TTĐT các văn bản');
    await expect(row).toContainText('Quý II/2024');
    await expect(row).toContainText('Hạn: 30/06/2024');
  });

  await test.step('editing a task of a draft saves without asking for a reason, and survives a reload', async () => {
    const product = 'Tin, bài trên Cổng TTĐT và trang Facebook';
    await page.getByRole('button', { name: /^Sửa dòng Công khai các TTHC/ }).click();
    const editor = page.getByRole('dialog', { name: 'Sửa nhiệm vụ' });
    await editor.getByLabel('Kết quả/sản phẩm', { exact: true }).fill(product);
    const patched = page.waitForResponse((r) => r.url().includes('/api/plan-tasks/') && r.request().method() === 'PATCH');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    expect((await patched).status()).toBe(200);
    await expect(editor).toBeHidden();
    await expect(page.getByRole('dialog', { name: 'Lý do điều chỉnh' })).toHaveCount(0);
    await expect(rowWith(taskTable(page), 'Công khai các TTHC tại Bộ phận một cửa')).toContainText(product);
    await page.reload();
    await expect(rowWith(taskTable(page), 'Công khai các TTHC tại Bộ phận một cửa')).toContainText(product);
  });
});

test('a plan in force: a change asks for a reason, then shows in "Lịch sử" with its diff', async ({ page }) => {
  const run = Date.now().toString(36).slice(-6);
  const reason = `Bổ sung sản phẩm theo chỉ đạo (${run})`;
  const product = `Kế hoạch và báo cáo ${run}`;
  await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await openFromMenu(page, 'Kế hoạch');
  await rowWith(page, 'Đang thực hiện').getByRole('link', { name: 'Tuyên truyền cải cách hành chính nhà nước năm 2024' }).click();
  await expect(page.getByText('Đang thực hiện', { exact: true })).toBeVisible();
  let before = '';

  await test.step('saving a task edit asks for the reason first; cancelling it saves nothing', async () => {
    await page.getByRole('button', { name: 'Sửa dòng A. Xây dựng Kế hoạch tuyên truyền năm 2024' }).click();
    const editor = page.getByRole('dialog', { name: 'Sửa nhiệm vụ' });
    // "Kế hoạch" as signed (or what an earlier run of this test left).
    before = await editor.getByLabel('Kết quả/sản phẩm', { exact: true }).inputValue();
    expect(before).toMatch(/^Kế hoạch/);
    await editor.getByLabel('Kết quả/sản phẩm', { exact: true }).fill(product);
    await editor.getByRole('button', { name: 'Lưu' }).click();
    const asking = page.getByRole('dialog', { name: 'Lý do điều chỉnh' });
    await expect(asking).toBeVisible();
    await asking.getByRole('button', { name: 'Hủy' }).click();
    await expect(asking).toBeHidden();
    await expect(editor).toBeVisible();

    await editor.getByRole('button', { name: 'Lưu' }).click();
    await asking.getByLabel('Lý do điều chỉnh', { exact: true }).fill(reason);
    const patched = page.waitForResponse((r) => r.url().includes('/api/plan-tasks/') && r.request().method() === 'PATCH');
    await asking.getByRole('button', { name: 'Xác nhận' }).click();
    const response = await patched;
    expect(response.status()).toBe(200);
    expect(response.request().postDataJSON()).toMatchObject({ product, reason });
    await expect(editor).toBeHidden();
    await expect(rowWith(taskTable(page), 'Xây dựng Kế hoạch tuyên truyền năm 2024')).toContainText(product);
  });

  await test.step('"Lịch sử" lists the revision with its reason; the comparison shows the field before → after', async () => {
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    const history = page.getByRole('tabpanel', { name: 'Lịch sử' });
    const revision = rowWith(history, reason);
    await expect(revision).toHaveCount(1);
    await expect(revision).toContainText('Quản trị hệ thống');
    const change = rowWith(history, 'Kết quả/sản phẩm');
    await expect(change).toHaveCount(1);
    await expect(change.locator('.diff-before')).toHaveText(before);
    await expect(change.locator('.diff-after')).toHaveText(product);
    await expect(history).toContainText('Xây dựng Kế hoạch tuyên truyền năm 2024');
  });
});

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** The public plan pages: the seed plan (imported and in force at first start) is listed and readable. */
test('the seed plan is on the portal: list, task table, original file, no axe violations', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kế hoạch CCHC' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kế hoạch tuyên truyền cải cách hành chính');
  let { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole('link', { name: 'Tuyên truyền cải cách hành chính nhà nước năm 2024' }).click();
  const table = page.getByRole('region', { name: 'Bảng nhiệm vụ' }).getByRole('table');
  await expect(table).toContainText('Xây dựng Kế hoạch tuyên truyền năm 2024');
  await expect(table).toContainText('Lồng ghép tuyên truyền CCHC vào Hội thi tìm hiểu pháp luật');
  // 8 task rows + 3 group rows + the header row.
  await expect(table.getByRole('row')).toHaveCount(12);
  ({ violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze());
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const download = await page.request.get((await page.getByRole('link', { name: /Tải văn bản gốc/ }).getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(await download.text()).toContain('Tuyên truyền cải cách hành chính nhà nước năm 2024');
});

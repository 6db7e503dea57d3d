import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { choose, cspErrors, DEMO_COORDINATOR, DEMO_PASSWORD, expectNoAxeViolations, login, openFromMenu, openMenuPage, rowWith } from './helpers.ts';

/** The seed plan's B.2 task on conferences and trainings for ethnic-minority communities and prestigious people. */
const B2_TASK = 'Lồng ghép tuyên truyền CCHC tại các Hội nghị tập huấn';
const TITLE = 'Hội nghị cung cấp thông tin về dịch vụ công trực tuyến cho người có uy tín';
const COMMUNE = 'Xã vùng cao mẫu 2 (mẫu)';

async function typeDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

/** The cells of a downloaded XLSX sheet, as text. */
async function sheetTexts(page: Page, href: string, sheet: string): Promise<string[]> {
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const texts: string[] = [];
  book.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
  return texts;
}

test('an event recorded for a B.2 task counts in the task\'s progress and in the quarterly report', async ({ page }) => {
  const csp = cspErrors(page);
  await login(page, DEMO_COORDINATOR, DEMO_PASSWORD);

  await test.step('the events page shows the demo year, as a list and as a month calendar', async () => {
    await openMenuPage(page, 'Tuyên truyền trực tiếp', 'Hội nghị, tập huấn');
    await expect(page.getByRole('combobox', { name: 'Năm', exact: true }).locator('..').locator('..')).toContainText('Năm 2024');
    await expect(rowWith(page, 'Hội thi tìm hiểu pháp luật về công tác dân tộc có lồng ghép CCHC (mẫu)')).toContainText('Dữ liệu mẫu');
    await page.getByRole('tab', { name: 'Lịch tháng' }).click();
    await expect(page.getByRole('button', { name: /Tập huấn cho người có uy tín .*\(mẫu\)/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('tab', { name: 'Danh sách' }).click();
  });

  await test.step('the coordinator records a conference in a commune of 2024 on the B.2 task; more women than participants is refused', async () => {
    await page.getByRole('button', { name: 'Ghi sự kiện' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi sự kiện' });
    await choose(dialog, 'Hình thức', 'Hội nghị');
    await dialog.getByLabel('Tên sự kiện', { exact: true }).fill(TITLE);
    await typeDate(dialog, 'Từ ngày', '10/10/2024');
    await typeDate(dialog, 'Đến ngày', '10/10/2024');
    await expect(dialog.getByText('Danh sách xã, phường có hiệu lực ngày 10/10/2024.')).toBeVisible();
    await choose(dialog, 'Xã, phường', COMMUNE, { search: 'mẫu 2' });
    await dialog.getByLabel('Địa chỉ', { exact: true }).fill('Nhà văn hoá thôn Đồng Bủa');
    await choose(dialog, 'Đối tượng', 'Người có uy tín');
    await dialog.getByLabel('Số người tham dự', { exact: true }).fill('85');
    await dialog.getByLabel('Trong đó nữ', { exact: true }).fill('90');
    await dialog.getByLabel('Người dân tộc thiểu số', { exact: true }).fill('70');
    await choose(dialog, 'Nhiệm vụ', B2_TASK);
    // The content items come from the plan's "Nội dung tuyên truyền" section.
    await choose(dialog, 'Nội dung kế hoạch được lồng ghép', '4. Tích cực tuyên truyền các nội dung');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog.getByText('Số nữ không được lớn hơn tổng số người tham dự (85).')).toBeVisible();
    await dialog.getByLabel('Trong đó nữ', { exact: true }).fill('40');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/events') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    expect((await saved).status()).toBe(201);
    await expect(dialog).toHaveCount(0);
    const row = rowWith(page, TITLE);
    await expect(row).toContainText(COMMUNE);
    await expect(row).toContainText('85 (40 / 70)');
    await expect(row).toContainText(B2_TASK);
  });

  await test.step('the filtered list exports to XLSX with the event', async () => {
    await choose(page, 'Lọc theo hình thức', 'Hội nghị');
    await expect(rowWith(page, TITLE)).toBeVisible();
    const href = await page.getByRole('link', { name: /Xuất Excel/ }).getAttribute('href');
    expect(href).toContain('kind=conference');
    const texts = await sheetTexts(page, href!, 'Sự kiện');
    expect(texts).toContain(TITLE);
    expect(texts).toContain(COMMUNE);
    expect(texts.some((t) => t.startsWith('4. Tích cực tuyên truyền các nội dung trong công tác CCHC'))).toBe(true);
  });

  await test.step('the task\'s progress lists the event as evidence', async () => {
    await openFromMenu(page, 'Tiến độ');
    const tasks = page.locator('.ant-card').filter({ hasText: 'Tiến độ từng nhiệm vụ' });
    await tasks.getByRole('button', { name: new RegExp(`^${B2_TASK}`) }).click();
    const drawer = page.getByRole('dialog', { name: new RegExp(`^Minh chứng: ${B2_TASK}`) });
    await expect(rowWith(drawer, `Hội nghị: ${TITLE}`)).toBeVisible();
    await drawer.getByRole('button', { name: /Close|Đóng/ }).first().click();
  });

  await test.step('the fourth quarter\'s consolidated report counts it and lists it in its annex', async () => {
    await openFromMenu(page, 'Báo cáo định kỳ');
    await page.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mở kỳ báo cáo' });
    await choose(dialog, 'Kỳ', 'Quý IV');
    await expect(dialog.getByLabel('Từ ngày', { exact: true })).toHaveValue('15/09/2024');
    const opened = page.waitForResponse((r) => r.url().endsWith('/api/periods') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Mở kỳ', exact: true }).click();
    expect((await opened).status()).toBe(201);
    await expect(page.getByRole('heading', { level: 1, name: 'Kỳ báo cáo Quý IV/2024' })).toBeVisible();
    const card = page.locator('.ant-card').filter({ hasText: 'Báo cáo tổng hợp của cơ quan' });
    await expect(card).toContainText(/Hội nghị: \d+/);
    const href = await card.getByRole('link', { name: 'Tải phụ lục XLSX' }).getAttribute('href');
    const texts = await sheetTexts(page, href!, 'Minh chứng');
    expect(texts.some((t) => t.includes(TITLE))).toBe(true);
  });

  expect(csp).toEqual([]);
});

test('administrative areas: the communes in force change on 1/7/2025', async ({ page }) => {
  await login(page, DEMO_COORDINATOR, DEMO_PASSWORD);
  await openMenuPage(page, 'Tuyên truyền trực tiếp', 'Đơn vị hành chính');
  await typeDate(page.locator('.filter-bar'), 'Có hiệu lực ngày', '30/06/2025');
  await expect(rowWith(page, 'Xã vùng cao mẫu 1 (mẫu)')).toBeVisible();
  await expect(rowWith(page, 'Xã mới sau sắp xếp mẫu 1 (mẫu)')).toHaveCount(0);
  await typeDate(page.locator('.filter-bar'), 'Có hiệu lực ngày', '01/07/2025');
  await expect(rowWith(page, 'Xã mới sau sắp xếp mẫu 1 (mẫu)')).toBeVisible();
  await expect(rowWith(page, 'Xã vùng cao mẫu 1 (mẫu)')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // An import with a bad row writes nothing and says which row; the corrected file is imported.
  const header = 'Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến,Thay bằng';
  const file = (lines: string[]) => ({ name: 'don-vi-hanh-chinh.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\r\n'), 'utf8') });
  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị hành chính' });
  await dialog.locator('input[type=file]').setInputFiles(file(['E2E-1,Xã Kiểm Thử,Xã,MAU-T,01/07/2025,,', 'E2E-2,Xã Lỗi,Thôn,MAU-T,01/07/2025,,']));
  await expect(dialog.getByText('Tệp có 1 dòng lỗi; chưa nhập dòng nào. Hãy sửa rồi nhập lại.')).toBeVisible();
  await expect(rowWith(dialog, 'Dòng 3: cấp "Thôn" không rõ')).toBeVisible();
  await dialog.locator('input[type=file]').setInputFiles(file(['E2E-1,Xã Kiểm Thử,Xã,MAU-T,01/07/2025,,']));
  await expect(dialog.getByText('Đã nhập 1 đơn vị hành chính mới và cập nhật 0 đơn vị.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Đóng' }).first().click();
  await expect(rowWith(page, 'Xã Kiểm Thử')).toContainText('01/07/2025');
});

test('the coordinator adds an audience, and the event form offers it', async ({ page }) => {
  await login(page, DEMO_COORDINATOR, DEMO_PASSWORD);
  await openMenuPage(page, 'Tuyên truyền trực tiếp', 'Hội nghị, tập huấn');
  await page.getByRole('button', { name: 'Đối tượng tuyên truyền' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đối tượng tuyên truyền' });
  await expect(dialog.getByLabel('Đối tượng 2', { exact: true })).toHaveValue('Người có uy tín');
  await dialog.getByRole('button', { name: 'Thêm đối tượng' }).click();
  await dialog.getByLabel('Đối tượng 9', { exact: true }).fill('Chức sắc, chức việc tôn giáo');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Ghi sự kiện' }).click();
  const form = page.getByRole('dialog', { name: 'Ghi sự kiện' });
  await choose(form, 'Đối tượng', 'Chức sắc, chức việc tôn giáo');
});

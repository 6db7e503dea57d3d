import { expect, test, type Locator, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  DEMO_COORDINATOR,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DEMO_UNIT_HEAD,
  login,
  logout,
  openFromMenu,
  pickOption,
  rowWith,
} from './helpers.ts';

/** The seed plan's task Phòng KH-TT leads (a contest; its demo evidence is in August, outside Q1). */
const CONTEST_TASK = 'Lồng ghép tuyên truyền CCHC vào Hội thi';
const EVIDENCE_TITLE = 'Hội thi tìm hiểu pháp luật về công tác dân tộc tại xã (quý I)';
const NARRATIVE = 'Phối hợp tổ chức Hội thi tại xã, lồng ghép nội dung cải cách hành chính.';
const DIFFICULTIES = 'Kinh phí tổ chức hội thi ở cơ sở còn hạn chế.';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Types a dd/mm/yyyy date into the antd date picker labelled `label`. */
async function typeDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

/** Adds a quantity row in the evidence dialog: picks the measure, types the number. */
async function addQuantity(dialog: Locator, index: number, measure: string, quantity: number): Promise<void> {
  const page = dialog.page();
  await dialog.getByRole('button', { name: 'Thêm số lượng' }).click();
  const select = dialog.getByRole('combobox', { name: `Đơn vị đo ${index}`, exact: true });
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${measure}$`) });
  const row = dialog.locator('.target-row').nth(index - 1);
  // Retried as a whole, like pickOption: the dropdown may still be animating when clicked.
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    await option.click({ timeout: 2000 });
    await expect(row).toContainText(measure, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByRole('spinbutton', { name: `Số lượng ${index}`, exact: true }).fill(String(quantity));
}

/** Picks the option containing `label` in the filter select named `name` (typing to search first). */
async function pickFilter(page: Page, name: string, label: string): Promise<void> {
  const select = page.getByRole('combobox', { name, exact: true });
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first();
  const bar = page.locator('.filter-bar');
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) {
      await select.click();
      await select.fill(label);
    }
    await option.click({ timeout: 2000 });
    await expect(bar).toContainText(label, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** The period page's table of unit reports. */
function unitsCard(page: Page): Locator {
  return page.locator('.ant-card').filter({ hasText: 'Báo cáo của các đơn vị' });
}

/** Opens a period from the "Báo cáo định kỳ" list. */
async function openPeriod(page: Page, label: string): Promise<void> {
  await openFromMenu(page, 'Báo cáo định kỳ');
  await page.getByRole('link', { name: label, exact: true }).click();
}

test('a quarter from evidence to the consolidated report: record, write, approve, accept, download', async ({ page }) => {
  let periodId = '';

  await test.step('the coordinator opens "Quý I/2024" with the decree\'s dates and a later lock date', async () => {
    await login(page, DEMO_COORDINATOR, DEMO_PASSWORD);
    await openFromMenu(page, 'Báo cáo định kỳ');
    await page.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mở kỳ báo cáo' });
    // Quarter I is the default choice; its dates follow Decree 09/2019 (cut-off on the 14th).
    await expect(dialog.getByLabel('Từ ngày', { exact: true })).toHaveValue('15/12/2023');
    await expect(dialog.getByLabel('Đến ngày', { exact: true })).toHaveValue('14/03/2024');
    await expect(dialog.getByLabel('Hạn nộp', { exact: true })).toHaveValue('16/03/2024');
    await expect(dialog.getByLabel('Ngày khóa sổ', { exact: true })).toHaveValue('24/03/2024');
    // That lock date has passed: the units could no longer write, so the coordinator moves it.
    await expect(dialog.getByText('Ngày khóa sổ đã qua')).toBeVisible();
    await typeDate(dialog, 'Ngày khóa sổ', '31/12/2099');
    await expect(dialog.getByText('Ngày khóa sổ đã qua')).toHaveCount(0);
    const opened = page.waitForResponse((r) => r.url().endsWith('/api/periods') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Mở kỳ', exact: true }).click();
    const response = await opened;
    expect(response.status()).toBe(201);
    periodId = ((await response.json()) as { id: string }).id;
    await expect(page).toHaveURL(new RegExp(`/admin/reports/periods/${periodId}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Kỳ báo cáo Quý I/2024' })).toBeVisible();
    await expect(rowWith(unitsCard(page), 'Phòng KH-TT')).toContainText('Chưa bắt đầu');
    await logout(page);
  });

  await test.step('the staff member records evidence of the contest on 10/03/2024', async () => {
    await login(page, DEMO_STAFF, DEMO_PASSWORD);
    await openFromMenu(page, 'Minh chứng');
    await page.getByRole('button', { name: 'Ghi minh chứng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi minh chứng' });
    await pickOption(dialog, 'Nhiệm vụ', CONTEST_TASK, { search: true });
    await pickOption(dialog, 'Loại', 'Hội nghị, tập huấn, hội thi');
    await typeDate(dialog, 'Ngày', '10/03/2024');
    // Staff record for their own unit only: shown, not chosen.
    await expect(dialog.getByLabel('Đơn vị', { exact: true })).toHaveValue('Phòng KH-TT');
    await expect(dialog.getByLabel('Đơn vị', { exact: true })).toBeDisabled();
    await dialog.getByLabel('Tiêu đề', { exact: true }).fill(EVIDENCE_TITLE);
    await dialog.getByLabel('Liên kết', { exact: true }).fill('https://bdt.bacgiang.gov.vn/tin-tuc/hoi-thi-quy-1');
    await addQuantity(dialog, 1, 'Hội thi', 1);
    await addQuantity(dialog, 2, 'Lượt người tham dự', 150);
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/evidence') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    expect((await recorded).status()).toBe(201);
    await expect(dialog).toBeHidden();
    // The list runs newest first over the whole year; the task filter narrows it to this task.
    await pickFilter(page, 'Lọc theo nhiệm vụ', CONTEST_TASK);
    const row = rowWith(page, EVIDENCE_TITLE);
    await expect(row).toContainText('10/03/2024');
    await expect(row).toContainText('Lượt người tham dự: 150');
    await expect(row).toContainText('Phòng KH-TT');
  });

  await test.step('the staff member opens the Q1 report: the evidence is there; writes, saves, asks for approval', async () => {
    await openPeriod(page, 'Quý I/2024');
    await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo Quý I/2024 — Phòng KH-TT' })).toBeVisible();
    const task = page.getByRole('region', { name: new RegExp(`^${CONTEST_TASK}`) });
    await expect(task).toContainText(EVIDENCE_TITLE);
    await expect(task).toContainText('Tổng trong kỳ: Hội thi: 1; Lượt người tham dự: 150');
    await expect(task).toContainText('Chủ trì');
    await task.getByLabel('Kết quả thực hiện', { exact: true }).fill(NARRATIVE);
    await page.getByLabel('Khó khăn, vướng mắc', { exact: true }).fill(DIFFICULTIES);
    const saved = page.waitForResponse((r) => r.url().includes('/api/periods/') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    expect((await saved).status()).toBe(200);
    await expect(page.getByText('Đã lưu báo cáo')).toBeVisible();

    const requested = page.waitForResponse((r) => r.url().endsWith('/request-approval'));
    await page.getByRole('button', { name: 'Trình trưởng phòng duyệt' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Đồng ý' }).click();
    expect((await requested).status()).toBe(200);
    await expect(page.getByText('Chờ trưởng phòng duyệt', { exact: true })).toBeVisible();
    // While it waits, the report is read-only and says why.
    await expect(page.getByText('Báo cáo đang chờ trưởng phòng duyệt nên tạm thời không sửa được.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lưu', exact: true })).toHaveCount(0);
    await expect(page.getByRole('region', { name: new RegExp(`^${CONTEST_TASK}`) })).toContainText(NARRATIVE);
    await logout(page);
  });

  await test.step('the unit head approves and sends it ("Duyệt và gửi")', async () => {
    await login(page, DEMO_UNIT_HEAD, DEMO_PASSWORD);
    await openPeriod(page, 'Quý I/2024');
    await expect(page.getByText(DIFFICULTIES)).toBeVisible();
    const submitted = page.waitForResponse((r) => r.url().endsWith('/submit'));
    await page.getByRole('button', { name: 'Duyệt và gửi' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Đồng ý' }).click();
    expect((await submitted).status()).toBe(200);
    await expect(page.getByText('Đã gửi', { exact: true })).toBeVisible();
    await expect(page.getByText('Báo cáo đã được duyệt và gửi Phòng HC-TH', { exact: false })).toBeVisible();
    await logout(page);
  });

  await test.step('the coordinator accepts the KH-TT report', async () => {
    await login(page, DEMO_COORDINATOR, DEMO_PASSWORD);
    await openPeriod(page, 'Quý I/2024');
    await expect(rowWith(unitsCard(page), 'Phòng KH-TT')).toContainText('Đã gửi');
    await page.getByRole('link', { name: 'Xem báo cáo Phòng KH-TT' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo Quý I/2024 — Phòng KH-TT' })).toBeVisible();
    await expect(page.getByText(NARRATIVE)).toBeVisible();
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tiếp nhận báo cáo' });
    const accepted = page.waitForResponse((r) => r.url().endsWith('/accept'), { timeout: 30_000 });
    // Clicked again while the dialog stays open: a click during its opening animation can be lost.
    await expect(async () => {
      if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Tiếp nhận' }).click({ timeout: 2000 });
      await expect(dialog).toBeHidden({ timeout: 2000 });
    }).toPass({ timeout: 25_000 });
    expect((await accepted).status()).toBe(200);
    await expect(page.getByText('Đã tiếp nhận', { exact: true })).toBeVisible();
    // The history tells the whole story, in order.
    await expect(page.locator('.history-list li')).toContainText(['Lưu báo cáo', 'Trình trưởng phòng duyệt', 'Duyệt và gửi', 'Tiếp nhận']);
  });

  await test.step('the consolidated draft DOCX carries the quarter\'s figures, the task and the unit\'s words', async () => {
    await page.getByRole('link', { name: '← Kỳ Quý I/2024' }).click();
    await expect(rowWith(unitsCard(page), 'Phòng KH-TT')).toContainText('Đã tiếp nhận');

    // The report counts every active piece of evidence in the period, demo ones included.
    const period = (await (await page.request.get(`/api/periods/${periodId}/reports`)).json()) as { period: { planId: string; startDate: string; endDate: string } };
    expect(period.period.startDate).toBe('2023-12-15');
    expect(period.period.endDate).toBe('2024-03-14');
    const list = await page.request.get(`/api/evidence?planId=${period.period.planId}&from=2023-12-15&to=2024-03-14`);
    expect(list.status()).toBe(200);
    const evidence = (await list.json()) as { quantities: Record<string, number> }[];
    const participants = evidence.reduce((sum, e) => sum + (e.quantities.participants ?? 0), 0);
    expect(participants).toBeGreaterThanOrEqual(150);

    const card = page.locator('.ant-card').filter({ hasText: 'Báo cáo tổng hợp của cơ quan' });
    await expect(card).toContainText('Dự thảo');
    const downloading = page.waitForEvent('download');
    await card.getByRole('link', { name: 'Tải dự thảo DOCX' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Bao-cao-CCHC-2024-Q1-du-thao.docx');
    const path = await download.path();
    const { value: text } = await mammoth.extractRawText({ path });
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(MOTTO);
    expect(text).toContain(CONTEST_TASK);
    expect(text).toContain(`${participants.toLocaleString('vi-VN')} lượt người tham dự`);
    expect(text).toContain(NARRATIVE.replace(/\.$/, ''));
    expect(text).toContain(DIFFICULTIES.replace(/\.$/, ''));
  });
});

test('progress: the seed plan\'s completion rate, units and a task\'s evidence', async ({ page }) => {
  await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const plans = (await (await page.request.get('/api/plans')).json()) as { id: string; status: string }[];
  const plan = plans.find((p) => p.status === 'in_force');
  expect(plan, 'the seed plan is in force').toBeTruthy();
  const progress = (await (await page.request.get(`/api/plans/${plan!.id}/progress`)).json()) as { completionRate: number | null; tasksDue: number; tasksDoneOnTime: number };
  expect(progress.completionRate).not.toBeNull();
  const rate = `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(progress.completionRate! * 100)}%`;

  await openFromMenu(page, 'Tiến độ');
  const rateCard = page.locator('.ant-card').filter({ hasText: 'Tỉ lệ hoàn thành đúng hạn' });
  await expect(rateCard).toContainText(rate);
  await expect(rateCard).toContainText(`${progress.tasksDoneOnTime}/${progress.tasksDue} nhiệm vụ đến hạn`);

  const units = page.locator('.ant-card').filter({ hasText: 'Theo đơn vị chủ trì' });
  await expect(units.getByRole('columnheader', { name: 'Nhiệm vụ chủ trì' })).toBeVisible();
  await expect(rowWith(units, 'Phòng KH-TT')).toBeVisible();
  await expect(rowWith(units, 'Phòng HC-TH')).toBeVisible();

  // A task opens the evidence behind its figures (the seed's demo evidence, tagged so).
  const tasks = page.locator('.ant-card').filter({ hasText: 'Tiến độ từng nhiệm vụ' });
  await tasks.getByRole('button', { name: /^Lồng ghép tuyên truyền CCHC tại các Hội nghị/ }).click();
  const drawer = page.getByRole('dialog', { name: /^Minh chứng: Lồng ghép tuyên truyền CCHC tại các Hội nghị/ });
  await expect(drawer.getByRole('row').filter({ hasText: 'Dữ liệu mẫu' }).first()).toBeVisible();
});

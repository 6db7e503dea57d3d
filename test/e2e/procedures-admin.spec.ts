import { expect, test, type Locator, type Page } from '@playwright/test';
import { catalogToXlsx } from '../../src/documents/procedures/catalog-export.ts';
import type { ProcedureDataValue } from '../../src/modules/procedures/procedure-data.ts';
import { choose, DEMO_COORDINATOR, DEMO_PASSWORD, ensurePlanOfThisYear, login, logout, mainNav, openMenuPage, rowWith, THIS_YEAR } from './helpers.ts';

/**
 * Decisions date their evidence in this year, and the seed plan is of 2024: the journey links its
 * decision to the same plan imported for this year (as a draft, so the seed plan stays in force).
 */
const THIS_YEARS_PLAN = `${THIS_YEAR} — `;
/** The seed plan's task on disclosing procedures (B.1). */
const DISCLOSURE_TASK = 'Công khai các TTHC tại Bộ phận một cửa';
const FIELD = 'Công tác dân tộc';

/** Today in Vietnam as the date pickers take it (dd/mm/yyyy). */
function todayText(): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
}

// ---- helpers ---------------------------------------------------------------------------------

/** A procedure of the ethnic-affairs field, as the catalog template holds it. */
function procedure(code: string, name: string, extra: Partial<ProcedureDataValue> = {}): ProcedureDataValue {
  return {
    code,
    name,
    field: FIELD,
    level: 'Cấp tỉnh',
    implementingAgency: 'Ủy ban nhân dân tỉnh; Sở Dân tộc và Tôn giáo',
    steps: ['Bước 1: Trưởng thôn tổ chức họp, lập danh sách đề nghị.', 'Bước 2: Ủy ban nhân dân cấp xã tổng hợp, gửi cấp huyện.', 'Bước 3: Sở thẩm định, trình Chủ tịch Ủy ban nhân dân tỉnh.'],
    channels: [
      { channel: 'in_person', processingTime: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', fee: 'Không', description: 'Nộp tại Bộ phận Một cửa' },
      { channel: 'postal', processingTime: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', fee: 'Không', description: 'Qua dịch vụ bưu chính công ích' },
    ],
    processingDays: 10,
    onlineLevel: null,
    dossier: [{ name: 'Văn bản đề nghị của Ủy ban nhân dân cấp huyện', originals: 1, copies: 0 }],
    applicants: 'Cá nhân là người dân tộc thiểu số',
    result: 'Quyết định của Chủ tịch Ủy ban nhân dân tỉnh',
    forms: [],
    conditions: 'Đáp ứng các tiêu chí lựa chọn người có uy tín',
    legalBasis: ['Quyết định số 12/2018/QĐ-TTg ngày 06/3/2018 của Thủ tướng Chính phủ', 'Quyết định số 28/2023/QĐ-TTg ngày 23/11/2023 của Thủ tướng Chính phủ'],
    ...extra,
  };
}

/** Opens an entry of the "Thủ tục hành chính" menu group. */
const openProceduresPage = (page: Page, item: string) => openMenuPage(page, 'Thủ tục hành chính', item);

/** Types a day (dd/mm/yyyy) into the antd date picker labelled `label`. */
async function pickDay(scope: Page | Locator, label: string, day: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await expect(input).toHaveValue(day);
}

// ---- the journey -------------------------------------------------------------------------------

test('procedures: the coordinator imports a catalog, applies a decision that amends one procedure and abolishes another; catalog, history, changes sheet and evidence follow', async ({ page }) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36).slice(-5).toUpperCase();
  const amended = procedure(`E2E-${run}-01`, `Công nhận người có uy tín trong đồng bào dân tộc thiểu số (thử nghiệm ${run})`);
  const abolished = procedure(`E2E-${run}-02`, `Đưa ra khỏi danh sách người có uy tín trong đồng bào dân tộc thiểu số (thử nghiệm ${run})`);
  const kept = procedure(`E2E-${run}-03`, `Hỗ trợ người có uy tín khi ốm đau (thử nghiệm ${run})`, { onlineLevel: 'partial' });
  // A row without a name: reported, then skipped.
  const broken = procedure(`E2E-${run}-04`, '');
  const decisionNumber = `${run}/QĐ-UBND`;
  const newTime = '07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ';
  let decisionId = '';

  await test.step('the coordinator imports the catalog XLSX: the check reports the bad row, the good rows are imported', async () => {
    await login(page, DEMO_COORDINATOR, DEMO_PASSWORD);
    await ensurePlanOfThisYear(page);
    await openProceduresPage(page, 'Danh mục TTHC');
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập danh mục từ tệp' });
    await pickDay(dialog, 'Hiệu lực từ ngày', `01/01/${THIS_YEAR}`);
    const checked = page.waitForResponse((r) => r.url().endsWith('/api/procedures/import') && r.request().method() === 'POST');
    await dialog.locator('input[type=file]').setInputFiles({
      name: `danh-muc-${run}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await catalogToXlsx([amended, abolished, kept, broken]),
    });
    expect((await checked).status()).toBe(200);
    await expect(dialog.getByText('Tệp XLSX: 3 thủ tục thêm mới, 0 thủ tục có phiên bản mới, 0 thủ tục không đổi, 1 dòng lỗi.')).toBeVisible();
    // The bad row (the fifth: a header, then four procedures) names its column.
    await expect(rowWith(dialog.locator('.import-report-table'), 'Tên thủ tục')).toContainText('5');
    // Nothing was written by the check.
    expect(((await (await page.request.get(`/api/procedures?q=${encodeURIComponent(`thử nghiệm ${run}`)}`)).json()) as { total: number }).total).toBe(0);

    const imported = page.waitForResponse((r) => r.url().endsWith('/api/procedures/import') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Nhập, bỏ qua dòng lỗi' }).click();
    const report = (await (await imported).json()) as { written: boolean; created: number; skipped: number };
    expect(report).toMatchObject({ written: true, created: 3, skipped: 1 });
    await expect(dialog).toBeHidden();

    // The list, searched by words of the name, shows the three with their effective date.
    const search = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
    await search.fill(`thử nghiệm ${run}`);
    await search.press('Enter');
    await expect(page).toHaveURL(/[?&]q=/);
    for (const p of [amended, abolished, kept]) await expect(rowWith(page, p.code)).toContainText(`01/01/${THIS_YEAR}`);
    await expect(rowWith(page, broken.code)).toHaveCount(0);
    await expect(rowWith(page, kept.code)).toContainText('Một phần');
  });

  await test.step('a decision amends one procedure (copied from the catalog, then edited) and abolishes another, linked to the disclosure task', async () => {
    await openProceduresPage(page, 'Quyết định công bố');
    await page.getByRole('button', { name: 'Thêm quyết định' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thêm quyết định công bố' })).toBeVisible();
    const form = page.locator('form#decision');
    await form.getByLabel('Số, ký hiệu', { exact: true }).fill(decisionNumber);
    await form.getByLabel('Cơ quan ban hành', { exact: true }).fill('Ủy ban nhân dân tỉnh Bắc Ninh');
    await pickDay(form, 'Ngày ký', todayText());
    await pickDay(form, 'Ngày hiệu lực', todayText());
    await choose(form, 'Kế hoạch', THIS_YEARS_PLAN);
    await choose(form, 'Nhiệm vụ', DISCLOSURE_TASK, { search: 'Công khai các TTHC' });

    // Row 1: amended — the catalog's text copied, then the time shortened to 7 days.
    const items = page.locator('.ant-card').filter({ hasText: 'Các thủ tục trong quyết định' });
    await items.getByLabel('Mã thủ tục dòng 1', { exact: true }).fill(amended.code);
    // The code is offered from the catalog with its name.
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: amended.name.slice(0, 20) }).click();
    await items.getByRole('button', { name: 'Chép từ danh mục hiện hành dòng 1' }).click();
    const data = page.getByRole('dialog', { name: `Nội dung thủ tục ${amended.code}` });
    await expect(data.getByLabel('Tên thủ tục', { exact: true })).toHaveValue(amended.name);
    await data.getByLabel('Thời hạn giải quyết (ngày làm việc)', { exact: true }).fill('7');
    await data.getByLabel('Thời hạn giải quyết — Trực tiếp', { exact: true }).fill(newTime);
    await data.getByRole('button', { name: 'Xong' }).click();
    await expect(data).toBeHidden();
    await expect(rowWith(items, amended.code)).toContainText(amended.name);

    // Row 2: abolished.
    await items.getByRole('button', { name: 'Thêm dòng' }).click();
    await choose(items, 'Loại thay đổi dòng 2', 'Bãi bỏ');
    await items.getByLabel('Mã thủ tục dòng 2', { exact: true }).fill(abolished.code);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: abolished.code }).click();
    await expect(rowWith(items, abolished.code)).toContainText(abolished.name);

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/procedure-decisions') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const response = await saved;
    expect(response.status(), await response.text()).toBe(201);
    decisionId = ((await response.json()) as { id: string }).id;
    await expect(page).toHaveURL(new RegExp(`/admin/procedures/decisions/${decisionId}$`));
    await expect(page.getByRole('heading', { level: 1, name: `Quyết định ${decisionNumber}` })).toBeVisible();
    await expect(page.locator('.procedure-meta')).toContainText('Bản nháp');
    await expect(page.locator('.procedure-meta')).toContainText('Chưa niêm yết');
    // The plan of the linked task is found again for the stored decision.
    await expect(form.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: 'Nhiệm vụ', exact: true }) })).toContainText(DISCLOSURE_TASK.slice(0, 30));
  });

  await test.step('applying asks first, saying what will change, then the catalog has the new version and the abolished one is gone', async () => {
    await page.getByRole('button', { name: 'Áp dụng vào danh mục' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: `Áp dụng Quyết định ${decisionNumber} vào danh mục?` });
    await expect(confirm).toContainText(`Tạo phiên bản mới (sửa đổi, bổ sung) của thủ tục ${amended.code}`);
    await expect(confirm).toContainText(`Bãi bỏ thủ tục ${abolished.code}`);
    await expect(confirm).toContainText('Ghi minh chứng');
    const applied = page.waitForResponse((r) => r.url().endsWith(`/api/procedure-decisions/${decisionId}/apply`));
    await confirm.getByRole('button', { name: 'Áp dụng', exact: true }).click();
    expect((await applied).status()).toBe(200);
    await expect(page.locator('.procedure-meta')).toContainText('Đã áp dụng');

    const current = (await (await page.request.get(`/api/procedures/${encodeURIComponent(amended.code)}`)).json()) as { versionNo: number; data: ProcedureDataValue; current: boolean };
    expect(current).toMatchObject({ versionNo: 2, current: true });
    expect(current.data.processingDays).toBe(7);
    const gone = (await (await page.request.get(`/api/procedures/${encodeURIComponent(abolished.code)}`)).json()) as { current: boolean; versions: { versionNo: number; origin: string }[] };
    expect(gone.current).toBe(false);
    expect([...gone.versions].sort((a, b) => a.versionNo - b.versionNo).map((v) => v.origin)).toEqual(['catalog', 'abolished']);

    // In the admin: the amended procedure's history names the decision; the list no longer has the abolished one.
    await page.goto(`/admin/procedures/catalog/${encodeURIComponent(amended.code)}`);
    await expect(page.getByRole('heading', { level: 1, name: amended.name })).toBeVisible();
    await expect(page.locator('.procedure-meta')).toContainText('Phiên bản 2');
    await page.getByRole('tab', { name: /Lịch sử phiên bản/ }).click();
    await expect(rowWith(page, decisionNumber)).toContainText('Sửa đổi, bổ sung');
    await page.goto(`/admin/procedures/catalog?q=${encodeURIComponent(`thử nghiệm ${run}`)}`);
    await expect(rowWith(page, amended.code)).toContainText(amended.name);
    await expect(rowWith(page, abolished.code)).toHaveCount(0);
    // The catalog as it stood yesterday still has it.
    const [d, m, y] = todayText().split('/').map(Number) as [number, number, number];
    const yesterday = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
    await page.goto(`/admin/procedures/catalog?q=${encodeURIComponent(`thử nghiệm ${run}`)}&asOf=${yesterday}`);
    await expect(rowWith(page, abolished.code)).toBeVisible();
  });

  await test.step('the decision is recorded as posted; the list shows the day', async () => {
    await openProceduresPage(page, 'Quyết định công bố');
    const row = rowWith(page, decisionNumber);
    await expect(row).toContainText('Đã áp dụng');
    await row.getByRole('button', { name: `Đã niêm yết quyết định ${decisionNumber}` }).click();
    const dialog = page.getByRole('dialog', { name: `Niêm yết quyết định ${decisionNumber}` });
    const posted = page.waitForResponse((r) => r.url().endsWith(`/api/procedure-decisions/${decisionId}/posted`));
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    expect((await posted).status()).toBe(200);
    await expect(row).toContainText(`Đã niêm yết ${todayText()}`);
  });

  await test.step('the disclosure task of this year\'s plan has the decision as evidence', async () => {
    await mainNav(page).getByRole('link', { name: 'Minh chứng', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Minh chứng' })).toBeVisible();
    await choose(page.locator('.filter-bar'), 'Kế hoạch', THIS_YEARS_PLAN);
    await choose(page.locator('.filter-bar'), 'Lọc theo nhiệm vụ', DISCLOSURE_TASK, { search: 'Công khai các TTHC' });
    await expect(rowWith(page.locator('.ant-table-tbody'), `Quyết định ${decisionNumber}`)).toBeVisible();
  });

  await test.step('the portal: the new version, the abolished one out of the catalog but in its history, the changes sheet, a search without tones', async () => {
    await page.goto(`/thu-tuc-hanh-chinh/${encodeURIComponent(amended.code)}`);
    await expect(page.getByRole('heading', { level: 1, name: amended.name })).toBeVisible();
    await expect(page.locator('main')).toContainText(newTime);
    await expect(page.locator('main')).toContainText(decisionNumber);

    await page.goto(`/thu-tuc-hanh-chinh?q=${encodeURIComponent(run)}`);
    await expect(page.locator(`main a[href="/thu-tuc-hanh-chinh/${encodeURIComponent(amended.code)}"]`).first()).toBeVisible();
    await expect(page.locator(`main a[href="/thu-tuc-hanh-chinh/${encodeURIComponent(abolished.code)}"]`)).toHaveCount(0);

    await page.goto(`/thu-tuc-hanh-chinh/${encodeURIComponent(abolished.code)}`);
    await expect(page.getByRole('heading', { level: 1, name: abolished.name })).toBeVisible();
    await expect(page.locator('main table.history')).toContainText('Bãi bỏ');
    await expect(page.locator('main table.history')).toContainText(decisionNumber);

    await page.goto('/thu-tuc-hanh-chinh/thay-doi/niem-yet');
    await expect(page.locator('main')).toContainText(amended.code);
    await expect(page.locator('main')).toContainText(abolished.code);

    await page.goto(`/thu-tuc-hanh-chinh?q=${encodeURIComponent('nguoi co uy tin')}`);
    await expect(page.locator(`main a[href="/thu-tuc-hanh-chinh/${encodeURIComponent(amended.code)}"]`).first()).toBeVisible();
    await expect(page.locator(`main a[href="/thu-tuc-hanh-chinh/${encodeURIComponent(kept.code)}"]`).first()).toBeVisible();
  });

  await test.step('the desk posting is recorded for today', async () => {
    await page.goto('/admin/procedures/posting');
    await expect(page.getByRole('heading', { level: 1, name: 'Niêm yết' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'In phiếu các thay đổi kể từ lần niêm yết trước' })).toHaveAttribute('href', '/thu-tuc-hanh-chinh/thay-doi/niem-yet');
    const posting = page.waitForResponse((r) => r.url().endsWith('/api/procedure-postings'));
    await page.getByRole('button', { name: 'Ghi nhận đã niêm yết hôm nay' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Ghi nhận' }).click();
    expect((await posting).status()).toBe(200);
    await expect(page.getByText(`thủ tục ngày ${todayText()}`).first()).toBeVisible();
    await logout(page);
  });
});

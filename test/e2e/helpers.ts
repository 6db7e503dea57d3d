import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The app under test listens only here (the lead's servers use 3000/3100). */
/** Override with E2E_PORT when two runs share a machine. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3987);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Bootstrap admin, created at start from ADMIN_EMAIL/ADMIN_PASSWORD (see playwright.config.ts). */
export const ADMIN_EMAIL = 'admin.e2e@example.vn';
export const ADMIN_PASSWORD = 'E2e-QuanTri#2024!';

/** The seed agency today, and its name in the 2024 plan. */
export const AGENCY_NAME = 'Sở Dân tộc và Tôn giáo tỉnh Bắc Ninh';
export const AGENCY_PARENT = 'UBND tỉnh Bắc Ninh';
export const AGENCY_NAME_2024 = 'Ban Dân tộc tỉnh Bắc Giang';

/** The admin menu, in order, as an admin sees it. */
export const ADMIN_MENU = [
  'Tổng quan',
  'Kế hoạch',
  'Tiến độ',
  'Minh chứng',
  'Báo cáo định kỳ',
  'Cơ quan',
  'Đơn vị',
  'Người dùng',
  'Nhật ký thay đổi',
  'Hàng đợi công việc',
] as const;

/** Demo accounts of the seed agency (src/modules/org/seed-data.ts), all with one password. */
export const DEMO_PASSWORD = 'MinhBach@demo2024';
export const DEMO_STAFF = 'canbo@demo.minhbach.example';
export const DEMO_UNIT_HEAD = 'truongphong@demo.minhbach.example';
export const DEMO_COORDINATOR = 'dieuphoi@demo.minhbach.example';

/** Both the portal and the admin app name their main navigation so. */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

/** The portal's navigation leads at least home and to the agency's introduction (more entries may follow). */
export async function expectPortalNav(page: Page): Promise<void> {
  const nav = mainNav(page);
  await expect(nav.getByRole('link', { name: 'Trang chủ', exact: true })).toHaveAttribute('href', '/');
  await expect(nav.getByRole('link', { name: 'Giới thiệu', exact: true })).toHaveAttribute('href', '/gioi-thieu');
}

/** Fills and submits the admin login form (does not wait for the outcome). */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url(), BASE_URL).pathname.startsWith('/admin/login')) await page.goto('/admin/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs in and waits for the signed-in shell (its menu). */
export async function login(page: Page, email: string, password: string): Promise<void> {
  await submitLogin(page, email, password);
  await expect(mainNav(page)).toBeVisible();
  await expect(page).not.toHaveURL(/\/admin\/login/);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
}

/** Asserts the admin menu shows exactly `items`, in this order, and none of the others. */
export async function expectMenu(page: Page, items: readonly string[]): Promise<void> {
  const nav = mainNav(page);
  await expect(nav.getByRole('link')).toHaveText([...items]);
  for (const hidden of ADMIN_MENU.filter((i) => !items.includes(i))) {
    await expect(nav.getByRole('link', { name: hidden, exact: true })).toHaveCount(0);
  }
}

/** Opens an admin page through its menu entry and waits for its heading. */
export async function openFromMenu(page: Page, item: string): Promise<void> {
  await mainNav(page).getByRole('link', { name: item, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: item })).toBeVisible();
}

/**
 * Picks `label` in the antd Select behind the form label `field`: opens it, optionally types
 * `label` to filter the options (for selects that search by label), clicks the option.
 */
export async function pickOption(dialog: Locator, field: string, label: string, opts: { search?: boolean } = {}): Promise<void> {
  const page = dialog.page();
  const byName = page.getByRole('combobox', { name: field, exact: true });
  const combobox = dialog.locator(byName);
  const formItem = dialog.locator('.ant-form-item').filter({ has: byName });
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first();
  // Retried as a whole: on a loaded machine the dropdown may still be animating when clicked.
  // An option already selected is never clicked again (that would unselect it in a multi-select).
  await expect(async () => {
    if ((await dropdown.count()) === 0) {
      await combobox.click();
      if (opts.search) await combobox.fill(label);
    }
    if (!(await option.getAttribute('class', { timeout: 2000 }))?.includes('ant-select-item-option-selected')) await option.click({ timeout: 2000 });
    await expect(formItem).toContainText(label, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // A multiple select keeps its dropdown open. Close it by clicking the dialog's title: Tab would
  // toggle the active option off again and Escape could close the whole modal.
  if (await dropdown.count()) await dialog.locator('.ant-modal-title').click();
  await expect(dropdown).toHaveCount(0);
  await expect(formItem).toContainText(label);
}

/** A row of the table in `scope` containing `text`. */
export function rowWith(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('row').filter({ hasText: text });
}

/** Opens an entry of an admin menu group (opening the group first when it is closed). */
export async function openMenuPage(page: Page, group: string, item: string): Promise<void> {
  const nav = mainNav(page);
  const link = nav.getByRole('link', { name: item, exact: true });
  await expect(async () => {
    if (!(await link.isVisible())) await nav.getByRole('menuitem', { name: group }).click();
    await link.click({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1, name: item })).toBeVisible();
}
/**
 * Picks the option containing `label` in the antd Select named `name` inside `scope`, typing to
 * search first when asked; a multiple select's dropdown is closed again with Escape.
 */
export async function choose(scope: Page | Locator, name: string, label: string, opts: { search?: string } = {}): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const combobox = scope.getByRole('combobox', { name, exact: true });
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first();
  // `has` is matched inside each candidate, so it is built from the page, not from `scope`.
  const field = scope.locator('.ant-select').filter({ has: page.getByRole('combobox', { name, exact: true }) });
  await expect(async () => {
    if ((await dropdown.count()) === 0) {
      await combobox.click();
      if (opts.search) await combobox.fill(opts.search);
    }
    if (!(await option.getAttribute('class', { timeout: 2000 }))?.includes('ant-select-item-option-selected')) await option.click({ timeout: 2000 });
    await expect(field).toContainText(label.slice(0, 30), { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  if (await dropdown.count()) await combobox.press('Escape');
  await expect(dropdown).toHaveCount(0);
}


const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe finds no WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Checked again for a few seconds: a menu or tag still animating (a slow machine) shows colours
  // halfway through its transition; a real violation stays and fails.
  await expect(async () => {
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }).toPass({ timeout: 8_000 });
}

/** Collects console errors about the Content-Security-Policy (Chromium logs each blocked resource). */
export function cspErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** The current year where the agency is (the admin's "this year"). */
export const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

/** A write through the API as the signed-in browser user (CSRF token from /api/me, same-origin). */
export async function apiWrite(page: Page, method: 'post' | 'put', path: string, data: unknown) {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  return page.request[method](path, { data, headers: { 'x-csrf-token': me.csrfToken, origin: BASE_URL } });
}

export const apiPost = (page: Page, path: string, data: unknown) => apiWrite(page, 'post', path, data);

/** This year's copy of the seed plan, imported through the API by the signed-in coordinator unless there is one. */
export async function ensurePlanOfThisYear(page: Page): Promise<void> {
  const plans = (await (await page.request.get('/api/plans')).json()) as { year: number }[];
  if (plans.some((p) => p.year === THIS_YEAR)) return;
  const preview = await apiPost(page, '/api/plans/import/preview', { text: await readFile('seed/plans/bdt-bacgiang-2024.txt', 'utf8') });
  expect(preview.ok(), await preview.text()).toBeTruthy();
  const { document } = (await preview.json()) as { document: Record<string, unknown> };
  const saved = await apiPost(page, '/api/plans/import', { document: { ...document, year: THIS_YEAR, signDate: `${THIS_YEAR}-01-05`, numberText: '01/KH-E2E' } });
  expect(saved.status(), await saved.text()).toBe(201);
}

/** Answers the feedback form's arithmetic question from its label ("3 + 4 bằng bao nhiêu?"). */
export async function answerChallenge(page: Page): Promise<void> {
  const label = await page.locator('label[for="pa-tra-loi-kiem-tra"]').innerText();
  const [, a, b] = /(\d+) \+ (\d+)/.exec(label)!;
  await page.getByLabel(/bằng bao nhiêu/).fill(String(Number(a) + Number(b)));
}

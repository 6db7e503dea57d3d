import { expect, test } from '@playwright/test';
import {
  ADMIN_EMAIL,
  ADMIN_MENU,
  ADMIN_PASSWORD,
  AGENCY_NAME,
  AGENCY_PARENT,
  expectMenu,
  expectPortalNav,
  login,
  logout,
  openFromMenu,
  pickOption,
  rowWith,
} from './helpers.ts';

// The journey of a newcomer from the issue: portal → admin sign-in → a unit and a staff
// member → the staff member's narrower menu → the admin's audit log of it all.
test('newcomer: portal, admin sign-in, unit and user, role-based menu, audit log', async ({ page }) => {
  const run = Date.now().toString(36).slice(-6).toUpperCase();
  const unitName = 'Phòng Truyền thông thử nghiệm';
  const unitAbbreviation = `TT-${run}`;
  const staffName = `Nguyễn Thị Thử ${run}`;
  const staffEmail = `canbo.${run.toLowerCase()}@example.vn`;
  const staffPassword = `CanBo-${run}-mat-khau`;

  await test.step('portal home: Vietnamese page, agency name in the header, navigation', async () => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('banner')).toContainText(AGENCY_NAME);
    await expect(page.getByRole('banner')).toContainText(AGENCY_PARENT);
    await expectPortalNav(page);
  });

  await test.step('the staff link leads to the admin login page', async () => {
    await page.getByRole('link', { name: 'Đăng nhập dành cho cán bộ' }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expect(page.getByRole('heading', { name: 'Minh Bạch — Quản trị' })).toBeVisible();
  });

  await test.step('bootstrap admin signs in and sees every menu item', async () => {
    await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await expectMenu(page, ADMIN_MENU);
    await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
  });

  let unitId = '';
  await test.step('admin creates a unit and sees it in the units table', async () => {
    await openFromMenu(page, 'Đơn vị');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await dialog.getByLabel('Tên đơn vị', { exact: true }).fill(unitName);
    await dialog.getByLabel('Viết tắt', { exact: true }).fill(unitAbbreviation);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/units') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    unitId = ((await response.json()) as { id: string }).id;
    await expect(dialog).toBeHidden();
    const row = rowWith(page, unitAbbreviation);
    await expect(row).toContainText(unitName);
    await expect(row).toContainText('Phòng chuyên môn');
    await expect(row).toContainText('Đang hoạt động');
  });

  let userId = '';
  await test.step('admin creates a staff member of that unit with an explicit password', async () => {
    await openFromMenu(page, 'Người dùng');
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await dialog.getByLabel('Họ và tên', { exact: true }).fill(staffName);
    await dialog.getByLabel('Email', { exact: true }).fill(staffEmail);
    await pickOption(dialog, 'Đơn vị', unitName, { search: true });
    await pickOption(dialog, 'Vai trò', 'Cán bộ phòng');
    await dialog.getByLabel('Mật khẩu', { exact: true }).fill(staffPassword);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { user: { id: string; unitId: string; roles: string[] }; temporaryPassword?: string };
    expect(body.user).toMatchObject({ unitId, roles: ['staff'] });
    expect(body.temporaryPassword).toBeUndefined();
    userId = body.user.id;
    await expect(dialog).toBeHidden();
    const row = rowWith(page, staffEmail);
    await expect(row).toContainText(staffName);
    await expect(row).toContainText(unitName);
    await expect(row).toContainText('Cán bộ phòng');
    await expect(row).toContainText('Chưa đăng nhập');
  });

  await test.step('the staff member signs in and sees only the menu their role allows', async () => {
    await logout(page);
    await login(page, staffEmail, staffPassword);
    await expectMenu(page, ['Tổng quan', 'Kế hoạch', 'Tiến độ', 'Minh chứng', 'Báo cáo định kỳ', 'Cơ quan', 'Đơn vị']);
    await expect(page.getByText(`Xin chào, ${staffName}`)).toBeVisible();
    await logout(page);
  });

  await test.step('the admin finds both creations in the audit log', async () => {
    await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await openFromMenu(page, 'Nhật ký thay đổi');
    const admin = `Quản trị hệ thống <${ADMIN_EMAIL}>`;
    const unitCreated = rowWith(page, unitId).filter({ hasText: 'Tạo mới' });
    await expect(unitCreated).toHaveCount(1);
    await expect(unitCreated).toContainText('Đơn vị');
    await expect(unitCreated).toContainText(admin);
    const userCreated = rowWith(page, userId).filter({ hasText: 'Tạo mới' });
    await expect(userCreated).toHaveCount(1);
    await expect(userCreated).toContainText('Người dùng');
    await expect(userCreated).toContainText(admin);
    // The staff member's own sign-in is logged under their name.
    await expect(rowWith(page, userId).filter({ hasText: 'Đăng nhập' })).toContainText(`${staffName} <${staffEmail}>`);
    // Expanding an entry shows the record as created.
    await unitCreated.getByRole('button', { name: 'Mở rộng dòng' }).click();
    await expect(page.locator('.json-diff').filter({ hasText: unitAbbreviation })).toContainText(unitName);
  });
});

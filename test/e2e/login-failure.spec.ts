import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, mainNav, submitLogin } from './helpers.ts';

const WRONG = 'Email hoặc mật khẩu không đúng.';

test('a failed sign-in shows the server’s Vietnamese message and stays on the login page', async ({ page }) => {
  await page.goto('/admin/login');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await submitLogin(page, ADMIN_EMAIL, 'mat-khau-sai-hoan-toan');
  expect((await answered).status()).toBe(401);

  await expect(page.getByRole('alert')).toHaveText(WRONG);
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(mainNav(page)).toHaveCount(0);
  // The message is tied to the fields for screen readers, and the form can be tried again.
  await expect(page.getByLabel('Mật khẩu', { exact: true })).toHaveAttribute('aria-describedby', 'login-error');
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeEnabled();

  // An unknown email gets the very same answer, so accounts cannot be probed.
  const again = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await submitLogin(page, 'khong-co-ai@example.vn', 'mat-khau-bat-ky');
  expect((await again).status()).toBe(401);
  await expect(page.getByRole('alert')).toHaveText(WRONG);
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('khong-co-ai@example.vn');
});

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AGENCY_NAME, AGENCY_NAME_2024, expectPortalNav, mainNav } from './helpers.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

async function axeViolations(page: Page): Promise<Violations> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations;
}

/** One line per violation and offending element, for the failure message and the report. */
function describe(violations: Violations): string {
  return violations
    .map((v) => `[${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

/** The directives of a Content-Security-Policy header, name → sources. */
function cspDirectives(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

for (const path of ['/', '/gioi-thieu', '/khong-ton-tai']) {
  test(`axe finds no WCAG 2.1 A/AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('banner')).toContainText(AGENCY_NAME);
    const violations = await axeViolations(page);
    expect(violations, describe(violations)).toEqual([]);
  });
}

test('an unknown address answers 404 with a Vietnamese page in the portal frame', async ({ page }) => {
  const response = await page.goto('/khong-ton-tai');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page).toHaveTitle(`Không tìm thấy trang | ${AGENCY_NAME}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  await expect(page.getByRole('main')).toContainText('Trang bạn tìm không tồn tại hoặc đã được chuyển đi.');
  await expect(page.getByRole('main').getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/');
});

test('the portal works with JavaScript disabled', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(AGENCY_NAME);
    const nav = mainNav(page);
    await expectPortalNav(page);
    await expect(nav.getByRole('link', { name: 'Trang chủ' })).toHaveAttribute('aria-current', 'page');
    await nav.getByRole('link', { name: 'Giới thiệu' }).click();
    await expect(page).toHaveURL(/\/gioi-thieu$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Giới thiệu ${AGENCY_NAME}`);
    await expect(page.getByRole('table')).toContainText(AGENCY_NAME_2024);
    await expect(page.locator('script')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('portal pages send a strict Content-Security-Policy', async ({ page }) => {
  for (const path of ['/', '/gioi-thieu']) {
    const response = await page.goto(path);
    const csp = cspDirectives(response?.headers()['content-security-policy']);
    expect(csp.get('script-src'), `script-src of ${path}`).toEqual(["'self'"]);
    expect(csp.get('default-src'), `default-src of ${path}`).toEqual(["'self'"]);
    expect(csp.get('object-src'), `object-src of ${path}`).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors'), `frame-ancestors of ${path}`).toEqual(["'none'"]);
    for (const [name, sources] of csp) {
      expect(sources, `${name} of ${path}`).not.toContain("'unsafe-eval'");
      if (name.startsWith('script-src')) expect(sources, `${name} of ${path}`).not.toContain("'unsafe-inline'");
    }
    // Neither scripts nor (on the portal) styles may be inline.
    expect(csp.get('style-src'), `style-src of ${path}`).not.toContain("'unsafe-inline'");
  }
});

test('the admin login page loads for a visitor, with a strict script policy and no serious axe violations', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`);
  });
  const response = await page.goto('/admin/login');
  const csp = cspDirectives(response?.headers()['content-security-policy']);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  await page.waitForLoadState('networkidle');
  // The app's scripts and styles must load without a session (they are public files).
  expect(failed, 'requests that failed while loading /admin/login').toEqual([]);
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();

  const violations = await axeViolations(page);
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !severe.includes(v));
  if (minor.length) {
    test.info().annotations.push({ type: 'axe (minor, moderate)', description: describe(minor) });
    console.log(`Minor axe findings on /admin/login:\n${describe(minor)}`);
  }
  expect(severe, describe(severe)).toEqual([]);
});

import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { BASE_URL, cspErrors, DEMO_PASSWORD } from './helpers.ts';

/** An API session of a demo user (cookie + CSRF header), for putting hostile text in through the API. */
export async function apiSession(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const login = await request.post('/api/auth/login', { data: { email, password }, headers: { origin: BASE_URL } });
  expect(login.ok(), await login.text()).toBeTruthy();
  const me = (await (await request.get('/api/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken, origin: BASE_URL };
  const send = async (method: 'POST' | 'PUT' | 'PATCH', path: string, data: object) => {
    const res = await request.fetch(path, { method, data, headers });
    expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBeTruthy();
    return res.json();
  };
  return {
    get: async (path: string) => (await request.get(path)).json(),
    post: (path: string, data: object) => send('POST', path, data),
    put: (path: string, data: object) => send('PUT', path, data),
    patch: (path: string, data: object) => send('PATCH', path, data),
  };
}

/**
 * Watches a page for any sign that a payload ran: `window.__xss` set, a dialog opened, or a
 * Content-Security-Policy report (an injected script or handler that only CSP stopped is an
 * escaping bug all the same). `visit` opens a path and checks all three.
 */
export function xssWatch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const csp = cspErrors(page);
  const watch = {
    /** Checks the page as it is now (after a form post, say). */
    async check(label: string, expectText?: string) {
      if (expectText) await expect(page.getByText(expectText).first(), label).toBeVisible();
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), label).toBeUndefined();
      expect(dialogs, label).toEqual([]);
      expect(csp, label).toEqual([]);
    },
    async visit(path: string, expectText?: string) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await watch.check(path, expectText);
    },
  };
  return watch;
}

import { expect, test } from '@playwright/test';
import { XSS_PAYLOADS as PAYLOADS } from '../support/xss-payloads.ts';
import { BASE_URL } from './helpers.ts';
import { apiSession, xssWatch } from './xss-helpers.ts';

/**
 * Hostile text in every field of an article and a legal document, published, then every public
 * page type that shows it is opened in Chromium: nothing may run. A payload that ran would set
 * `window.__xss` or open a dialog.
 */
const MARK = 'Tinxssbaove';

test('XSS payloads in every article and document field never run on any public page', async ({ browser, playwright }) => {
  const editorCtx = await playwright.request.newContext({ baseURL: BASE_URL });
  const leaderCtx = await playwright.request.newContext({ baseURL: BASE_URL });
  const editor = await apiSession(editorCtx, 'bientap@demo.minhbach.example');
  const leader = await apiSession(leaderCtx, 'lanhdao@demo.minhbach.example');
  const categories = (await (await editorCtx.get('/api/categories')).json()) as { id: string; slug: string }[];
  const all = PAYLOADS.join(' ');
  const article = (await editor.post('/api/articles', {
    title: `${MARK} ${PAYLOADS[1]} ${PAYLOADS[5]}`,
    summary: `${MARK} ${all}`,
    bodyHtml: `<p>${MARK}</p>${all}<p onclick="window.__xss=1">chữ</p>`,
    categoryId: categories[0]!.id,
    byline: PAYLOADS[1],
    source: PAYLOADS[2],
    tags: [PAYLOADS[0]!.slice(0, 60), PAYLOADS[1]!.slice(0, 60)],
    translations: [{ lang: 'tyz', title: `${MARK} ${PAYLOADS[0]}`, summary: all.slice(0, 900), bodyHtml: all }],
  })) as { id: string; slug: string };
  await editor.post(`/api/articles/${article.id}/submit`, {});
  await leader.post(`/api/articles/${article.id}/approve`, {});
  await leader.post(`/api/articles/${article.id}/publish`, {});
  const doc = (await editor.post('/api/legal-documents', { numberSymbol: `99/QĐ-${PAYLOADS[1]}`.slice(0, 100), docType: PAYLOADS[2]!.slice(0, 100), issuer: PAYLOADS[0]!, signedOn: '2024-05-05', subject: `${MARK} ${all}`.slice(0, 2000) })) as { slug: string };

  const page = await browser.newPage();
  const watch = xssWatch(page);
  for (const path of [
    `/tin-bai/${article.slug}`,
    `/tin-bai/${article.slug}/tyz`,
    '/cai-cach-hanh-chinh',
    `/cai-cach-hanh-chinh/${categories[0]!.slug}`,
    '/',
    `/tim-kiem?q=${MARK}`,
    `/tim-kiem?q=${encodeURIComponent(PAYLOADS[1]!)}`,
    '/van-ban',
    `/van-ban?q=${encodeURIComponent(PAYLOADS[0]!)}`,
    `/van-ban/${doc.slug}`,
  ]) {
    await watch.visit(path);
  }
  // The payload text is shown as text where it belongs, not dropped silently.
  await page.goto(`/tin-bai/${article.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=');
  await page.close();
  await editorCtx.dispose();
  await leaderCtx.dispose();
});

import { expect, test, type Page } from '@playwright/test';
import { choose, cspErrors, DEMO_COORDINATOR, DEMO_PASSWORD, expectNoAxeViolations, login, openMenuPage, rowWith } from './helpers.ts';

/**
 * Citizens' voice and indices: a survey answered through the QR code printed on a procedure's
 * desk sheet (with JavaScript off, as on a basic phone) shows up in the public results and in the
 * admin; /chi-so shows the province's published PAR Index 2022 (88,54); the admin enters an index
 * value that the public page then shows. Every public page passes axe and the strict CSP.
 */

const PROCEDURE = 'MAU.000001';
const COMMENT = 'Cán bộ hướng dẫn rõ ràng <b>cảm ơn</b>';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('a survey answered through the desk sheet QR code shows up in the results', async ({ page, browser }) => {
  const csp = cspErrors(page);
  await page.goto(`/thu-tuc-hanh-chinh/${PROCEDURE}/niem-yet`);
  const qr = page.getByRole('img', { name: new RegExp(`^Mã QR dẫn tới http.*/khao-sat\\?tthc=${PROCEDURE.replace('.', '\\.')}$`) });
  await expect(qr).toBeVisible();
  const surveyUrl = (await qr.getAttribute('aria-label'))!.replace('Mã QR dẫn tới ', '');
  // axe runs script in the page, so it checks the form here; the answer is sent from a phone without script.
  await page.goto(surveyUrl);
  await expectNoAxeViolations(page);
  await page.goto('/khao-sat/cam-on');
  await expectNoAxeViolations(page);

  // Opened as a phone would after scanning: no JavaScript needed.
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const phone = await context.newPage();
    await phone.goto(surveyUrl);
    await expect(h1(phone)).toHaveText('Khảo sát mức độ hài lòng');
    await expect(phone.getByText(/Thủ tục được đánh giá: Công nhận người có uy tín/)).toBeVisible();
    const questions = phone.locator('fieldset.likert');
    const count = await questions.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) await questions.nth(i).getByLabel(i === 0 ? 'Hài lòng' : 'Rất hài lòng', { exact: true }).check();
    await phone.getByLabel(/Ý kiến khác/).fill(COMMENT);
    await phone.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
    await expect(h1(phone)).toHaveText('Cảm ơn ông/bà đã trả lời khảo sát');
  } finally {
    await context.close();
  }

  await page.goto('/khao-sat/ket-qua');
  await expect(h1(page)).toHaveText(/^Kết quả khảo sát mức độ hài lòng năm \d{4}$/);
  const byProcedure = page.getByRole('table', { name: /Chỉ số hài lòng theo thủ tục/ });
  await expect(rowWith(byProcedure, PROCEDURE)).toContainText('100\u00a0%');
  await expect(page.getByRole('heading', { name: 'Cách tính chỉ số' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Chỉ số hài lòng theo yếu tố/ })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('cảm ơn');
  await expectNoAxeViolations(page);
  expect(csp).toEqual([]);

  // The coordinating office sees it too, the citizen's markup as plain text.
  await login(page, DEMO_COORDINATOR, DEMO_PASSWORD);
  await openMenuPage(page, 'Hài lòng và chỉ số', 'Khảo sát hài lòng');
  await expect(rowWith(page, PROCEDURE).first()).toBeVisible();
  await expect(page.getByText(COMMENT, { exact: true })).toBeVisible();
});

test('/chi-so shows the published PAR Index 2022 of Bắc Giang, and an index entered in the admin', async ({ page }) => {
  const csp = cspErrors(page);
  await page.goto('/chi-so');
  const par = page.getByRole('table', { name: /PAR Index theo năm/ });
  const year = (table: typeof par, y: number) => table.getByRole('row', { name: new RegExp(`^${y} `) });
  await expect(year(par, 2022)).toContainText('88,54');
  await expect(year(par, 2022)).toContainText('4/63');
  await expect(year(par, 2023)).toContainText('91,16');
  await expect(year(page.getByRole('table', { name: /PCI theo năm/ }), 2022)).toContainText('72,80');
  await expect(page.getByRole('img', { name: /PAR Index của tỉnh qua các năm/ })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(csp).toEqual([]);

  await login(page, DEMO_COORDINATOR, DEMO_PASSWORD);
  await openMenuPage(page, 'Hài lòng và chỉ số', 'Chỉ số');
  await expect(rowWith(page, '88,54')).toContainText('PAR Index');
  await page.getByRole('button', { name: 'Thêm giá trị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm giá trị chỉ số' });
  await choose(dialog, '* Chỉ số', 'Chỉ số cải cách hành chính của cơ quan');
  await dialog.getByLabel('Năm').fill('2023');
  await dialog.getByLabel('Giá trị').fill('86,25');
  await dialog.getByLabel('Xếp hạng').fill('5');
  await dialog.getByLabel('Trên tổng số').fill('20');
  await dialog.getByLabel('Nguồn', { exact: true }).fill('Số liệu thử của bài kiểm thử tự động');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(rowWith(page, '86,25')).toContainText('5/20');

  await page.goto('/chi-so');
  // The browser keeps the page a minute (Cache-Control); a reload revalidates it with the server.
  await page.reload();
  await expect(year(page.getByRole('table', { name: /Chỉ số CCHC của cơ quan theo năm/ }), 2023)).toContainText('86,25');
});

import { expect, test, type Page } from '@playwright/test';
import { answerChallenge, choose, cspErrors, DEMO_COORDINATOR, DEMO_PASSWORD, DEMO_STAFF, expectNoAxeViolations, login, logout, mainNav, openMenuPage } from './helpers.ts';

/**
 * The feedback journey of issue 8: a citizen sends feedback with JavaScript off and gets a code,
 * the coordinating office assigns it, the unit answers in the admin, a leader approves and
 * publishes, the answer is public and the lookup by code shows it. Then the public pages pass axe.
 */

const DEMO_LEADER = 'lanhdao@demo.minhbach.example';
const SUBJECT = 'Chậm trả kết quả công nhận người có uy tín';
const CONTENT = 'Tôi nộp hồ sơ từ tháng 3 nhưng chưa nhận được kết quả. <b>Đề nghị</b> cơ quan kiểm tra.';
const ANSWER = 'Hồ sơ của ông đã được thẩm định, kết quả sẽ được trả tại Bộ phận Một cửa trong tuần này.';
const PHONE = '0912 345 678';

/** A text field of the form by its label's start (labels end with "(bắt buộc)"). */
const field = (page: Page, label: string) => page.getByRole('textbox', { name: new RegExp(`^${label}`) });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const openFeedbackList = (page: Page) => openMenuPage(page, 'Ý kiến người dân', 'Phản ánh, kiến nghị');


/** Opens the feedback with `code` from the admin list. */
async function openFeedback(page: Page, code: string) {
  await openFeedbackList(page);
  await page.getByRole('link', { name: code, exact: true }).click();
  await expect(h1(page)).toHaveText(`Phản ánh ${code}`);
}

test.describe.configure({ mode: 'serial' });

let code = '';

test.describe('a citizen without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sends feedback: missing fields come back with messages and what was typed, then a code', async ({ page }) => {
    const csp = cspErrors(page);
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await expect(h1(page)).toHaveText('Gửi phản ánh, kiến nghị');

    await field(page, 'Họ và tên').fill('Nguyễn Văn An');
    await page.getByLabel('Nội dung', { exact: false }).first().fill(CONTENT);
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Phản ánh chưa được gửi');
    await expect(summary).toContainText('Hãy nhập địa chỉ liên hệ.');
    await expect(summary).toContainText('Hãy nhập số điện thoại');
    await expect(field(page, 'Họ và tên')).toHaveValue('Nguyễn Văn An');
    await expect(page.locator('#pa-noi-dung')).toHaveValue(CONTENT);

    await field(page, 'Địa chỉ liên hệ').fill('Thôn Đồng Vành, xã Tuấn Mậu, huyện Sơn Động');
    await field(page, 'Số điện thoại').fill(PHONE);
    await field(page, 'Tiêu đề').fill(SUBJECT);
    await page.getByLabel('Thủ tục hành chính liên quan').selectOption({ label: 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số (mẫu) (MAU.000001)' });
    await page.getByLabel('Tệp đính kèm').setInputFiles({ name: 'bien-nhan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n') });
    await page.getByLabel(/Tôi đồng ý để cơ quan công khai/).check();
    await answerChallenge(page);
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();

    await expect(h1(page)).toHaveText('Đã gửi phản ánh, kiến nghị');
    code = (await page.locator('#ma-phan-anh').innerText()).trim();
    expect(code).toMatch(/^PA-\d{4}-[0-9A-Z]{7}$/);
    expect(csp).toEqual([]);
  });
});

test('the coordinating office assigns it, the unit answers, a leader approves and publishes', async ({ page }) => {
  expect(code).not.toBe('');
  await login(page, DEMO_COORDINATOR, DEMO_PASSWORD);
  await openFeedbackList(page);
  await expect(page.getByRole('row').filter({ hasText: code })).toContainText('Mới tiếp nhận');
  await openFeedback(page, code);
  await expect(page.getByRole('main')).toContainText(CONTENT);
  await expect(page.getByRole('link', { name: 'bien-nhan.pdf' })).toBeVisible();
  await page.getByRole('button', { name: 'Chuyển đơn vị xử lý' }).click();
  const assign = page.getByRole('dialog', { name: 'Chuyển đơn vị xử lý' });
  await choose(assign, '* Đơn vị xử lý', 'Phòng KH-TT');
  await assign.getByRole('button', { name: 'Chuyển' }).click();
  await expect(page.getByRole('main')).toContainText('Đã chuyển đơn vị xử lý');
  await logout(page);

  await login(page, DEMO_STAFF, DEMO_PASSWORD);
  await openFeedback(page, code);
  await page.getByRole('button', { name: 'Soạn câu trả lời' }).click();
  const answer = page.getByRole('dialog', { name: 'Câu trả lời' });
  await answer.getByLabel('Nội dung trả lời').fill(ANSWER);
  await answer.getByRole('button', { name: 'Gửi lãnh đạo duyệt' }).click();
  await expect(page.getByRole('main')).toContainText('Chờ lãnh đạo duyệt');
  await expect(page.getByRole('button', { name: 'Duyệt trả lời' })).toHaveCount(0);
  await logout(page);

  await login(page, DEMO_LEADER, DEMO_PASSWORD);
  await openFeedback(page, code);
  await page.getByRole('button', { name: 'Duyệt trả lời' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Duyệt', exact: true }).click();
  await expect(page.getByRole('main')).toContainText('Đã duyệt trả lời');
  await page.getByRole('button', { name: 'Công khai trên cổng' }).click();
  const publish = page.getByRole('dialog', { name: 'Công khai trên cổng thông tin' });
  await publish.getByLabel('Câu hỏi đăng công khai').fill('Hồ sơ công nhận người có uy tín nộp từ tháng 3 chưa có kết quả. <b>Đề nghị</b> cơ quan kiểm tra.');
  await publish.getByRole('button', { name: 'Công khai', exact: true }).click();
  await expect(page.getByRole('main')).toContainText('Đã công khai');
  await expect(page.getByRole('main')).toContainText('Duyệt trả lời — Lãnh đạo Ban (mẫu)');
});

test.describe('the public side without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the answer is public without personal data, and the lookup by code shows it', async ({ page }) => {
    await page.goto('/phan-anh-kien-nghi');
    await page.getByRole('link', { name: 'Các phản ánh, kiến nghị đã được trả lời' }).click();
    await expect(h1(page)).toHaveText('Trả lời phản ánh, kiến nghị');
    await page.getByLabel('Từ khóa', { exact: true }).fill('nguoi co uy tin');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: SUBJECT }).click();
    await expect(h1(page)).toHaveText(SUBJECT);
    const main = page.getByRole('main');
    await expect(main).toContainText(ANSWER);
    await expect(main).toContainText('<b>Đề nghị</b> cơ quan kiểm tra.');
    for (const personal of ['Nguyễn Văn An', 'Đồng Vành', '0912', code]) await expect(main).not.toContainText(personal);

    await page.goto('/phan-anh-kien-nghi/tra-cuu');
    await page.getByLabel('Mã phản ánh').fill(code.toLowerCase());
    await page.getByLabel('4 số cuối điện thoại').fill('1234');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.getByRole('alert')).toContainText('Không tìm thấy phản ánh khớp với mã');
    await expect(page.getByRole('main')).not.toContainText(SUBJECT);
    await page.getByLabel('4 số cuối điện thoại').fill('5678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.getByRole('main')).toContainText(`Phản ánh ${code}`);
    await expect(page.getByRole('main')).toContainText('Đã có kết quả trả lời');
    await expect(page.getByRole('main')).toContainText(ANSWER);
  });
});

test('the public feedback pages pass axe, and the strict CSP blocks nothing', async ({ page }) => {
  const csp = cspErrors(page);
  await page.goto('/phan-anh-kien-nghi');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await expect(page.getByRole('alert')).toContainText('Phản ánh chưa được gửi');
  await expectNoAxeViolations(page);
  await page.goto('/phan-anh-kien-nghi/tra-cuu');
  await expectNoAxeViolations(page);
  await page.goto('/phan-anh-kien-nghi/da-tra-loi');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: SUBJECT }).click();
  await expectNoAxeViolations(page);
  expect(csp).toEqual([]);
});

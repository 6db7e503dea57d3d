import { expect, test } from '@playwright/test';
import { hostileText, XSS_PAYLOADS } from '../support/xss-payloads.ts';
import { answerChallenge, BASE_URL, DEMO_COORDINATOR, DEMO_PASSWORD, login } from './helpers.ts';
import { apiSession, xssWatch } from './xss-helpers.ts';

/**
 * Issue 9, abuse: the XSS corpus through the free-text fields of every module (units, users,
 * plan tasks, evidence, procedures, decisions, indices, outreach events, social channels, survey
 * questions; articles and legal documents are portal-xss.spec.ts), put in through the API, then
 * every admin page and portal page that shows them is opened in Chromium: nothing runs, no
 * dialog opens, no CSP report. The file's name sorts last: the records it adds to the shared
 * demo database are seen by no other spec.
 */
const MARK = 'Xssmoinoi';
const text = (max: number, field: string) => hostileText(`${MARK}${field}`, max);
const CODE = '9.999001';

test('XSS payloads in every module\'s text fields never run in the admin or on the portal', async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const ctx = await playwright.request.newContext({ baseURL: BASE_URL });
  const admin = await apiSession(ctx, 'quantri@demo.minhbach.example');

  // Organisation
  await admin.post('/api/units', { name: text(200, 'Donvi'), shortName: text(100, 'Ten'), abbreviation: 'XSS-1', kind: 'other' });
  await admin.post('/api/users', { email: 'xss.nguoidung@example.vn', fullName: text(200, 'Nguoidung'), roles: ['staff'], password: 'Xss-Nguoi-2024' });

  // The seed plan (public: other journeys may have added drafts of this year before): a task and its evidence
  const plans = (await admin.get('/api/plans')) as { id: string; year: number; status: string }[];
  const plan = plans.find((p) => ['approved', 'in_force', 'closed'].includes(p.status))!;
  const task = (await admin.post(`/api/plans/${plan.id}/tasks`, { content: text(5000, 'Nhiemvu'), lead: text(300, 'Chutri'), product: text(1000, 'Sanpham'), reason: text(1000, 'Lydo') })) as { tasks?: { id: string; content: string }[]; id?: string };
  const planView = (await admin.get(`/api/plans/${plan.id}`)) as { tasks: { id: string; kind: string; content: string }[] };
  const taskId = (task.id ?? planView.tasks.find((t) => t.content.startsWith(`${MARK}Nhiemvu`))!.id);
  await admin.post('/api/evidence', { planId: plan.id, taskIds: [taskId], kind: 'article', date: `${plan.year}-12-31`, title: text(500, 'Minhchung'), description: text(2000, 'Mota') });

  // Procedures and a decision
  const P = (n: number, f: string) => text(n, f);
  await admin.post('/api/procedures', {
    data: { code: CODE, name: P(500, 'Thutuc'), field: 'Công tác dân tộc', level: 'Cấp tỉnh', implementingAgency: P(300, 'Coquan'), steps: [P(500, 'Buoc')], channels: [{ channel: 'in_person', processingTime: P(1000, 'Thoigian'), fee: P(1000, 'Phi'), description: P(4000, 'Cach') }], processingDays: 5, onlineLevel: null, dossier: [{ name: P(300, 'Hoso'), originals: 1, copies: 0 }], applicants: P(500, 'Doituong'), result: P(500, 'Ketqua'), forms: [P(200, 'Mau')], conditions: P(1000, 'Dieukien'), legalBasis: [P(300, 'Canc')] },
    effectiveFrom: `${plan.year}-01-01`,
  });
  await admin.post('/api/procedure-decisions', { numberSymbol: `9/QĐ-${MARK}`, issuer: P(200, 'Banhanh'), signedOn: `${plan.year}-06-03`, effectiveOn: `${plan.year}-06-10`, items: [{ changeKind: 'abolished', code: CODE }] });

  // Indices, outreach events, social channels, survey questions
  await admin.post('/api/indices', { indexCode: 'pci', component: 'total', year: 2019, value: 61.5, source: P(300, 'Nguon') });
  const areas = (await admin.get(`/api/events/areas?on=${plan.year}-03-01&level=commune`)) as { id: string }[];
  await admin.post('/api/events', { kind: 'conference', title: P(500, 'Hoinghi'), startDate: `${plan.year}-03-01`, endDate: `${plan.year}-03-01`, areaId: areas[0]!.id, address: P(500, 'Diachi'), audiences: [], participantsTotal: 10, participantsWomen: 1, participantsEthnic: 1, contentItems: [P(500, 'Noidung')], note: P(5000, 'Sukienghichu') });
  await admin.post('/api/social/channels', { network: 'facebook', name: P(200, 'Kenh') });
  const questions = (await admin.get('/api/surveys/questions')) as { questions: { id?: string; element: string; text: string }[] };
  await admin.put('/api/surveys/questions', { questions: questions.questions.map((q, i) => (i === 0 ? { ...q, text: P(400, 'Cauhoi') } : q)) });

  const page = await browser.newPage();
  const watch = xssWatch(page);
  // The portal: the pages that show those fields
  for (const [path, shown] of [
    [`/ke-hoach/${plan.id}`, `${MARK}Nhiemvu`],
    ['/thu-tuc-hanh-chinh', `${MARK}Thutuc`],
    [`/thu-tuc-hanh-chinh/${CODE}`, `${MARK}Dieukien`],
    [`/thu-tuc-hanh-chinh/${CODE}/niem-yet`, `${MARK}Thutuc`],
    ['/chi-so', undefined],
    ['/khao-sat', `${MARK}Cauhoi`],
    [`/tim-kiem?q=${encodeURIComponent(XSS_PAYLOADS[1]!)}`, undefined],
  ] as const) await watch.visit(path, shown);

  // The admin: every list and detail page that shows them
  await login(page, 'quantri@demo.minhbach.example', DEMO_PASSWORD);
  for (const [path, shown] of [
    ['/admin/units', `${MARK}Donvi`],
    ['/admin/users', `${MARK}Nguoidung`],
    [`/admin/plans/${plan.id}`, `${MARK}Nhiemvu`],
    ['/admin/evidence', `${MARK}Minhchung`],
    ['/admin/procedures/catalog', `${MARK}Thutuc`],
    [`/admin/procedures/catalog/${CODE}`, `${MARK}Coquan`],
    ['/admin/procedures/decisions', `${MARK}Banhanh`],
    ['/admin/indices', undefined],
    ['/admin/events', `${MARK}Hoinghi`],
    ['/admin/social/channels', `${MARK}Kenh`],
    ['/admin/surveys', undefined],
    ['/admin/audit', undefined],
  ] as const) await watch.visit(path, shown);
  expect(await page.evaluate(() => document.title)).not.toContain('<');
  await page.close();
  await ctx.dispose();
});

test('XSS payloads in a citizen\'s feedback and its answer never run on the form, the public answers or the admin', async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const page = await browser.newPage();
  const watch = xssWatch(page);
  const box = (label: string) => page.getByRole('textbox', { name: new RegExp(`^${label}`) });
  await watch.visit('/phan-anh-kien-nghi');
  await box('Họ và tên').fill(text(100, 'Nguoigui'));
  await page.getByLabel('Nội dung', { exact: false }).first().fill(text(5000, 'Phananh'));
  await box('Tiêu đề').fill(text(200, 'Tieude'));
  // Sent without address and phone: the form comes back with the typed (hostile) values.
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await watch.check('form returned with messages', 'Phản ánh chưa được gửi');
  await box('Địa chỉ liên hệ').fill(text(300, 'Diachi'));
  await box('Số điện thoại').fill('0912345678');
  await page.getByLabel(/Tôi đồng ý để cơ quan công khai/).check();
  await answerChallenge(page);
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await watch.check('sent', 'Đã gửi phản ánh, kiến nghị');

  // Handled through the API: assigned, answered, approved, published with a hostile public question.
  const coordinatorCtx = await playwright.request.newContext({ baseURL: BASE_URL });
  const leaderCtx = await playwright.request.newContext({ baseURL: BASE_URL });
  const coordinator = await apiSession(coordinatorCtx, DEMO_COORDINATOR);
  const leader = await apiSession(leaderCtx, 'lanhdao@demo.minhbach.example');
  const me = (await coordinator.get('/api/me')) as { unit: { id: string } | null };
  const list = (await coordinator.get(`/api/feedback?q=${MARK}Tieude`)) as { id: string; code: string }[];
  const id = list[0]!.id;
  await coordinator.post(`/api/feedback/${id}/assign`, { unitId: me.unit!.id, note: text(1000, 'Giaoviec') });
  await coordinator.post(`/api/feedback/${id}/answer`, { answer: text(10_000, 'Traloi') });
  await leader.post(`/api/feedback/${id}/approve`, {});
  await coordinator.post(`/api/feedback/${id}/publish`, { publicQuestion: text(5000, 'Cauhoicongkhai') });

  await watch.visit('/phan-anh-kien-nghi/da-tra-loi', `${MARK}Tieude`);
  await login(page, 'quantri@demo.minhbach.example', DEMO_PASSWORD);
  await watch.visit('/admin/feedback', `${MARK}Tieude`);
  await watch.visit(`/admin/feedback/${id}`, `${MARK}Traloi`);
  await page.close();
  await coordinatorCtx.dispose();
  await leaderCtx.dispose();
});

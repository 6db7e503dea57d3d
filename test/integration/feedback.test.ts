import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureDataValue } from '../../src/modules/procedures/procedure-data.ts';
import { seedDemoFeedback } from '../../src/modules/feedback/demo.ts';
import { ENGINES } from '../support/databases.ts';
import { multipart, type Fields, type Upload } from '../support/multipart.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

const procedure: ProcedureDataValue = {
  code: '1.004947', name: 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số', field: 'Công tác dân tộc', level: 'Cấp tỉnh', implementingAgency: 'Ban Dân tộc',
  steps: ['Nộp hồ sơ'], channels: [], processingDays: 5, onlineLevel: null, dossier: [], applicants: 'Công dân', result: 'Quyết định', forms: [], conditions: '', legalBasis: [],
};


const SENDER = { ho_ten: 'Nguyễn Văn An', dia_chi: 'Thôn Đồng Vành, xã Tuấn Mậu, huyện Sơn Động', dien_thoai: '0912 345 678', email: 'an.nguyen@example.vn' };

describe.each(ENGINES)('feedback on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let staff: Session;
  let leader: Session;
  let unitHead: Session;
  let units: { id: string; abbreviation: string }[];
  const count = async () => Number((await t.db.database.db.selectFrom('feedback').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())!.n);

  /** The form page's challenge, answered. */
  async function challenge(ip = '127.0.0.1') {
    const page = await t.app.inject({ method: 'GET', url: '/phan-anh-kien-nghi', headers: { accept: 'text/html' }, remoteAddress: ip });
    const [, a, b] = /(\d+) \+ (\d+) bằng bao nhiêu/.exec(page.body)!;
    const token = /name="ma_kiem_tra" value="([^"]+)"/.exec(page.body)![1]!;
    return { tra_loi_kiem_tra: String(Number(a) + Number(b)), ma_kiem_tra: token };
  }

  async function send(fields: Fields, files: Upload[] = [], ip = '127.0.0.1') {
    const body = multipart(fields, files);
    return t.app.inject({ method: 'POST', url: '/phan-anh-kien-nghi', remoteAddress: ip, ...body });
  }

  async function sendValid(extra: Fields = {}, files: Upload[] = [], ip = '127.0.0.1') {
    const res = await send({ ...SENDER, tieu_de: 'Hồ sơ chậm trả kết quả', noi_dung: 'Tôi nộp hồ sơ công nhận người có uy tín từ tháng 3 nhưng chưa nhận được kết quả.', thu_tuc: procedure.code, dong_y_cong_khai: 'co', ...(await challenge(ip)), ...extra }, files, ip);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    return /PA-\d{4}-[0-9A-Z]{7}/.exec(res.body)![0];
  }

  const lookup = (code: string, digits: string) => t.app.inject({ method: 'POST', url: '/phan-anh-kien-nghi/tra-cuu', headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ma: code, so_cuoi: digits }).toString() });
  const idOf = async (code: string) => (await t.db.database.db.selectFrom('feedback').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp(engine, { FEEDBACK_RATE_LIMIT: '1000' });
    [coordinator, staff, leader, unitHead] = await Promise.all([t.login(DEMO.coordinator), t.login(DEMO.staff), t.login(DEMO.leader), t.login(DEMO.unitHead)]);
    const actor = (await t.services.auth.loadActor(coordinator.userId, coordinator.agencyId))!;
    await t.services.procedures.catalog.save(actor, procedure, '2024-01-01');
    units = (await t.as(coordinator, 'GET', '/api/units')).json();
  });
  afterAll(() => t.close());

  it('serves the form without script: multipart, challenge, honeypot, procedures of the catalog, strict CSP, no caching', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/phan-anh-kien-nghi', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('enctype="multipart/form-data"');
    expect(res.body).toContain(`<option value="${procedure.code}">${procedure.name}`);
    expect(res.body).toMatch(/<div hidden>\s*<label for="pa-trang-ca-nhan">/);
    expect(res.body).not.toMatch(/<script|style="/);
    expect(res.body).toContain('href="/phan-anh-kien-nghi" aria-current="page"');
  });

  it('accepts a valid sending with an image: a tracking code with a correct check symbol, the file stored, deadlines set', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#2a6' } }).png().toBuffer();
    const before = await count();
    const code = await sendValid({}, [{ name: 'bien-nhan.png', content: png, type: 'image/png' }]);
    expect(await count()).toBe(before + 1);
    const row = await t.db.database.db.selectFrom('feedback').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'received', sender_phone: '0912345678', procedure_code: procedure.code, consent_publish: 1, is_demo: 0 });
    expect(row.answer_due_on > row.assign_due_on).toBe(true);
    const files = await t.db.database.db.selectFrom('feedback_files').selectAll().where('feedback_id', '=', row.id).execute();
    expect(files).toHaveLength(1);
  });

  it('shows missing fields again with Vietnamese messages, keeps what was typed (HTML as text), stores nothing', async () => {
    const before = await count();
    const res = await send({ ho_ten: '<b>Trần Thị Bình</b>', dia_chi: '', dien_thoai: '12', tieu_de: '', noi_dung: '<script>alert(1)</script> ngắn', ...(await challenge()) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Hãy nhập địa chỉ liên hệ.');
    expect(res.body).toContain('Hãy nhập tiêu đề.');
    expect(res.body).toContain('Số điện thoại chưa đúng');
    expect(res.body).toContain('value="&lt;b&gt;Trần Thị Bình&lt;/b&gt;"');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).not.toContain('<script>alert(1)');
    expect(await count()).toBe(before);
  });

  it('refuses a wrong or forged challenge answer and a filled honeypot; nothing is stored', async () => {
    const before = await count();
    const base = { ...SENDER, tieu_de: 'Thử', noi_dung: 'Nội dung phản ánh đủ dài để nhận.' };
    const c = await challenge();
    const wrong = await send({ ...base, ...c, tra_loi_kiem_tra: String(Number(c.tra_loi_kiem_tra) + 1) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Câu trả lời kiểm tra chưa đúng');
    const forged = await send({ ...base, tra_loi_kiem_tra: '5', ma_kiem_tra: `${Date.now() + 60_000}.abcdefghijkl.${'x'.repeat(43)}` });
    expect(forged.statusCode).toBe(400);
    const bot = await send({ ...base, ...(await challenge()), trang_ca_nhan: 'http://spam.example' });
    expect(bot.statusCode).toBe(400);
    expect(bot.body).toContain('Không gửi được phản ánh');
    expect(await count()).toBe(before);
  });

  it('refuses dangerous, oversized and too many attachments with 4xx, storing nothing', async () => {
    const before = await count();
    const fields = { ...SENDER, tieu_de: 'Có tệp', noi_dung: 'Nội dung phản ánh đủ dài để nhận.' };
    const html = await send({ ...fields, ...(await challenge()) }, [{ name: 'anh.jpg', content: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/jpeg' }]);
    expect(html.statusCode).toBe(415);
    expect(html.body).toContain('không đúng định dạng cho phép');
    expect(html.body).toContain('value="Nguyễn Văn An"');
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x25);
    big.write('%PDF-1.4');
    const oversized = await send({ ...fields, ...(await challenge()) }, [{ name: 'lon.pdf', content: big, type: 'application/pdf' }]);
    expect(oversized.statusCode).toBe(413);
    expect(oversized.body).toContain('vượt quá dung lượng tối đa 5 MB');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
    const many = await send({ ...fields, ...(await challenge()) }, [1, 2, 3, 4].map((n) => ({ name: `${n}.pdf`, content: pdf, type: 'application/pdf' })));
    expect(many.statusCode).toBe(413);
    expect(many.body).toContain('tối đa 3 tệp');
    expect(await count()).toBe(before);
    expect(await t.db.database.db.selectFrom('files').select('id').where('name', 'in', ['anh.jpg', 'lon.pdf', '1.pdf']).execute()).toEqual([]);
  });

  it('looks up by code and the phone\'s last four digits; a wrong code or phone reveals nothing', async () => {
    const code = await sendValid();
    const ok = await lookup(code.toLowerCase().replace(/-/g, ' '), '5678');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Hồ sơ chậm trả kết quả');
    expect(ok.body).toContain('Đã tiếp nhận, đang phân loại');
    expect(ok.body).not.toContain(SENDER.ho_ten);
    const wrongPhone = await lookup(code, '0000');
    const flipped = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
    const wrongCode = await lookup(flipped, '5678');
    const unknown = await lookup('PA-2026-2222222', '5678');
    for (const r of [wrongPhone, wrongCode, unknown]) {
      expect(r.statusCode).toBe(404);
      expect(r.body).toContain('Không tìm thấy phản ánh khớp với mã');
      expect(r.body).not.toContain('Hồ sơ chậm trả kết quả');
    }
    // The three failures read the same, apart from the code typed back into the form.
    const strip = (b: string) => b.replace(/value="[^"]*"/g, '');
    expect(strip(wrongPhone.body)).toBe(strip(wrongCode.body));
  });

  it('runs the workflow: assign → the unit answers → a leader approves (never the drafter) → published → closed; every step in the history', async () => {
    const code = await sendValid({ noi_dung: 'Đề nghị hướng dẫn <i>thủ tục</i> công nhận người có uy tín; tôi là Nguyễn Văn An, SĐT 0912345678.' });
    const id = await idOf(code);
    const khtt = units.find((u) => u.abbreviation === 'KH-TT')!;
    const hcth = units.find((u) => u.abbreviation === 'HC-TH')!;
    // Before assignment the unit's officers do not see it.
    expect((await t.as(staff, 'GET', `/api/feedback/${id}`)).statusCode).toBe(404);
    expect((await t.as(staff, 'POST', `/api/feedback/${id}/assign`, { unitId: khtt.id })).statusCode).toBe(403);
    const assigned = await t.as(coordinator, 'POST', `/api/feedback/${id}/assign`, { unitId: khtt.id, note: 'Đề nghị trả lời trước hạn' });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned', unitName: 'Phòng KH-TT' });
    expect((await t.as(staff, 'GET', '/api/feedback')).json().map((f: { id: string }) => f.id)).toContain(id);
    expect((await t.as(staff, 'POST', `/api/feedback/${id}/approve`)).statusCode).toBe(403);
    const empty = await t.as(staff, 'POST', `/api/feedback/${id}/answer`, { answer: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toBe('Hãy nhập nội dung trả lời.');
    const answered = await t.as(staff, 'POST', `/api/feedback/${id}/answer`, { answer: 'Hồ sơ của ông đã được thẩm định; kết quả trả trước ngày 30.\n<b>Trân trọng.</b>' });
    expect(answered.json()).toMatchObject({ status: 'answered', answeredBy: 'Cán bộ phòng KH-TT (mẫu)' });
    // Publishing before approval is a conflict, not a silent change.
    expect((await t.as(coordinator, 'POST', `/api/feedback/${id}/publish`, {})).statusCode).toBe(409);
    const returned = await t.as(leader, 'POST', `/api/feedback/${id}/return`, { reason: 'Bổ sung ngày cụ thể' });
    expect(returned.json().status).toBe('assigned');
    await t.as(unitHead, 'POST', `/api/feedback/${id}/answer`, { answer: 'Hồ sơ của ông đã được thẩm định; kết quả trả ngày 30/6.\n<b>Trân trọng.</b>' });
    const approved = await t.as(leader, 'POST', `/api/feedback/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: 'Lãnh đạo Ban (mẫu)' });
    // The sender sees the approved answer before it is published.
    expect((await lookup(code, '5678')).body).toContain('kết quả trả ngày 30/6.');
    const published = await t.as(coordinator, 'POST', `/api/feedback/${id}/publish`, { publicQuestion: 'Đề nghị hướng dẫn <i>thủ tục</i> công nhận người có uy tín.' });
    expect(published.json().status).toBe('published');
    const closed = await t.as(coordinator, 'POST', `/api/feedback/${id}/close`, {});
    expect(closed.json().status).toBe('closed');
    expect(closed.json().history.map((h: { action: string }) => h.action)).toEqual(['receive', 'assign', 'answer', 'return', 'answer', 'approve', 'publish', 'close']);
    expect(hcth.id).not.toBe(khtt.id);

    // The public list and page: subject, question as published and answer, as text; never personal data.
    const list = await t.app.inject({ method: 'GET', url: '/phan-anh-kien-nghi/da-tra-loi?q=nguoi co uy tin', headers: { accept: 'text/html' } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Hồ sơ chậm trả kết quả');
    const item = await t.app.inject({ method: 'GET', url: `/phan-anh-kien-nghi/da-tra-loi/${id}`, headers: { accept: 'text/html' } });
    expect(item.statusCode).toBe(200);
    expect(item.body).toContain('&lt;i&gt;thủ tục&lt;/i&gt;');
    expect(item.body).toContain('&lt;b&gt;Trân trọng.&lt;/b&gt;');
    for (const body of [list.body, item.body]) {
      for (const personal of [SENDER.ho_ten, SENDER.dia_chi, '0912345678', '0912 345 678', SENDER.email, code]) expect(body).not.toContain(personal);
    }
    const none = await t.app.inject({ method: 'GET', url: '/phan-anh-kien-nghi/da-tra-loi?q=khong+co+tu+nay', headers: { accept: 'text/html' } });
    expect(none.body).toContain('Không có câu trả lời nào phù hợp');
  });

  it('never lets the drafter approve, never publishes without consent, and closing unanswered feedback needs a reason shown to the sender', async () => {
    await t.services.accounts.addUser({ agencyCode: 'bdt-bacgiang', email: 'pho.truong@example.vn', fullName: 'Phó trưởng ban kiêm cán bộ', roles: ['leader', 'staff'], unit: 'KH-TT', password: 'Leader-Staff-2024' });
    const both = await t.login('pho.truong@example.vn', 'Leader-Staff-2024');
    const code = await sendValid({ dong_y_cong_khai: '' });
    const id = await idOf(code);
    const khtt = units.find((u) => u.abbreviation === 'KH-TT')!;
    await t.as(coordinator, 'POST', `/api/feedback/${id}/assign`, { unitId: khtt.id });
    await t.as(both, 'POST', `/api/feedback/${id}/answer`, { answer: 'Trả lời của người vừa soạn vừa là lãnh đạo.' });
    const self = await t.as(both, 'POST', `/api/feedback/${id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toContain('không được tự duyệt');
    expect((await t.as(leader, 'POST', `/api/feedback/${id}/approve`)).statusCode).toBe(200);
    const publish = await t.as(coordinator, 'POST', `/api/feedback/${id}/publish`, {});
    expect(publish.statusCode).toBe(409);
    expect(publish.json().detail).toContain('không đồng ý công khai');
    expect((await t.app.inject({ method: 'GET', url: `/phan-anh-kien-nghi/da-tra-loi/${id}`, headers: { accept: 'text/html' } })).statusCode).toBe(404);

    const other = await idOf(await sendValid());
    expect((await t.as(coordinator, 'POST', `/api/feedback/${other}/close`, {})).statusCode).toBe(400);
    const closed = await t.as(coordinator, 'POST', `/api/feedback/${other}/close`, { note: 'Nội dung thuộc thẩm quyền của UBND huyện; đã chuyển UBND huyện Sơn Động.' });
    expect(closed.json().status).toBe('closed');
    const code2 = (await t.db.database.db.selectFrom('feedback').select('code').where('id', '=', other).executeTakeFirstOrThrow()).code;
    const seen = await lookup(code2, '5678');
    expect(seen.body).toContain('Đã kết thúc xử lý');
    expect(seen.body).toContain('đã chuyển UBND huyện Sơn Động');
  });

  it('searches the admin list by code, subject or sender, folding tones and đ the same on both engines', async () => {
    const code = await sendValid({ tieu_de: 'Đề nghị đơn giản hoá giấy tờ', ho_ten: 'Đặng Thị Đào' });
    const ids = async (q: string) => ((await t.as(coordinator, 'GET', `/api/feedback?q=${encodeURIComponent(q)}`)).json() as { code: string }[]).map((f) => f.code);
    expect(await ids('de nghi don gian')).toContain(code);
    expect(await ids('ĐẶNG ĐÀO')).toContain(code);
    expect(await ids(code.slice(-7).toLowerCase())).toEqual([code]);
    expect(await ids('100%_x')).toEqual([]);
  });

  it('keeps agencies apart: another agency\'s user gets 404 on every row and lists none', async () => {
    await t.services.accounts.addUser({ agencyCode: 'snv-bacgiang', email: 'dieuphoi@snv.example', fullName: 'Điều phối Sở Nội vụ', roles: ['coordinator', 'leader'], password: 'Outsider-2024' });
    const outsider = await t.login('dieuphoi@snv.example', 'Outsider-2024');
    const id = await idOf(await sendValid());
    expect((await t.as(outsider, 'GET', '/api/feedback')).json()).toEqual([]);
    for (const [method, url, body] of [['GET', `/api/feedback/${id}`], ['POST', `/api/feedback/${id}/assign`, { unitId: units[0]!.id }], ['POST', `/api/feedback/${id}/close`, { note: 'x' }]] as const) {
      expect((await t.as(outsider, method, url, body)).statusCode, url).toBe(404);
    }
  });

  it('flags overdue feedback in the list and reminds the coordinators, then the unit, through the daily reminders', async () => {
    const id = await idOf(await sendValid({ tieu_de: 'Phản ánh quá hạn' }));
    await t.db.database.db.updateTable('feedback').set({ assign_due_on: '2024-01-02', answer_due_on: '2024-01-12' }).where('id', '=', id).execute();
    const overdue = (await t.as(coordinator, 'GET', '/api/feedback?overdue=true')).json() as { id: string; overdue: string }[];
    expect(overdue.find((f) => f.id === id)?.overdue).toBe('answer');
    expect(overdue.every((f) => f.overdue !== null)).toBe(true);
    await t.services.reminders.scan();
    const notices = (await t.as(coordinator, 'GET', '/api/notifications')).json() as { title: string; link: string }[];
    expect(notices.some((n) => n.link === `/admin/feedback/${id}` && /đã quá hạn/.test(n.title))).toBe(true);
  });
});

describe.each(ENGINES)('feedback rate limit on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { FEEDBACK_RATE_LIMIT: '2' });
  });
  afterAll(() => t.close());

  it('loads demo feedback once, marked demo, with a published answer on the portal', async () => {
    const agency = (await t.services.org.agencyByCode('bdt-bacgiang'))!;
    expect(await seedDemoFeedback(t.services, agency.id)).toBe(4);
    expect(await seedDemoFeedback(t.services, agency.id)).toBe(0);
    const rows = await t.db.database.db.selectFrom('feedback').select(['subject', 'is_demo', 'status']).execute();
    expect(rows.every((r) => r.is_demo === 1 && r.subject.endsWith('(mẫu)'))).toBe(true);
    const list = await t.app.inject({ method: 'GET', url: '/phan-anh-kien-nghi/da-tra-loi', headers: { accept: 'text/html' } });
    expect(list.body).toContain('Hỏi về thời hạn giải quyết hồ sơ công nhận người có uy tín (mẫu)');
    expect(list.body).toContain('Dữ liệu mẫu');
    expect(list.body).not.toContain('Người gửi mẫu');
  });

  it('holds a flood from one address at the limit (429) while another sender still gets through', async () => {
    const page = async (ip: string) => (await t.app.inject({ method: 'GET', url: '/phan-anh-kien-nghi', headers: { accept: 'text/html' }, remoteAddress: ip })).body;
    const post = async (ip: string) => {
      const body = await page(ip);
      const [, a, b] = /(\d+) \+ (\d+) bằng bao nhiêu/.exec(body)!;
      const token = /name="ma_kiem_tra" value="([^"]+)"/.exec(body)![1]!;
      const form = multipart({ ...SENDER, tieu_de: `Gửi từ ${ip}`, noi_dung: 'Nội dung phản ánh đủ dài để nhận.', tra_loi_kiem_tra: String(Number(a) + Number(b)), ma_kiem_tra: token });
      return t.app.inject({ method: 'POST', url: '/phan-anh-kien-nghi', remoteAddress: ip, ...form });
    };
    const flood = [];
    for (let i = 0; i < 4; i++) flood.push((await post('203.0.113.9')).statusCode);
    expect(flood).toEqual([200, 200, 429, 429]);
    const real = await post('198.51.100.7');
    expect(real.statusCode).toBe(200);
    expect(real.body).toMatch(/PA-\d{4}-[0-9A-Z]{7}/);
    const limited = await post('203.0.113.9');
    expect(limited.body).toContain('quá nhiều yêu cầu');
    const stored = await t.db.database.db.selectFrom('feedback').select('subject').where('is_demo', '=', 0).execute();
    expect(stored.map((r) => r.subject).sort()).toEqual(['Gửi từ 198.51.100.7', 'Gửi từ 203.0.113.9', 'Gửi từ 203.0.113.9']);
  });

  it('rate-limits lookups per address, so codes cannot be tried in bulk', async () => {
    const lookup = (ip: string) => t.app.inject({ method: 'POST', url: '/phan-anh-kien-nghi/tra-cuu', remoteAddress: ip, headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'ma=PA-2026-2222222&so_cuoi=1234' });
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await lookup('203.0.113.50')).statusCode);
    expect(answers.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(answers[20]).toBe(429);
    expect((await lookup('198.51.100.51')).statusCode).toBe(404);
  });
});

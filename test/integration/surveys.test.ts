import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/documents/import/xlsx-reader.ts';
import type { ProcedureDataValue } from '../../src/modules/procedures/procedure-data.ts';
import { seedDemoSurveys } from '../../src/modules/surveys/demo.ts';
import { SURVEY_RATE_LIMIT } from '../../src/modules/surveys/portal-routes.ts';
import type { Actor } from '../../src/platform/access.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

function procedure(code: string, name: string, field: string): ProcedureDataValue {
  return {
    code, name, field, level: 'Cấp tỉnh', implementingAgency: 'Ban Dân tộc', steps: ['Nộp hồ sơ'], channels: [], processingDays: 5, onlineLevel: null,
    dossier: [], applicants: 'Công dân', result: 'Quyết định', forms: [], conditions: '', legalBasis: ['Quyết định số 12/2018/QĐ-TTg'],
  };
}

const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(ENGINES)('satisfaction surveys on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let staff: Session;
  let outsider: Actor;
  let address = 0;

  /** Each test posts from its own address, so the rate limit is only met where it is tested. */
  const nextAddress = () => `10.1.0.${++address}`;

  async function openForm(query = '') {
    const res = await t.app.inject({ method: 'GET', url: `/khao-sat${query}` });
    expect(res.statusCode).toBe(200);
    const token = /name="phieu" value="([^"]+)"/.exec(res.body)![1]!;
    const questions = [...new Set([...res.body.matchAll(/name="c-([^"]+)"/g)].map((m) => m[1]!))];
    return { res, token, questions };
  }

  function post(fields: Record<string, string>, remoteAddress = nextAddress()) {
    return t.app.inject({ method: 'POST', url: '/khao-sat', headers: FORM_TYPE, payload: new URLSearchParams(fields).toString(), remoteAddress });
  }

  /** Every question answered `value`, except those of `element` answered `other`. */
  const answers = (questions: string[], value: number, element?: string, other?: number) =>
    Object.fromEntries(questions.map((q) => [`c-${q}`, String(element && q.includes(`-${element}-`) ? other : value)]));

  beforeAll(async () => {
    t = await createTestApp(engine);
    coordinator = await t.login(DEMO.coordinator);
    staff = await t.login(DEMO.staff);
    const actor = (await t.services.auth.loadActor(coordinator.userId, coordinator.agencyId))!;
    const other = (await t.services.org.agencyByCode('snv-bacgiang'))!;
    outsider = { userId: 'outsider', agencyId: other.id, unitId: null, email: 'x@snv.example', fullName: 'Điều phối Sở Nội vụ', roles: ['coordinator'] };
    await t.services.procedures.catalog.save(actor, procedure('1.004947', 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số', 'Công tác dân tộc'), '2024-01-01');
    await t.services.procedures.catalog.save(actor, procedure('2.002164', 'Tặng Bằng khen của Chủ tịch UBND tỉnh', 'Thi đua, khen thưởng'), '2024-01-01');
  });
  afterAll(() => t.close());

  it('the desk sheet of a procedure carries a QR code to its survey, and the survey opens on that procedure', async () => {
    const sheet = await t.app.inject({ method: 'GET', url: '/thu-tuc-hanh-chinh/1.004947/niem-yet' });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain('aria-label="Mã QR dẫn tới http://localhost:3000/khao-sat?tthc=1.004947"');
    const pdf = await t.app.inject({ method: 'GET', url: '/thu-tuc-hanh-chinh/1.004947/niem-yet.pdf' });
    expect(pdf.statusCode).toBe(200);
    const { res, questions } = await openForm('?tthc=1.004947');
    expect(res.body).toContain('Thủ tục được đánh giá: <strong>Công nhận người có uy tín trong đồng bào dân tộc thiểu số</strong>');
    // The default questionnaire: all five SIPAS elements.
    for (const e of ['access', 'procedure', 'officials', 'result', 'feedback']) expect(questions.some((q) => q.includes(`-${e}-`))).toBe(true);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('records one answer per form: submitted once, refused the second time, nothing written by bad or robot submissions', async () => {
    const before = (await t.as(coordinator, 'GET', `/api/surveys/results?from=${new Date().getFullYear()}-01-01`)).json().responses as number;
    const { token, questions } = await openForm('?tthc=1.004947');
    const ok = await post({ phieu: token, tthc: '1.004947', ...answers(questions, 5, 'officials', 2), 'y-kien': '<script>alert(1)</script> Cán bộ nhiệt tình' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/khao-sat/cam-on');
    expect((await t.app.inject({ method: 'GET', url: '/khao-sat/cam-on' })).body).toContain('Cảm ơn ông/bà');

    const again = await post({ phieu: token, tthc: '1.004947', ...answers(questions, 5) });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('đã được gửi trước đó');

    const fresh = await openForm();
    const missing = await post({ phieu: fresh.token, ...answers(fresh.questions.slice(2), 4), 'y-kien': '<b>giữ lại</b>' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Hãy chọn mức độ hài lòng cho 2 câu hỏi còn thiếu');
    // What was typed comes back, as text.
    expect(missing.body).toContain('&lt;b&gt;giữ lại&lt;/b&gt;</textarea>');
    expect(missing.body).not.toContain('<b>giữ lại</b>');

    expect((await post({ phieu: 'made.up.token', ...answers(fresh.questions, 4) })).statusCode).toBe(400);
    expect((await post({ phieu: fresh.token, tthc: '9.999999', ...answers(fresh.questions, 4) })).body).toContain('không có trong danh mục');
    const robot = await post({ phieu: fresh.token, website: 'http://spam.example', ...answers(fresh.questions, 1) });
    expect(robot.statusCode).toBe(303);

    const after = (await t.as(coordinator, 'GET', `/api/surveys/results?from=${new Date().getFullYear()}-01-01`)).json();
    expect(after.responses).toBe(before + 1);
    // The robot's token was never used: the real person can still send that form.
    expect((await post({ phieu: fresh.token, tthc: '2.002164', ...answers(fresh.questions, 4) })).statusCode).toBe(303);
  });

  it('aggregates per element, procedure, field and month; the index is the share of satisfied answers', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const r = (await t.as(coordinator, 'GET', `/api/surveys/results?from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`)).json();
    expect(r.responses).toBe(2);
    const officials = r.elements.find((e: { element: string }) => e.element === 'officials');
    // One answer all "Không hài lòng" (2), one all "Hài lòng" (4): half satisfied.
    expect(officials.index).toBe(50);
    expect(r.elements.find((e: { element: string }) => e.element === 'access').index).toBe(100);
    expect(r.index).toBeCloseTo((100 + 100 + 50 + 100 + 100) / 5, 10);
    expect(r.byProcedure.map((g: { key: string; responses: number }) => [g.key, g.responses])).toEqual([['1.004947', 1], ['2.002164', 1]]);
    expect(r.byField.map((g: { label: string }) => g.label)).toEqual(['Công tác dân tộc', 'Thi đua, khen thưởng']);
    expect(r.byMonth).toHaveLength(1);
    // The free text is kept as typed (the admin shows it as text), never on the public page.
    expect(r.comments[0].text).toBe('<script>alert(1)</script> Cán bộ nhiệt tình');
    const byField = (await t.as(coordinator, 'GET', `/api/surveys/results?from=${today.slice(0, 4)}-01-01&field=${encodeURIComponent('Thi đua, khen thưởng')}`)).json();
    expect(byField.responses).toBe(1);
    expect(byField.index).toBe(100);

    const page = await t.app.inject({ method: 'GET', url: `/khao-sat/ket-qua?nam=${today.slice(0, 4)}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cách tính chỉ số');
    expect(page.body).toContain('<svg class="chart" role="img"');
    expect(page.body).toContain('90\u00a0%');
    expect(page.body).not.toContain('alert(1)');
    expect((await t.app.inject({ method: 'GET', url: '/khao-sat/ket-qua?nam=abc' })).statusCode).toBe(404);

    const xlsx = await t.as(coordinator, 'GET', `/api/surveys/results.xlsx?from=${today.slice(0, 4)}-01-01`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const [grid] = await readXlsx(xlsx.rawPayload);
    expect(grid!.flat()).toEqual(expect.arrayContaining(['Toàn cơ quan', 'Công tác dân tộc', 'Thi đua, khen thưởng']));

    // Another agency sees none of it.
    expect((await t.services.surveys.results(outsider, { from: '2020-01-01', to: '2030-12-31' })).responses).toBe(0);
  });

  it('questions are configurable per agency (each element keeps one), by the coordinating office only', async () => {
    const current = (await t.as(coordinator, 'GET', '/api/surveys/questions')).json();
    expect(current.isDefault).toBe(true);
    const kept = current.questions.filter((_: unknown, i: number) => i % 2 === 0);
    expect((await t.as(staff, 'PUT', '/api/surveys/questions', { questions: kept })).statusCode).toBe(403);
    const bad = await t.as(coordinator, 'PUT', '/api/surveys/questions', { questions: kept.filter((q: { element: string }) => q.element !== 'feedback') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị');
    const saved = await t.as(coordinator, 'PUT', '/api/surveys/questions', { questions: [...kept, { element: 'access', text: '  Có chỗ gửi xe thuận tiện. ' }] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().questions).toHaveLength(kept.length + 1);
    expect(saved.json().questions.find((q: { text: string }) => q.text === 'Có chỗ gửi xe thuận tiện.').element).toBe('access');
    const { questions } = await openForm();
    expect(questions).toHaveLength(kept.length + 1);
    expect((await t.services.surveys.questions(outsider)).isDefault).toBe(true);
  });

  it('a flood from one address is stopped by the rate limit (429) and writes nothing', async () => {
    const from = '10.9.9.9';
    const { token } = await openForm();
    let last = 0;
    for (let i = 0; i <= SURVEY_RATE_LIMIT.max; i++) last = (await post({ phieu: token }, from)).statusCode;
    expect(last).toBe(429);
    // Others still get through.
    expect((await post({ phieu: token })).statusCode).toBe(400);
  });

  it('demo answers are flagged demo and counted as such', async () => {
    const other = await createTestApp(engine);
    try {
      const agency = (await other.services.org.agencyByCode('bdt-bacgiang'))!;
      expect(await seedDemoSurveys(other.services, agency.id, 2024, 12)).toBe(12);
      expect(await seedDemoSurveys(other.services, agency.id, 2024, 12)).toBe(0);
      const page = await other.app.inject({ method: 'GET', url: '/khao-sat/ket-qua?nam=2024' });
      expect(page.body).toContain('trong đó 12 phiếu mẫu');
    } finally {
      await other.close();
    }
  });
});

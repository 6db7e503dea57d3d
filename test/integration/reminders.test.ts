import { createServer } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderStage } from '../../src/modules/notifications/reminders.ts';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import { readFile } from 'node:fs/promises';
import { createTestApp, DEMO, type TestApp } from '../support/test-app.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('reminders over a real SMTP server', () => {
  const mails: { to: string; subject: string; text: string }[] = [];
  let smtp: SMTPServer;
  let t: TestApp;

  beforeAll(async () => {
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        simpleParser(stream).then((m) => {
          mails.push({ to: String((m.to as { text: string }).text), subject: m.subject ?? '', text: m.text ?? '' });
          done();
        }, done);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    t = await createTestApp('sqlite', { SMTP_URL: `smtp://127.0.0.1:${port}?tls=off` });
    await t.services.reminders.register();
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('knows the stages', () => {
    expect(reminderStage('2024-06-08', '2024-06-01')).toBe('7');
    expect(reminderStage('2024-06-08', '2024-06-05')).toBe('3');
    expect(reminderStage('2024-06-08', '2024-06-07')).toBe('1');
    expect(reminderStage('2024-06-08', '2024-06-08')).toBeNull();
    expect(reminderStage('2024-06-08', '2024-06-09')).toBe('overdue');
    expect(reminderStage('2024-06-08', '2024-06-03')).toBeNull();
  });

  it('sends the 7-, 3-, 1-day and overdue reminders exactly once each, in at most one digest a day per user', async () => {
    const staff = await t.login(DEMO.staff);
    const agencyId = staff.agencyId;
    const document = await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') });
    const plan = await t.services.plans.createFromDocumentAs({ agencyId }, document);
    await t.services.plans.putInForceAs(agencyId, plan.id, 'thử');
    const coordinator = await t.login(DEMO.coordinator);
    const dues = { 'Nhắc việc thử A': '2024-06-10', 'Nhắc việc thử B': '2024-06-12' };
    for (const [content, due] of Object.entries(dues)) {
      const res = await t.as(coordinator, 'POST', `/api/plans/${plan.id}/tasks`, { content, lead: 'Phòng KH-TT', dueText: due.split('-').reverse().join('/'), reason: 'Bổ sung nhiệm vụ' });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (let day = '2024-05-25'; day <= '2024-06-20'; day = addDays(day, 1)) {
      await t.services.reminders.scan(day);
      await t.services.reminders.scan(day); // a second run the same day changes nothing
      while ((await t.services.jobs.runDue()) > 0);
    }
    const recipients = [DEMO.staff, DEMO.unitHead];
    for (const to of recipients) {
      const mine = mails.filter((m) => m.to.includes(to));
      const subjects = mine.map((m) => m.subject);
      expect(new Set(subjects).size, 'at most one digest per day').toBe(subjects.length);
      for (const content of Object.keys(dues)) {
        for (const phrase of ['còn 7 ngày', 'còn 3 ngày', 'còn 1 ngày', 'đã quá hạn']) {
          const hits = mine.flatMap((m) => m.text.split('\n- ').filter((item) => item.includes(content) && item.includes(phrase)));
          expect(hits, `${to}: ${content} / ${phrase}`).toHaveLength(1);
        }
      }
    }
    // Users of other units hear nothing about KH-TT's tasks.
    expect(mails.some((m) => m.to.includes(DEMO.coordinator) && m.text.includes('Nhắc việc thử'))).toBe(false);
    // The same reminders are in the app.
    const notices = (await t.as(staff, 'GET', '/api/notifications')).json() as { title: string; body: string; read: boolean }[];
    expect(notices.filter((n) => n.body.includes('Nhắc việc thử A'))).toHaveLength(4);
    expect((await t.as(staff, 'POST', '/api/notifications/read', {})).statusCode).toBe(204);
    expect(((await t.as(staff, 'GET', '/api/notifications')).json() as { read: boolean }[]).every((n) => n.read)).toBe(true);
  });

  it('respects a user who turns e-mail reminders off', async () => {
    const head = await t.login(DEMO.unitHead);
    const res = await t.as(head, 'PUT', '/api/me/notification-settings', { email: false, inApp: true });
    expect(res.json()).toEqual({ email: false, inApp: true });
    const before = mails.length;
    const coordinator = await t.login(DEMO.coordinator);
    const planId = ((await t.as(coordinator, 'GET', '/api/plans')).json() as { id: string }[])[0]!.id;
    await t.as(coordinator, 'POST', `/api/plans/${planId}/tasks`, { content: 'Nhắc việc thử C', lead: 'Phòng KH-TT', dueText: '30/7/2024', reason: 'Bổ sung' });
    await t.services.reminders.scan('2024-07-23');
    while ((await t.services.jobs.runDue()) > 0);
    const fresh = mails.slice(before);
    expect(fresh.some((m) => m.to.includes(DEMO.staff) && m.text.includes('Nhắc việc thử C'))).toBe(true);
    expect(fresh.some((m) => m.to.includes(DEMO.unitHead))).toBe(false);
  });
});

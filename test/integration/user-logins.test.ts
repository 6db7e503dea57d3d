import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

/**
 * `users(email)` is unique per agency in the schema (agency_id in every tenant key); one e-mail
 * over all agencies is kept by `user_logins`, the global lookup sign-in reads before it knows the agency.
 */
describe.each(ENGINES)('e-mails over agencies (user_logins) on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let otherAdmin: Session;
  const email = 'chung.mot.dia.chi@example.vn';
  const logins = async (e: string) => (await sql<{ agency_id: string; user_id: string }>`select agency_id, user_id from user_logins where email = ${e}`.execute(t.db.database.db)).rows;
  const usersWith = async (e: string) => (await sql<{ agency_id: string }>`select agency_id from users where email = ${e}`.execute(t.db.database.db)).rows;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login(DEMO.admin);
    await t.services.accounts.addUser({ agencyCode: 'snv-bacgiang', email: 'quantri@snv.example.vn', fullName: 'Quản trị Sở Nội vụ', roles: ['admin'], password: 'Snv-admin-2024' });
    otherAdmin = await t.login('quantri@snv.example.vn', 'Snv-admin-2024');
  });
  afterAll(() => t.close());

  it('a user created by the admin gets its sign-in entry in the same use case, and signs in with it', async () => {
    const res = await t.as(admin, 'POST', '/api/users', { email, fullName: 'Nguyễn Văn Chung', roles: ['staff'], password: 'Chung-2024-mk' });
    expect(res.statusCode).toBe(201);
    const { user } = res.json() as { user: { id: string } };
    expect(await logins(email)).toEqual([{ agency_id: admin.agencyId, user_id: user.id }]);
    const session = await t.login(email, 'Chung-2024-mk');
    expect(session).toMatchObject({ userId: user.id, agencyId: admin.agencyId });
  });

  it('the same e-mail cannot be taken in another agency, by its admin or from the command line; nothing is written', async () => {
    expect(otherAdmin.agencyId).not.toBe(admin.agencyId);
    const res = await t.as(otherAdmin, 'POST', '/api/users', { email, fullName: 'Người khác', roles: ['staff'], password: 'Khac-2024-mk' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ detail: 'Email này đã được dùng cho một tài khoản khác.' });
    await expect(t.services.accounts.addUser({ agencyCode: 'snv-bacgiang', email, fullName: 'Người khác', roles: ['staff'], password: 'Khac-2024-mk' })).rejects.toMatchObject({ status: 409 });
    expect(await usersWith(email)).toEqual([{ agency_id: admin.agencyId }]);
    expect(await logins(email)).toHaveLength(1);
  });

  it('the database itself keeps one sign-in entry per e-mail, whatever the agency', async () => {
    const [entry] = await logins(email);
    await expect(sql`insert into user_logins (email, agency_id, user_id) values (${email}, ${otherAdmin.agencyId}, ${otherAdmin.userId})`.execute(t.db.database.db)).rejects.toThrow();
    expect(await logins(email)).toEqual([entry]);
  });

  it('every seeded and bootstrap account has its entry, and a wrong password is still refused', async () => {
    const missing = await sql<{ email: string }>`select u.email from users u left join user_logins l on l.email = u.email and l.agency_id = u.agency_id and l.user_id = u.id where l.email is null`.execute(t.db.database.db);
    expect(missing.rows).toEqual([]);
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.editor, password: 'sai-mat-khau' } });
    expect(bad.statusCode).toBe(401);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'khong.co@example.vn', password: 'sai-mat-khau' } });
    expect(unknown.statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/platform/access.ts';
import { ENGINES } from '../support/databases.ts';
import { createRecordFixtures, type Fixtures } from '../support/record-fixtures.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

/**
 * Walks every registered route and proves the access rules of DESIGN.md: anonymous callers
 * get 401 except on routes declared public; a user of another agency gets 404 on every record
 * of this one; a role without the route's permission gets 403. A new route with a path
 * parameter must get a fixture in RECORD_PARAMS, or this test fails and says so.
 */

const RECORD_PARAMS: Record<string, (f: Fixtures) => string> = {
  '/api/units/:id': (f) => f.unitId,
  '/api/users/:id': (f) => f.userId,
  '/api/users/:id/reset-password': (f) => f.userId,
  '/api/jobs/:id/retry': (f) => f.jobId,
  '/api/plans/:id': (f) => f.planId,
  '/api/plans/:id/status': (f) => f.planId,
  '/api/plans/:id/tasks': (f) => f.planId,
  '/api/plans/:id/revisions': (f) => f.planId,
  '/api/plans/:id/diff': (f) => f.planId,
  '/api/plans/:id/export': (f) => f.planId,
  '/api/plans/:id/original': (f) => f.planId,
  '/api/plan-tasks/:id': (f) => f.taskId,
  '/api/plans/:id/progress': (f) => f.planId,
  '/api/plans/:id/par-pack': (f) => f.planId,
  '/api/evidence/:id/files/:fileId': (f) => f.evidenceId,
  '/api/periods/:id': (f) => f.periodId,
  '/api/evidence/:id/withdraw': (f) => f.evidenceId,
  '/api/plans/:id/periods': (f) => f.planId,
  '/api/periods/:id/reports': (f) => f.periodId,
  '/api/periods/:id/reports/:unitId': (f) => f.periodId,
  '/api/periods/:id/reports/:unitId/request-approval': (f) => f.periodId,
  '/api/periods/:id/reports/:unitId/submit': (f) => f.periodId,
  '/api/periods/:id/reports/:unitId/accept': (f) => f.periodId,
  '/api/periods/:id/reports/:unitId/return': (f) => f.periodId,
  '/api/periods/:id/reports/:unitId/reopen': (f) => f.periodId,
  '/api/periods/:id/consolidated': (f) => f.periodId,
  '/api/periods/:id/consolidated/file': (f) => f.periodId,
  '/api/periods/:id/consolidated/finalize': (f) => f.periodId,
  '/api/periods/:id/consolidated/draft': (f) => f.periodId,
  '/api/categories/:id': (f) => f.categoryId,
  '/api/media/:id': (f) => f.mediaId,
  '/api/articles/:id': (f) => f.articleId,
  '/api/articles/:id/preview-link': (f) => f.articleId,
  '/api/articles/:id/revisions': (f) => f.articleId,
  '/api/articles/:id/revisions/:version/diff': (f) => f.articleId,
  '/api/articles/:id/files/:fileId': (f) => f.articleId,
  '/api/legal-documents/:id': (f) => f.documentId,
  '/api/service-stats/results/:id': (f) => f.resultId,
  ...Object.fromEntries(['', '/files/:fileId', '/assign', '/answer', '/return', '/approve', '/publish', '/close'].map((step) => [`/api/feedback/:id${step}`, (f: Fixtures) => f.feedbackId])),
  '/api/indices/:id': (f) => f.indexValueId,
  '/api/events/:id': (f) => f.eventId,
  '/api/events/:id/files': (f) => f.eventId,
  '/api/events/:id/files/:fileId': (f) => f.eventId,
  '/api/oversight/agencies/:id': (f) => f.agencyId,
  '/api/oversight/agencies/:id/plans/:planId/progress': (f) => f.agencyId,
  '/api/oversight/agencies/:id/plans/:planId/export': (f) => f.agencyId,
  '/api/oversight/agencies/:id/periods/:periodId/consolidated': (f) => f.agencyId,
  '/api/procedures/:code': (f) => f.procedureCode,
  '/api/procedures/:code/process': (f) => f.procedureCode,
  '/api/procedure-decisions/:id': (f) => f.decisionId,
  '/api/procedure-decisions/:id/apply': (f) => f.decisionId,
  '/api/procedure-decisions/:id/posted': (f) => f.decisionId,
  '/api/social/channels/:id/connection': (f) => f.channelId,
  '/api/social/channels/:id/check': (f) => f.channelId,
  '/api/social/deliveries/:id': (f) => f.deliveryId,
  '/api/social/deliveries/:id/retry': (f) => f.deliveryId,
  '/api/social/deliveries/:id/screenshot': (f) => f.deliveryId,
  ...Object.fromEntries(['submit', 'approve', 'return', 'publish', 'cancel-schedule', 'force-publish', 'review-forced', 'unpublish', 'archive', 'restore'].map((step) => [`/api/articles/:id/${step}`, (f: Fixtures) => f.articleId])),
};

/** Valid query strings and bodies, so that only access decides the answer. */
const SAMPLE_QUERIES: Record<string, string> = { '/api/oversight/province/rollup': '?format=xlsx', '/api/oversight/agencies/:id/plans/:planId/export': '?format=xlsx', '/api/oversight/agencies/:id/periods/:periodId/consolidated': '?format=xlsx', '/api/plans/:id/diff': '?from=0&to=0', '/api/plans/:id/export': '?format=docx', '/api/periods/:id/consolidated/file': '?format=docx' };
const SAMPLE_BODIES: Record<string, unknown> = { 'POST /api/plans/:id/tasks': { content: 'Nhiệm vụ thử' }, 'POST /api/plans/:id/status': { status: 'approved' }, 'POST /api/evidence/:id/withdraw': { reason: 'Thử' }, 'POST /api/periods/:id/reports/:unitId/return': { comment: 'Thử' }, 'POST /api/periods/:id/consolidated/finalize': { numberText: '05/BC-BDT', date: '2024-03-20' },
  'PUT /api/categories/:id': { name: 'Chuyên mục thử' },
  'PUT /api/media/:id': { alt: 'Ảnh thử' },
  'PUT /api/articles/:id': { title: 'Bài thử', summary: '', bodyHtml: '<p>Thử</p>', categoryId: 'x' },
  'POST /api/articles/:id/return': { reason: 'Lý do thử' },
  'POST /api/articles/:id/force-publish': { reason: 'Lý do thử' },
  'POST /api/articles/:id/unpublish': { reason: 'Lý do thử' },
  'PUT /api/procedures/:code/process': { steps: [] },
  'PUT /api/indices/:id': { indexCode: 'pci', component: 'total', year: 2022, value: 70, source: 'Thử' },
  'POST /api/procedure-decisions/:id/posted': { postedOn: '2024-06-05' },
  'PUT /api/procedure-decisions/:id': { numberSymbol: '1/QĐ', issuer: 'UBND', signedOn: '2024-06-03', effectiveOn: '2024-06-10', items: [{ changeKind: 'abolished', code: '1.000001' }] },
  'POST /api/feedback/:id/assign': { unitId: 'x' },
  'POST /api/feedback/:id/answer': { answer: 'Trả lời thử' },
  'POST /api/feedback/:id/return': { reason: 'Lý do thử' },
  'POST /api/feedback/:id/close': { note: 'Lý do thử' },
  'PUT /api/events/:id': { kind: 'other', title: 'Thử', startDate: '2024-03-01', endDate: '2024-03-01', areaId: 'x', audiences: [], participantsTotal: 0, participantsWomen: 0, participantsEthnic: 0 },
  'POST /api/events/:id/files': { name: 'a.png', base64: 'AAAA', role: 'photo' },
  'PUT /api/legal-documents/:id': { numberSymbol: '01/QĐ-UBND', docType: 'Quyết định', issuer: 'UBND tỉnh', signedOn: '2024-01-02', subject: 'Thử' },
};
const bodyFor = (method: string, url: string) => (method === 'GET' || method === 'DELETE' ? undefined : (SAMPLE_BODIES[`${method} ${url}`] ?? {}));

/** Routes outside the API whose paths are not records (static assets, docs, SPA fallback). */
const isFrameworkPath = (url: string) => url.startsWith('/docs') || url === '/admin/*' || url.startsWith('/admin/') || url.startsWith('/assets/');

describe.each(ENGINES)('route access on %s', (engine) => {
  let t: TestApp;
  let fixtures: Fixtures;
  let outsider: Session;
  let staff: Session;
  let admin: Session;
  let overseer: Session;
  let foreignOverseer: Session;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login(DEMO.admin);
    staff = await t.login(DEMO.staff);
    fixtures = await createRecordFixtures(t, admin);
    // Another agency's user holding every role but overseer: only the agency boundary stops them.
    await t.services.accounts.addUser({ agencyCode: 'snv-bacgiang', email: 'outsider@example.vn', fullName: 'Người ngoài', roles: ROLES.filter((r) => r !== 'overseer'), password: 'Outsider-2024' });
    outsider = await t.login('outsider@example.vn', 'Outsider-2024');
    // The province view is the overseer's alone: across the boundary stands an overseer of another province.
    overseer = await t.login(DEMO.overseer);
    await t.services.accounts.addAgency({ code: 'snv-khac', name: 'Sở Nội vụ tỉnh khác', shortName: 'Sở Nội vụ', abbreviation: 'SNV', parentName: null, place: 'Tỉnh khác', provinceCode: 'tinh-khac' });
    await t.services.accounts.addUser({ agencyCode: 'snv-khac', email: 'overseer-elsewhere@example.vn', fullName: 'Giám sát tỉnh khác', roles: ['overseer'], password: 'Outsider-2024' });
    foreignOverseer = await t.login('overseer-elsewhere@example.vn', 'Outsider-2024');
  });
  afterAll(() => t.close());

  const apiRoutes = () => t.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
  const urlOf = (url: string) => {
    const fill = RECORD_PARAMS[url];
    if (url.includes(':') && !fill) throw new Error(`no fixture for ${url}: add it to RECORD_PARAMS`);
    return (fill ? url.replace(':id', fill(fixtures)).replace(':code', fill(fixtures)).replace(':unitId', fixtures.unitId).replace(':planId', fixtures.planId).replace(':periodId', fixtures.periodId).replace(':fileId', 'x').replace(':version', '1') : url.replace('*', 'x')) + (SAMPLE_QUERIES[url] ?? '');
  };

  it('lists the routes the app serves', () => {
    const urls = apiRoutes().map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/me', 'GET /api/units', 'PATCH /api/users/:id', 'GET /api/audit', 'GET /']));
    expect(urls.length).toBeGreaterThan(20);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    const checked: string[] = [];
    for (const r of apiRoutes()) {
      if (r.access.public) continue;
      const res = await t.as(undefined, r.method, urlOf(r.url), bodyFor(r.method, r.url));
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().detail).toMatch(/đăng nhập/);
      checked.push(r.url);
    }
    expect(checked.length).toBeGreaterThan(15);
  });

  it('public routes do not ask for a sign-in', async () => {
    for (const r of apiRoutes()) {
      if (!r.access.public || r.method !== 'GET' || r.url.includes(':') || r.url.includes('*')) continue;
      const res = await t.as(undefined, r.method, r.url);
      expect(res.statusCode, `${r.method} ${r.url}`).not.toBe(401);
    }
  });

  it('answers 404 to a user of another agency on every record of this one', async () => {
    const checked: string[] = [];
    const outsiderPermissions = ((await t.as(outsider, 'GET', '/api/me')).json() as { permissions: string[] }).permissions;
    for (const r of apiRoutes()) {
      if (!r.url.includes(':') || isFrameworkPath(r.url) || r.access.public) continue;
      // A route only the overseer may use (the province view) is tried by another province's overseer.
      const stranger = r.access.permission && !outsiderPermissions.includes(r.access.permission) ? foreignOverseer : outsider;
      const res = await t.as(stranger, r.method, urlOf(r.url), bodyFor(r.method, r.url));
      expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(404);
      checked.push(r.url);
    }
    expect(new Set(checked)).toEqual(new Set(Object.keys(RECORD_PARAMS)));
    expect(checked.length).toBeGreaterThanOrEqual(6);
  });

  it('answers 403 to a role without the route\'s permission, and lets the right role through', async () => {
    const me = (await t.as(staff, 'GET', '/api/me')).json() as { permissions: string[] };
    const forbidden = apiRoutes().filter((r) => r.access.permission && !me.permissions.includes(r.access.permission));
    expect(forbidden.length).toBeGreaterThan(5);
    for (const r of forbidden) {
      const res = await t.as(staff, r.method, urlOf(r.url), bodyFor(r.method, r.url));
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
    // The same GET routes work for the admin (the province view for the overseer), so the 403s above come from the role, not the route.
    const adminPermissions = ((await t.as(admin, 'GET', '/api/me')).json() as { permissions: string[] }).permissions;
    for (const r of forbidden.filter((x) => x.method === 'GET')) {
      const holder = adminPermissions.includes(r.access.permission!) ? admin : overseer;
      expect((await t.as(holder, 'GET', urlOf(r.url))).statusCode, r.url).toBe(200);
    }
  });

  it('answers 403 to every single-role user on every route its role lacks (route × role)', async () => {
    const checked = new Set<string>();
    for (const role of ROLES.filter((r) => r !== 'overseer')) {
      const email = `chi-${role.replace('_', '-')}@demo.minhbach.example`;
      await t.services.accounts.addUser({ agencyCode: 'bdt-bacgiang', email, fullName: `Chỉ ${role}`, roles: [role], unit: 'HC-TH', password: 'Role-only-2024' });
      const session = await t.login(email, 'Role-only-2024');
      const me = (await t.as(session, 'GET', '/api/me')).json() as { permissions: string[] };
      for (const r of apiRoutes().filter((x) => x.access.permission && !me.permissions.includes(x.access.permission))) {
        const res = await t.as(session, r.method, urlOf(r.url), bodyFor(r.method, r.url));
        expect(res.statusCode, `${role}: ${r.method} ${r.url}`).toBe(403);
        checked.add(`${r.method} ${r.url}`);
      }
    }
    // Writes of every module (and the admin's own routes) are among the refusals.
    expect(checked.size).toBeGreaterThan(60);
    for (const prefix of ['/api/users', '/api/plans', '/api/articles', '/api/procedures', '/api/service-stats', '/api/feedback', '/api/surveys', '/api/indices', '/api/events', '/api/social']) {
      expect([...checked].some((r) => r.startsWith('POST') || r.startsWith('PUT') ? r.includes(prefix) : false), prefix).toBe(true);
    }
  });

  it('never shows a record of this agency in any list another agency\'s user reads', async () => {
    const ours = Object.entries(fixtures).filter(([k]) => k !== 'procedureCode').map(([, id]) => id);
    const lists = apiRoutes().filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.includes('*') && !isFrameworkPath(r.url) && !r.access.public);
    expect(lists.length).toBeGreaterThan(30);
    for (const r of lists) {
      const res = await t.as(outsider, 'GET', r.url);
      expect(res.statusCode, `${r.url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      const leaked = ours.filter((id) => res.body.includes(id));
      expect(leaked, r.url).toEqual([]);
    }
  });

  it('never lists another agency\'s rows', async () => {
    const users = (await t.as(admin, 'GET', '/api/users')).json() as { email: string }[];
    expect(users.map((u) => u.email)).not.toContain('outsider@example.vn');
    expect(users.map((u) => u.email)).not.toContain(DEMO.overseer);
    const audit = (await t.as(admin, 'GET', '/api/audit?pageSize=200')).json() as { items: { actorName: string }[] };
    expect(audit.items.some((e) => e.actorName.includes('outsider@example.vn'))).toBe(false);
  });
});

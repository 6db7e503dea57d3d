import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import { ENGINES } from '../support/databases.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

type Article = { id: string; slug: string; status: string; version: number; actions: string[]; publicPath: string; forcePublished: boolean; forceReviewed: boolean; history: { action: string; note: string | null }[]; scheduleJob: { state: string; runAt: string } | null; bodyHtml: string; taskIds: string[] };
type EvidenceRow = { id: string; status: string; title: string; taskIds: string[]; link: string | null };

describe.each(ENGINES)('newsroom workflow on %s', (engine) => {
  let t: TestApp;
  let editor: Session;
  let leader: Session;
  let admin: Session;
  let staff: Session;
  let categoryId: string;
  let planId: string;
  let taskId: string;
  let mediaId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [editor, leader, admin, staff] = await Promise.all([t.login(DEMO.editor), t.login(DEMO.leader), t.login(DEMO.admin), t.login(DEMO.staff)]);
    const document = await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') });
    // Articles are evidence for the plan of the year they are published in: this year's plan.
    const year = new Date().getFullYear();
    const plan = await t.services.plans.createFromDocumentAs({ agencyId: editor.agencyId }, { ...document, year, signDate: `${year}-01-05` });
    planId = plan.id;
    taskId = plan.tasks.find((x) => x.kind === 'task' && /Cổng/i.test(x.content))?.id ?? plan.tasks.find((x) => x.kind === 'task')!.id;
    const categories = (await t.as(editor, 'POST', '/api/categories/defaults')).json() as { id: string; slug: string; name: string }[];
    expect(categories.map((c) => c.name)).toContain('Chuyển đổi số và Đề án 06');
    categoryId = categories[0]!.id;
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#1a5' } }).png().toBuffer();
    const media = await t.as(editor, 'POST', '/api/media', { name: 'hoi-nghi.png', base64: png.toString('base64'), alt: 'Hội nghị tuyên truyền CCHC' });
    expect(media.statusCode, media.body).toBe(201);
    mediaId = media.json().id;
    expect((media.json().variants as { width: number }[]).map((v) => v.width)).toEqual(expect.arrayContaining([320, 640, 960, 1280]));
  });
  afterAll(() => t.close());

  const write = (s: Session, body: object) => t.as(s, 'POST', '/api/articles', { title: 'Đăng ký kinh doanh qua mạng', summary: '', bodyHtml: '<p>Hướng dẫn thủ tục đăng ký trực tuyến.</p>', categoryId, ...body });
  const step = (s: Session, id: string, action: string, body: object = {}) => t.as(s, 'POST', `/api/articles/${id}/${action}`, body);
  const evidenceOf = async (id: string) => ((await t.as(admin, 'GET', `/api/evidence?planId=${planId}&taskId=${taskId}&includeWithdrawn=true`)).json() as EvidenceRow[]).filter((e) => e.link?.includes(id) || e.title.includes('Đăng ký kinh doanh'));

  it('editor writes → leader approves and publishes: the article is public, searchable and evidence on its task; unpublishing undoes all three', async () => {
    const created = await write(editor, { taskIds: [taskId], coverMediaId: mediaId, tags: ['một cửa', 'một cửa'] });
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json() as Article;
    expect(a).toMatchObject({ status: 'draft', slug: 'dang-ky-kinh-doanh-qua-mang', taskIds: [taskId] });
    expect(a.actions).toContain('submit');
    expect((await step(editor, a.id, 'submit')).json().status).toBe('submitted');

    // The author never approves their own article.
    const self = await step(editor, a.id, 'approve');
    expect(self.statusCode).toBe(409);
    expect(self.json().detail).toMatch(/tự duyệt/);
    expect(((await t.as(editor, 'GET', `/api/articles/${a.id}`)).json() as Article).actions).not.toContain('approve');

    expect((await step(leader, a.id, 'approve', { note: 'Đồng ý' })).json().status).toBe('approved');
    const published = (await step(leader, a.id, 'publish')).json() as Article;
    expect(published.status).toBe('published');
    expect(published.history.map((h) => h.action)).toEqual(['create', 'submit', 'approve', 'publish']);

    const portal = t.services.publishing.portal;
    const page = await portal.article(editor.agencyId, a.slug);
    expect(page).toMatchObject({ title: 'Đăng ký kinh doanh qua mạng', lang: 'vi' });
    expect(page!.cover!.srcset).toContain('640w');
    const found = await portal.search(editor.agencyId, 'dang ky kinh doanh', 1, 10);
    expect(found.hits.map((h) => h.path)).toContain(a.publicPath);
    expect(found.hits[0]!.titleHtml).toContain('<mark>');
    const evidence = await evidenceOf(a.id);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ status: 'active', taskIds: [taskId] });
    // The cover is now public.
    expect(await portal.image(editor.agencyId, mediaId, 640, 'webp')).toMatchObject({ mime: 'image/webp' });

    const noReason = await step(editor, a.id, 'unpublish', { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await step(editor, a.id, 'unpublish', { reason: 'Thông tin cần cập nhật' })).json().status).toBe('unpublished');
    expect(await portal.article(editor.agencyId, a.slug)).toBeUndefined();
    expect((await portal.search(editor.agencyId, 'dang ky kinh doanh', 1, 10)).hits.map((h) => h.path)).not.toContain(a.publicPath);
    expect((await evidenceOf(a.id))[0]).toMatchObject({ status: 'withdrawn' });
    expect(await portal.image(editor.agencyId, mediaId, 640, 'webp')).toBeUndefined();
  });

  it('refuses to publish an article as evidence for another year\'s plan, with a clear message', async () => {
    const old = await t.services.plans.createFromDocumentAs({ agencyId: editor.agencyId }, await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') }));
    const oldTask = old.tasks.find((x) => x.kind === 'task')!.id;
    const a = (await write(editor, { title: 'Bài cho kế hoạch cũ', taskIds: [oldTask] })).json() as Article;
    await step(editor, a.id, 'submit');
    await step(leader, a.id, 'approve');
    const res = await step(leader, a.id, 'publish');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/năm 2024/);
    expect(((await t.as(editor, 'GET', `/api/articles/${a.id}`)).json() as Article).status).toBe('approved');
  });

  it('resolves slug collisions and keeps one version ahead of a stale editor', async () => {
    const first = (await write(editor, { title: 'Trùng tiêu đề' })).json() as Article;
    const second = (await write(editor, { title: 'Trùng tiêu đề' })).json() as Article;
    expect([first.slug, second.slug]).toEqual(['trung-tieu-de', 'trung-tieu-de-2']);
    const saved = await t.as(editor, 'PUT', `/api/articles/${first.id}`, { title: 'Trùng tiêu đề (sửa)', summary: '', bodyHtml: '<p>Một</p>', categoryId, version: first.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await t.as(leader, 'PUT', `/api/articles/${first.id}`, { title: 'Bản cũ', summary: '', bodyHtml: '<p>Hai</p>', categoryId, version: first.version });
    expect(stale.statusCode).toBe(409);
    expect(((await t.as(editor, 'GET', `/api/articles/${first.id}`)).json() as Article).bodyHtml).toBe('<p>Một</p>');
    const revisions = (await t.as(editor, 'GET', `/api/articles/${first.id}/revisions`)).json() as { version: number }[];
    expect(revisions.length).toBe(2);
    const diff = (await t.as(editor, 'GET', `/api/articles/${first.id}/revisions/${revisions[0]!.version}/diff`)).json() as { changes: { field: string; words?: { op: string; text: string }[] }[] };
    expect(diff.changes.find((c) => c.field === 'title')!.words).toContainEqual({ op: 'add', text: ' (sửa)' });
  });

  it('stores bodies sanitised: scripts and handlers never reach the page', async () => {
    const a = (await write(editor, { title: 'Bài <script>alert(1)</script>', bodyHtml: '<p onclick="x()">Chữ <b>đậm</b></p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">lừa</a>' })).json() as Article;
    expect(a.bodyHtml).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(a.bodyHtml).toContain('<b>đậm</b>');
  });

  it('editing an approved article voids the approval; a scheduled one is published by its job at its time', async () => {
    const a = (await write(editor, { title: 'Bài hẹn giờ' })).json() as Article;
    await step(editor, a.id, 'submit');
    let cur = (await step(leader, a.id, 'approve')).json() as Article;
    cur = (await t.as(editor, 'PUT', `/api/articles/${a.id}`, { title: 'Bài hẹn giờ', summary: '', bodyHtml: '<p>Đã sửa sau duyệt</p>', categoryId, version: cur.version })).json() as Article;
    expect(cur.status).toBe('draft');
    await step(editor, a.id, 'submit');
    await step(leader, a.id, 'approve');
    const at = new Date(Date.now() + 3_600_000).toISOString();
    cur = (await step(leader, a.id, 'publish', { at })).json() as Article;
    expect(cur.status).toBe('scheduled');
    expect(cur.scheduleJob).toMatchObject({ state: 'queued', runAt: at });
    // A stale job (another time) does nothing; the right one publishes.
    await t.services.publishing.articles.runScheduled({ articleId: a.id, at: new Date(Date.now() - 1000).toISOString() });
    expect(((await t.as(editor, 'GET', `/api/articles/${a.id}`)).json() as Article).status).toBe('scheduled');
    await t.services.publishing.articles.runScheduled({ articleId: a.id, at });
    cur = (await t.as(editor, 'GET', `/api/articles/${a.id}`)).json() as Article;
    expect(cur.status).toBe('published');
    expect(cur.history.at(-1)).toMatchObject({ action: 'scheduled' });
  });

  it('force-publish needs a reason and a leader, and stays flagged until someone else reviews it', async () => {
    const a = (await write(editor, { title: 'Tin khẩn' })).json() as Article;
    expect((await step(editor, a.id, 'force-publish', { reason: 'Khẩn cấp' })).statusCode).toBe(403);
    expect((await step(leader, a.id, 'force-publish', { reason: '' })).statusCode).toBe(400);
    const forced = (await step(leader, a.id, 'force-publish', { reason: 'Thông tin khẩn về lịch tiếp dân' })).json() as Article;
    expect(forced).toMatchObject({ status: 'published', forcePublished: true, forceReviewed: false });
    const queue = (await t.as(editor, 'GET', '/api/articles?needsReview=true')).json() as { items: { id: string }[] };
    expect(queue.items.map((x) => x.id)).toContain(a.id);
    expect((await step(leader, a.id, 'review-forced')).statusCode).toBe(409);
    expect((await step(editor, a.id, 'review-forced', { note: 'Đã xem' })).json()).toMatchObject({ forceReviewed: true });
  });

  it('language versions carry their own lang; preview links show drafts privately', async () => {
    const a = (await write(editor, { title: 'Bản tin song ngữ', translations: [{ lang: 'tyz', title: 'Bản tin pác Tày', summary: 'Tóm tắt', bodyHtml: '<p>Nội dung tiếng Tày</p>' }] })).json() as Article;
    const bad = await write(editor, { title: 'Sai', translations: [{ lang: 'xx', title: 'x', summary: '', bodyHtml: '' }] });
    expect(bad.statusCode).toBe(400);
    const link = (await t.as(editor, 'POST', `/api/articles/${a.id}/preview-link`)).json() as { path: string };
    const token = link.path.split('/').pop()!;
    const preview = await t.services.publishing.portal.preview(editor.agencyId, token, 'tyz');
    expect(preview).toMatchObject({ lang: 'tyz', title: 'Bản tin pác Tày', preview: true });
    // The token is looked up within the agency the portal serves: another agency's host finds nothing.
    expect(await t.services.publishing.portal.preview('another-agency', token)).toBeUndefined();
    expect(await t.services.publishing.portal.article(editor.agencyId, a.slug)).toBeUndefined();
    await t.as(editor, 'DELETE', `/api/articles/${a.id}/preview-link`);
    expect(await t.services.publishing.portal.preview(editor.agencyId, token)).toBeUndefined();
  });

  it('an image not yet published is served only to the agency\'s signed-in staff, never cached publicly', async () => {
    const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#135' } }).png().toBuffer();
    const draftImage = (await t.as(editor, 'POST', '/api/media', { name: 'nhap.png', base64: png.toString('base64'), alt: 'Ảnh nháp' })).json() as { id: string; variants: { url: string }[] };
    const url = draftImage.variants.find((v) => v.url.endsWith('.webp'))!.url;
    expect((await t.as(undefined, 'GET', url)).statusCode).toBe(404);
    const staffView = await t.as(editor, 'GET', url);
    expect(staffView.statusCode).toBe(200);
    expect(staffView.headers['content-type']).toBe('image/webp');
    expect(staffView.headers['cache-control']).toMatch(/^private/);
  });

  it('staff may read but not write articles; uploads are checked by content', async () => {
    expect((await write(staff, {})).statusCode).toBe(403);
    const fake = await t.as(editor, 'POST', '/api/media', { name: 'anh.png', base64: Buffer.from('<html><script>alert(1)</script></html>').toString('base64'), alt: 'x' });
    expect(fake.statusCode).toBe(415);
    const noAlt = await t.as(editor, 'POST', '/api/media', { name: 'a.png', base64: (await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer()).toString('base64'), alt: '   ' });
    expect(noAlt.statusCode).toBe(400);
    const pdf = await t.as(editor, 'POST', '/api/publishing/files', { name: 'ke-hoach.pdf', base64: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF').toString('base64') });
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ mime: 'application/pdf', kind: 'pdf' });
  });

  it('legal documents are listed and found without diacritics', async () => {
    const created = await t.as(editor, 'POST', '/api/legal-documents', { numberSymbol: '125/QĐ-UBND', docType: 'Quyết định', issuer: 'UBND tỉnh Bắc Giang', signedOn: '2024-02-20', effectiveOn: '2024-02-20', subject: 'Công bố danh mục thủ tục hành chính lĩnh vực dân tộc' });
    expect(created.statusCode, created.body).toBe(201);
    const bad = await t.as(editor, 'POST', '/api/legal-documents', { numberSymbol: '1/QĐ', docType: 'Quyết định', issuer: 'UBND', signedOn: '2024-02-20', effectiveOn: '2024-01-01', subject: 'x' });
    expect(bad.statusCode).toBe(400);
    const result = await t.services.publishing.portal.documents(editor.agencyId, { q: 'thu tuc hanh chinh dan toc', page: 1, pageSize: 10 });
    expect(result.items.map((d) => d.numberSymbol)).toEqual(['125/QĐ-UBND']);
    expect(result.years).toContain(2024);
  });

  it('the admin list search matches capitals with diacritics and takes % and _ literally, on both engines', async () => {
    for (const title of ['ỦY BAN NHÂN DÂN TỈNH ĐĂNG KÝ 50% HỒ SƠ TRỰC TUYẾN', 'Giảm 500 ngày xử lý hồ sơ', 'Mã_số thuế cá nhân']) expect((await write(editor, { title })).statusCode).toBe(201);
    const titles = async (q: string) => ((await t.as(editor, 'GET', `/api/articles?q=${encodeURIComponent(q)}`)).json().items as { title: string }[]).map((a) => a.title);
    expect(await titles('ủy ban nhân dân')).toEqual(['ỦY BAN NHÂN DÂN TỈNH ĐĂNG KÝ 50% HỒ SƠ TRỰC TUYẾN']);
    expect(await titles('50%')).toEqual(['ỦY BAN NHÂN DÂN TỈNH ĐĂNG KÝ 50% HỒ SƠ TRỰC TUYẾN']);
    expect(await titles('mã_số')).toEqual(['Mã_số thuế cá nhân']);
    expect(await titles('m_ số')).toEqual([]);
  });
});

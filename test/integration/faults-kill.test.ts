import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import { rng } from '../../bench/measure.ts';
import { ENGINES } from '../support/databases.ts';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.ts';
import { startFaultEnv, type FaultEnv } from '../support/fault-env.ts';

/**
 * kill -9 of the real server during plan import, report finalisation, article publication and a
 * social post; restart on the same database; then the invariants, checked with SQL:
 * nothing half-written, nothing posted twice, the interrupted job picked up again.
 * Fast in `npm test` (FAULT_ROUNDS, default 1 per operation and engine);
 * `npm run faults` runs 50 (see README). The delays are seeded (FAULT_SEED) and spread over
 * the operation's measured duration, so kills land before, during and after it.
 */
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 1);
const SEED = Number(process.env.FAULT_SEED ?? 9_04_2024);
const PORTS = { sqlite: { app: 4320, facebook: 4330 }, postgres: { app: 4321, facebook: 4331 } } as const;
const PAGE_ID = '710000000000001';
const PAGE_TOKEN = 'EAAGfaultspagetoken0001WXYZ';
/** The fake Graph API answers a post only after this: the window between the remote call and recording it. */
const FACEBOOK_LATENCY_MS = 400;
const ROUND_TIMEOUT = 120_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const year = new Date().getFullYear();

describe.each(ENGINES)('kill -9 and restart on %s', (engine) => {
  let f: FaultEnv;
  let fb: FakeFacebook;
  let document: Record<string, unknown>;
  let fileBody: { name: string; base64: string };
  let planId: string;
  let taskId: string;
  let channelId: string;
  let categoryId: string;
  let taskRows: number;
  const random = rng(SEED + (engine === 'postgres' ? 1 : 0));
  /** Printed as soon as an operation's rounds are done, so a long run shows its figures as it goes. */
  const figure = (line: string) => console.log(`[faults ${engine}, ${ROUNDS} round(s), seed ${SEED}] ${line}`);

  /** Runs `op` and kills the server after a seeded delay in [0, 2 × its reference duration] (a loaded machine answers slower than the reference), then restarts it. */
  async function killDuring(op: () => Promise<unknown>, referenceMs: number) {
    const delay = Math.round(random() * referenceMs * 2);
    const running = op().catch(() => undefined);
    await sleep(delay);
    await f.app.kill9();
    await running;
    const t0 = Date.now();
    await f.app.start();
    return { delay, restartMs: Date.now() - t0 };
  }

  async function timed(op: () => Promise<unknown>) {
    const t0 = Date.now();
    await op();
    return Date.now() - t0;
  }

  const importPlan = (title: string) => f.coordinator.call('POST', '/api/plans/import', { document: { ...document, title, numberText: null }, file: fileBody });

  beforeAll(async () => {
    fb = await startFakeFacebook({ port: PORTS[engine].facebook });
    fb.addPage(PAGE_ID, 'Trang Facebook thử lỗi (mẫu)', PAGE_TOKEN);
    f = await startFaultEnv(engine, PORTS[engine].app, { FACEBOOK_GRAPH_URL: fb.baseUrl, JOB_POLL_MS: '100', SOCIAL_RETRY_MS: '200', SOCIAL_TIMEOUT_MS: '5000' });
    const text = await readFile(SEED_PLAN_FILE, 'utf8');
    fileBody = { name: 'ke-hoach.txt', base64: Buffer.from(text).toString('base64') };
    const preview = await f.coordinator.call('POST', '/api/plans/import/preview', { file: fileBody });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    document = { ...preview.body.document, year, signDate: `${year}-01-05` };
    const plan = await importPlan(`Kế hoạch thử lỗi năm ${year}`);
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    planId = plan.body.id;
    taskId = plan.body.tasks.find((t: { kind: string }) => t.kind === 'task').id;
    taskRows = Number((await f.check.db.selectFrom('plan_tasks').select((e) => e.fn.countAll<number>().as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow()).n);
    const categories = await f.coordinator.call('POST', '/api/categories/defaults');
    categoryId = categories.body[0].id;
    channelId = (await f.coordinator.call('POST', '/api/social/channels', { network: 'facebook', name: 'Trang thử lỗi (mẫu)' })).body.id;
    const connected = await f.coordinator.call('PUT', `/api/social/channels/${channelId}/connection`, { externalId: PAGE_ID, accessToken: PAGE_TOKEN });
    expect(connected.status, JSON.stringify(connected.body)).toBe(200);
    fb.setFaults({ slow: { count: 1_000_000, ms: FACEBOOK_LATENCY_MS, path: '/feed' } });
  }, 300_000);

  afterAll(async () => {
    await f?.close();
    await fb?.close();
  });

  const count = async (table: 'plan_tasks' | 'search_documents', column: 'plan_id' | 'ref_id', value: string) =>
    Number((await f.check.db.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).where(column, '=', value).executeTakeFirstOrThrow()).n);

  it('plan import: a plan has all its task rows or does not exist', async () => {
    const reference = await timed(() => importPlan('Kế hoạch thử lỗi (tham chiếu)'));
    let survived = 0;
    let restart = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const title = `Kế hoạch thử lỗi vòng ${round}`;
      restart += (await killDuring(() => importPlan(title), reference)).restartMs;
      const plans = await f.check.db.selectFrom('plans').select(['id', 'original_file_id']).where('title', '=', title).execute();
      expect(plans.length).toBeLessThanOrEqual(1);
      for (const p of plans) {
        survived++;
        expect(await count('plan_tasks', 'plan_id', p.id)).toBe(taskRows);
        if (p.original_file_id) expect(await f.check.db.selectFrom('files').select('id').where('id', '=', p.original_file_id).executeTakeFirst()).toBeTruthy();
      }
    }
    figure(`plan import: reference ${reference} ms, ${survived}/${ROUNDS} committed before the kill, mean restart ${Math.round(restart / ROUNDS)} ms`);
  }, ROUND_TIMEOUT * ROUNDS + 60_000);

  it('report finalisation: a consolidated report exists with both its files, or not at all, and can then be finalised once', async () => {
    async function period() {
      const plan = await importPlan(`Kế hoạch cho báo cáo ${Math.random()}`);
      const opened = await f.coordinator.call('POST', '/api/periods', { planId: plan.body.id, code: `${year}-Q1` });
      expect(opened.status, JSON.stringify(opened.body)).toBeLessThan(300);
      return opened.body.id as string;
    }
    const finalize = (id: string) => f.coordinator.call('POST', `/api/periods/${id}/consolidated/finalize`, { numberText: '07/BC-BDT', date: `${year}-03-20` });
    const first = await period();
    let res: Awaited<ReturnType<typeof finalize>> | undefined;
    const reference = await timed(async () => void (res = await finalize(first)));
    expect(res!.status, JSON.stringify(res!.body)).toBe(200);
    let survived = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const id = await period();
      await killDuring(() => finalize(id), reference);
      const reports = await f.check.db.selectFrom('consolidated_reports').select(['docx_file_id', 'xlsx_file_id']).where('period_id', '=', id).execute();
      expect(reports.length).toBeLessThanOrEqual(1);
      survived += reports.length;
      for (const r of reports) {
        const files = await f.check.db.selectFrom('files').select(['id', 'size']).where('id', 'in', [r.docx_file_id, r.xlsx_file_id]).execute();
        expect(files).toHaveLength(2);
      }
      // After the restart the report is finalised (again, or refused as already final): exactly one.
      expect([200, 409]).toContain((await finalize(id)).status);
      expect(await f.check.db.selectFrom('consolidated_reports').select('id').where('period_id', '=', id).execute()).toHaveLength(1);
    }
    // No stored report file without its report.
    const orphans = await f.check.db.selectFrom('files').select('id').where('name', 'like', 'Bao-cao-%')
      .where((e) => e.and([e('id', 'not in', e.selectFrom('consolidated_reports').select('docx_file_id')), e('id', 'not in', e.selectFrom('consolidated_reports').select('xlsx_file_id'))])).execute();
    expect(orphans).toEqual([]);
    figure(`report finalisation: reference ${reference} ms, ${survived}/${ROUNDS} committed before the kill`);
  }, ROUND_TIMEOUT * ROUNDS + 60_000);

  it('article publication: published with its search entry and its evidence, or none of the three', async () => {
    async function approved(title: string) {
      const created = await f.coordinator.call('POST', '/api/articles', { title, summary: 'Bài thử lỗi (mẫu)', bodyHtml: '<p>Nội dung thử.</p>', categoryId, taskIds: [taskId] });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await f.coordinator.call('POST', `/api/articles/${created.body.id}/submit`, {});
      expect((await f.leader.call('POST', `/api/articles/${created.body.id}/approve`, {})).status).toBe(200);
      return created.body.id as string;
    }
    const publish = (id: string) => f.leader.call('POST', `/api/articles/${id}/publish`, {});
    async function state(id: string) {
      const article = await f.check.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      const evidence = await f.check.db.selectFrom('evidence').select('status').where('source_type', '=', 'article').where('source_id', '=', id).execute();
      return { published: article.status === 'published', search: await count('search_documents', 'ref_id', id), evidence: evidence.filter((e) => e.status === 'active').length };
    }
    const ref = await approved('Bài tham chiếu thử lỗi');
    const reference = await timed(() => publish(ref));
    expect(await state(ref)).toEqual({ published: true, search: 1, evidence: 1 });
    let survived = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const id = await approved(`Bài thử lỗi vòng ${round}`);
      await killDuring(() => publish(id), reference);
      const s = await state(id);
      expect(s).toEqual(s.published ? { published: true, search: 1, evidence: 1 } : { published: false, search: 0, evidence: 0 });
      if (s.published) survived++;
      else expect((await publish(id)).status).toBe(200);
      expect(await state(id)).toEqual({ published: true, search: 1, evidence: 1 });
    }
    figure(`article publish: reference ${reference} ms, ${survived}/${ROUNDS} committed before the kill`);
  }, ROUND_TIMEOUT * ROUNDS + 60_000);

  it('social post: sent to the network at most once, recorded, and the interrupted job resumes after restart', async () => {
    const send = (message: string) => f.coordinator.call('POST', '/api/social/posts', { title: 'Tin thử lỗi (mẫu)', link: 'https://example.vn/tin-thu-loi', planId, taskIds: [taskId], channels: [{ channelId, message }] });
    const delivery = (message: string) => f.check.db.selectFrom('social_deliveries').selectAll().where('message', '=', message).executeTakeFirst();
    async function published(message: string, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const d = await delivery(message);
        if (d?.state === 'published' || Date.now() > until) return d;
        await sleep(100);
      }
    }
    const reference = await timed(async () => {
      expect((await send('Bài đăng tham chiếu thử lỗi')).status).toBeLessThan(300);
      expect((await published('Bài đăng tham chiếu thử lỗi'))?.state).toBe('published');
    });
    let created = 0;
    let resumed = 0;
    let resumeMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const message = `Bài đăng thử lỗi vòng ${round} (mẫu)`;
      await killDuring(() => send(message), reference);
      const before = await delivery(message);
      if (!before) {
        // Killed before the post was recorded: nothing to send, and nothing was sent.
        expect(fb.posts.filter((p) => p.message === message)).toEqual([]);
        continue;
      }
      created++;
      if (before.state !== 'published') resumed++;
      const t0 = Date.now();
      const d = await published(message);
      resumeMs += Date.now() - t0;
      expect(d?.state, d?.last_error ?? '').toBe('published');
      expect(fb.posts.filter((p) => p.message === message)).toHaveLength(1);
      expect(d!.remote_id).toBe(fb.posts.find((p) => p.message === message)!.id);
      const evidence = await f.check.db.selectFrom('evidence').select('status').where('source_type', '=', 'social_post').where('source_id', '=', d!.id).execute();
      expect(evidence.map((e) => e.status)).toEqual(['active']);
    }
    // Every post the network holds was sent once; no job is left running by a dead worker.
    const messages = fb.posts.map((p) => p.message);
    expect(new Set(messages).size).toBe(messages.length);
    expect(await f.check.db.selectFrom('jobs').select('id').where('state', '=', 'running').execute()).toEqual([]);
    figure(`social post: reference ${reference} ms, ${created}/${ROUNDS} recorded before the kill, ${resumed} finished by the restarted server (mean ${resumed ? Math.round(resumeMs / created) : 0} ms after restart), duplicates 0`);
  }, ROUND_TIMEOUT * ROUNDS + 60_000);
});

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import { findOrphanObjects } from '../../src/platform/files/orphans.ts';
import { fileStore, useObjectStorage } from '../../src/platform/files/store.ts';
import { ENGINES } from '../support/databases.ts';
import { startS3Server } from '../support/s3-server.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

const S3_PORT = 4401;

describe('file storage configuration', () => {
  it('stays in the database unless FILE_STORAGE=s3, and refuses an incomplete S3 setup in Vietnamese', () => {
    expect(loadConfig({}).fileStorage).toEqual({ kind: 'database' });
    const bad = () => loadConfig({ FILE_STORAGE: 's3', S3_ENDPOINT: 'ftp://x', S3_BUCKET: 'Bad_Bucket' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/S3_ENDPOINT phải là địa chỉ http\(s\):\/\//);
    expect(bad).toThrow(/FILE_STORAGE=s3 cần S3_ACCESS_KEY_ID/);
    expect(bad).toThrow(/S3_BUCKET không phải tên bucket hợp lệ/);
    expect(() => loadConfig({ FILE_STORAGE: 'disk' })).toThrow(/FILE_STORAGE phải là database hoặc s3/);
  });
});

describe.each(ENGINES)('attachments on S3-compatible storage on %s', (engine) => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let t: TestApp;
  let coordinator: Session;
  let planId: string;
  let taskId: string;

  beforeAll(async () => {
    s3 = await startS3Server(S3_PORT);
    t = await createTestApp(engine, s3.env());
    coordinator = await t.login(DEMO.coordinator);
    const document = await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') });
    const plan = await t.services.plans.createFromDocumentAs({ agencyId: coordinator.agencyId }, document);
    planId = plan.id;
    taskId = plan.tasks.find((x) => x.kind === 'task')!.id;
  });
  afterAll(async () => {
    await t?.close();
    useObjectStorage(undefined);
    await s3?.stop();
  });

  const postEvidence = (app: TestApp, bytes: Buffer) =>
    app.as(coordinator, 'POST', '/api/evidence', { planId, date: '2024-03-10', kind: 'event', title: 'Hội nghị có biên bản', quantities: { conferences: 1 }, taskIds: [taskId], files: [{ name: 'biên bản.pdf', mime: 'application/pdf', base64: bytes.toString('base64') }] });

  it('an evidence file uploaded through the API lives in the bucket; the row keeps no content; download is byte-equal', async () => {
    const pdf = Buffer.from(`%PDF-1.4 biên bản hội nghị ${engine} ${'x'.repeat(5000)}`);
    const res = await postEvidence(t, pdf);
    expect(res.statusCode, res.body).toBe(201);
    const { id, files } = res.json() as { id: string; files: { id: string }[] };
    const row = await t.db.database.db.selectFrom('files').select(['content', 'storage_key', 'size']).where('id', '=', files[0]!.id).executeTakeFirstOrThrow();
    expect(row.storage_key).toBe(`${coordinator.agencyId}/${files[0]!.id}`);
    expect(Buffer.from(row.content).length).toBe(0);
    expect(row.size).toBe(pdf.length);
    const object = Buffer.from(await new Response(await t.services.objectStorage!.get(row.storage_key!)).arrayBuffer());
    expect(object.equals(pdf)).toBe(true);
    const download = await t.as(coordinator, 'GET', `/api/evidence/${id}/files/${files[0]!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('a rolled-back transaction leaves an object without a row, which the orphan sweep finds and deletes', async () => {
    const s3Client = t.services.objectStorage!;
    let key = '';
    await expect(t.db.database.transaction(async (trx) => {
      const meta = await fileStore.save(trx, { agencyId: coordinator.agencyId, name: 'bo.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.4 bỏ'), createdBy: null });
      key = `${coordinator.agencyId}/${meta.id}`;
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    // Younger than an hour: a transaction may still be running, so the default sweep leaves it.
    expect((await findOrphanObjects(t.db.database, s3Client)).orphans).not.toContain(key);
    const swept = await findOrphanObjects(t.db.database, s3Client, { remove: true, minAgeMs: 0 });
    expect(swept.orphans).toEqual([key]);
    expect(swept.removed).toBe(1);
    expect((await findOrphanObjects(t.db.database, s3Client, { minAgeMs: 0 })).orphans).toEqual([]);
  });

  it('refused credentials answer a clear 503 through the API and store nothing', async () => {
    const wrong = await createTestApp(engine, s3.env({ S3_ACCESS_KEY_ID: 'KHONG-CO' }));
    try {
      const session = await wrong.login(DEMO.coordinator);
      const plan = await wrong.services.plans.createFromDocumentAs({ agencyId: session.agencyId }, await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') }));
      const count = async (table: 'files' | 'evidence') => Number((await wrong.db.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const before = { files: await count('files'), evidence: await count('evidence') };
      const res = await wrong.as(session, 'POST', '/api/evidence', { planId: plan.id, date: '2024-03-10', kind: 'event', title: 'Hội nghị', quantities: { conferences: 1 }, taskIds: [plan.tasks.find((x) => x.kind === 'task')!.id], files: [{ name: 'a.pdf', mime: 'application/pdf', base64: Buffer.from('%PDF-1.4 a').toString('base64') }] });
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toMatch(/Kho lưu trữ tệp \(S3\) không phản hồi hoặc từ chối truy cập \(InvalidAccessKeyId\)/);
      expect({ files: await count('files'), evidence: await count('evidence') }).toEqual(before);
    } finally {
      await wrong.close();
      // The storage choice is process-wide (store.ts): give the first app its client back.
      useObjectStorage(t.services.objectStorage);
    }
  });
});

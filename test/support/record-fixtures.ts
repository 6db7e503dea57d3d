import sharp from 'sharp';
import { readFile } from 'node:fs/promises';
import { readPlanInput } from '../../src/modules/plans/import-service.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plans/seed.ts';
import { challengeSecret, createChallenge } from '../../src/modules/feedback/challenge.ts';
import { DEMO, type Session, type TestApp } from './test-app.ts';

/** One record of every kind the API addresses by id, in the admin's agency. */
export type Fixtures = { agencyId: string; unitId: string; userId: string; jobId: string; planId: string; taskId: string; evidenceId: string; periodId: string; categoryId: string; mediaId: string; articleId: string; documentId: string; procedureCode: string; decisionId: string; resultId: string; feedbackId: string; indexValueId: string; eventId: string; channelId: string; deliveryId: string };

/**
 * Creates one record of every kind through the services (the route-access matrix and the
 * fuzzer address them by id), in the agency of `admin`.
 */
export async function createRecordFixtures(t: TestApp, admin: Session): Promise<Fixtures> {
  const units = (await t.as(admin, 'GET', '/api/units')).json() as { id: string }[];
  const users = (await t.as(admin, 'GET', '/api/users')).json() as { id: string; email: string }[];
  const job = await t.services.jobs.enqueue(t.db.database.db, { kind: 'test.noop', agencyId: admin.agencyId, payload: {} });
  const document = await readPlanInput({ text: await readFile(SEED_PLAN_FILE, 'utf8') });
  const plan = await t.services.plans.createFromDocumentAs({ agencyId: admin.agencyId }, document, { name: 'plan.txt', mime: 'text/plain', bytes: Buffer.from('x') });
  const taskId = plan.tasks.find((x) => x.kind === 'task')!.id;
  const adminActor = (await t.services.auth.loadActor(admin.userId, admin.agencyId))!;
  const evidence = await t.services.evidence.record(adminActor, { planId: plan.id, taskIds: [taskId], kind: 'article', date: '2024-03-01', title: 'Tin thử' });
  const coordinatorActor = (await t.services.auth.loadActor((await t.login(DEMO.coordinator)).userId, admin.agencyId))!;
  const period = await t.services.reporting.openPeriod(coordinatorActor, { planId: plan.id, code: '2024-Q1' });
  const [category] = await t.services.publishing.categories.createDefaults(adminActor);
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a6' } }).png().toBuffer();
  const media = await t.services.publishing.media.upload(adminActor, { name: 'anh.png', base64: png.toString('base64'), alt: 'Ảnh thử' });
  const article = await t.services.publishing.articles.create(adminActor, { title: 'Bài thử', summary: 'Tóm tắt', bodyHtml: '<p>Nội dung</p>', categoryId: category!.id, coverMediaId: media.id });
  const legalDocument = await t.services.publishing.documents.create(adminActor, { numberSymbol: '01/QĐ-UBND', docType: 'Quyết định', issuer: 'UBND tỉnh', signedOn: '2024-01-02', subject: 'Thử' });
  const procedureData = { code: '1.000001', name: 'Thủ tục thử', field: 'Công tác dân tộc', level: 'Cấp tỉnh', implementingAgency: 'Ban', steps: [], channels: [], processingDays: null, onlineLevel: null, dossier: [], applicants: '', result: '', forms: [], conditions: '', legalBasis: [] };
  await t.services.procedures.catalog.save(adminActor, procedureData, '2024-01-01');
  const decision = await t.services.procedures.decisions.create(adminActor, { numberSymbol: '1/QĐ', issuer: 'UBND', signedOn: '2024-06-03', effectiveOn: '2024-06-10', items: [{ changeKind: 'abolished', code: '1.000001' }] });
  const zero = { carriedOver: 0, receivedOnline: 1, receivedInPerson: 0, receivedPostal: 0, settledEarly: 0, settledOnTime: 1, settledLate: 0, pendingWithin: 0, pendingOverdue: 0, returned: 0, withdrawn: 0 };
  const result = await t.services.serviceStats.save(adminActor, { month: '2024-03', procedureCode: procedureData.code, fieldId: null, ...zero });
  const challenge = createChallenge(challengeSecret(t.config.sessionSecret), Date.now(), () => 1);
  await t.services.feedback.submit(admin.agencyId, { name: 'Người gửi thử', address: 'Địa chỉ thử', phone: '0912345678', subject: 'Phản ánh thử', content: 'Nội dung phản ánh thử.', answer: '4', token: challenge.token }, []);
  const [feedback] = await t.services.feedback.list(adminActor, {});
  const indexValue = await t.services.indices.create(adminActor, { indexCode: 'pci', component: 'total', year: 2022, value: 72.8, rank: 2, rankOf: 63, source: 'Báo cáo PCI 2022' });
  await t.services.events.areas.seedDemo(admin.agencyId);
  const commune = (await t.services.events.areas.list(adminActor, { on: '2024-03-01', level: 'commune' }))[0]!;
  const event = await t.services.events.create(adminActor, { kind: 'conference', title: 'Hội nghị thử', startDate: '2024-03-01', endDate: '2024-03-01', areaId: commune.id, audiences: [], participantsTotal: 10, participantsWomen: 5, participantsEthnic: 5 });
  const channel = await t.services.social.channels.create(adminActor, { network: 'facebook', name: 'Trang thử' });
  const deliveryId = await t.services.social.manual.record(adminActor, { network: 'facebook', url: 'https://www.facebook.com/p/1', date: '2024-03-01', title: 'Bài thử', planId: plan.id, taskIds: [taskId], screenshot: { name: 'anh.png', base64: png.toString('base64') } });
  return { agencyId: admin.agencyId, channelId: channel.id, deliveryId, eventId: event.id, indexValueId: indexValue.id, feedbackId: feedback!.id, resultId: result.id, procedureCode: procedureData.code, decisionId: decision.id, unitId: units[0]!.id, userId: users.find((u) => u.email === DEMO.editor)!.id, jobId: job.id, planId: plan.id, taskId, evidenceId: evidence.id, periodId: period.id, categoryId: category!.id, mediaId: media.id, articleId: article.id, documentId: legalDocument.id };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.ts';
import { docxBomb, gifHtmlPolyglot, hugePng, nestedDocx, pdfZipPolyglot, smallXlsx, SVG_WITH_SCRIPT, xlsxBomb } from '../support/hostile-files.ts';
import { createTestApp, DEMO, type Session, type TestApp } from '../support/test-app.ts';

/**
 * Hostile uploads through every kind of upload route (media library, attached files, plan,
 * catalog, results, indices and areas imports, event materials): ZIP bombs (honest and lying
 * directories, nested archives), polyglots, the wrong type behind the right extension, and a
 * decompression-bomb image are refused with a 4xx and a Vietnamese message, and nothing is stored.
 */
const b64 = (b: Buffer) => b.toString('base64');
const TABLES = ['files', 'media', 'plans', 'procedures', 'processing_results', 'index_values', 'admin_areas', 'outreach_event_files'] as const;

describe.each(ENGINES)('upload abuse on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let eventId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login(DEMO.admin);
    const actor = (await t.services.auth.loadActor(admin.userId, admin.agencyId))!;
    await t.services.events.areas.seedDemo(admin.agencyId);
    const commune = (await t.services.events.areas.list(actor, { on: '2024-03-01', level: 'commune' }))[0]!;
    eventId = (await t.services.events.create(actor, { kind: 'conference', title: 'Hội nghị thử', startDate: '2024-03-01', endDate: '2024-03-01', areaId: commune.id, audiences: [], participantsTotal: 10, participantsWomen: 5, participantsEthnic: 5 })).id;
  });
  afterAll(() => t.close());

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await t.db.database.db.selectFrom(table as 'files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  /** Sends the upload and checks a 4xx with a Vietnamese message, and no row added anywhere. */
  async function refused(method: string, url: string, body: unknown, status: number | number[], message: RegExp) {
    const before = await counts();
    const res = await t.as(admin, method, url, body);
    expect([status].flat(), `${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
    expect(res.json().detail).toMatch(message);
    expect(await counts()).toEqual(before);
  }

  const BOMB = /Tệp nén không được nhận: nội dung giải nén quá lớn/;
  const NESTED = /Tệp nén không được nhận: tệp nén lồng nhiều lớp/;
  const NOT_ALLOWED = /không đúng định dạng cho phép/;

  it('refuses DOCX bombs (honest and lying sizes, nested archives) as attached files and plan imports', async () => {
    for (const [file, message] of [[docxBomb(), BOMB], [docxBomb(true), BOMB], [nestedDocx(), NESTED]] as const) {
      await refused('POST', '/api/publishing/files', { name: 'ke-hoach.docx', base64: b64(file) }, 413, message);
      await refused('POST', '/api/plans/import/preview', { file: { name: 'ke-hoach.docx', base64: b64(file) } }, 413, message);
      await refused('POST', `/api/events/${eventId}/files`, { name: 'tai-lieu.docx', base64: b64(file), role: 'material' }, 413, message);
    }
  });

  it('refuses XLSX bombs in every spreadsheet import', async () => {
    for (const file of [xlsxBomb(), xlsxBomb(true)]) {
      const upload = { name: 'bang.xlsx', base64: b64(file) };
      await refused('POST', '/api/plans/import/preview', { file: upload }, 413, BOMB);
      await refused('POST', '/api/procedures/import', upload, 413, BOMB);
      await refused('POST', '/api/service-stats/import', upload, 413, BOMB);
      await refused('POST', '/api/indices/import', upload, 413, BOMB);
      await refused('POST', '/api/events/areas/import', upload, 413, BOMB);
    }
  });

  it('refuses polyglots, scripts in SVG and the wrong type behind the right extension', async () => {
    await refused('POST', '/api/media', { name: 'anh.gif', base64: b64(gifHtmlPolyglot()), alt: 'Ảnh' }, 415, /ảnh JPEG, PNG/);
    await refused('POST', '/api/media', { name: 'anh.svg', base64: b64(SVG_WITH_SCRIPT), alt: 'Ảnh' }, 415, /ảnh JPEG, PNG/);
    await refused('POST', '/api/media', { name: 'anh.jpg', base64: b64(Buffer.from('<html><body>không phải ảnh</body></html>')), alt: 'Ảnh' }, 415, /ảnh JPEG, PNG/);
    await refused('POST', '/api/publishing/files', { name: 'van-ban.pdf', base64: b64(pdfZipPolyglot()) }, 415, NOT_ALLOWED);
    await refused('POST', '/api/publishing/files', { name: 'van-ban.pdf', base64: b64(Buffer.from('<html><script>alert(1)</script></html>')) }, 415, NOT_ALLOWED);
    await refused('POST', '/api/publishing/files', { name: 'bang.docx', base64: b64(smallXlsx()) }, 415, NOT_ALLOWED);
    await refused('POST', `/api/events/${eventId}/files`, { name: 'anh.jpg', base64: b64(gifHtmlPolyglot()), role: 'photo' }, 415, NOT_ALLOWED);
  });

  it('refuses an image whose header claims 30000 × 30000 pixels before decoding it', async () => {
    const started = Date.now();
    await refused('POST', '/api/media', { name: 'anh.png', base64: b64(hugePng()), alt: 'Ảnh' }, 413, /Ảnh quá lớn \(30\.000 × 30\.000 điểm ảnh\)/);
    await refused('POST', `/api/events/${eventId}/files`, { name: 'anh.png', base64: b64(hugePng()), role: 'photo' }, 413, /Ảnh quá lớn/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

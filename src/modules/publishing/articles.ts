import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ArticleStatus, ArticleTable, DB } from '../../db/types.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/store.ts';
import { richTextToPlain } from '../../platform/rich-text.ts';
import { normalizeText, todayVi } from '../../platform/vi-text.ts';
import { checkArticleInput, mediaIdsOf, type ArticleSnapshot } from './article-input.ts';
import { articleView, snapshotOf, summaryViews, workflowActor, workflowSubject } from './article-view.ts';
import type { PublishingDeps } from './deps.ts';
import { publishingPolicy } from './policy.ts';
import { paths } from './public-views.ts';
import * as repo from './repo.ts';
import { diffArticleSnapshots } from './revision-diff.ts';
import type { ArticleInputBody, ArticleQueryInput } from './schema.ts';
import { slugify, uniqueSlug } from '../../platform/slug.ts';
import { refusal, type ArticleAction } from './workflow.ts';

export const ARTICLE_SOURCE = 'article';
export const PUBLISH_JOB = 'article.publish';

type Trx = Transaction<DB>;
type By = Actor | { system: string; agencyId: string };
const nameOf = (by: By) => ('system' in by ? 'Hệ thống' : by.fullName);
const idOf = (by: By) => ('system' in by ? null : by.userId);

/** Articles: writing, the editorial workflow, and what publishing changes elsewhere. */
export function createArticles(deps: PublishingDeps) {
  const { database, audit, evidence, search, jobs, org, onPublicChange } = deps;
  const { db } = database;

  async function load(actor: Actor | undefined, id: string, permission: 'articles.read' | 'articles.write' = 'articles.read') {
    const row = await repo.findArticle(db, id);
    const a = authorize(actor, publishingPolicy, permission, row);
    return { a, row: row! };
  }

  function check(action: ArticleAction, row: ArticleTable, a: Actor) {
    const why = refusal(action, workflowSubject(row), workflowActor(a));
    if (why === null) return;
    // A role that lacks the permission is 403; a wrong state or the four-eyes rule is 409.
    if (/quyền|Chỉ lãnh đạo/.test(why)) throw new ForbiddenError(why);
    throw new ConflictError(why);
  }

  async function event(trx: Trx, row: ArticleTable, by: By, action: string, to: ArticleStatus, note?: string | null) {
    await repo.insertEvent(trx, { id: newId(), agency_id: row.agency_id, article_id: row.id, action, from_status: row.status, to_status: to, note: note ? normalizeText(note) : null, actor_id: idOf(by), actor_name: nameOf(by), created_at: nowIso() });
  }

  async function save(trx: Trx, row: ArticleTable, patch: Partial<ArticleTable>) {
    if (!(await repo.updateArticle(trx, row.agency_id, row.id, row.version, { updated_at: nowIso(), ...patch }))) {
      throw new ConflictError('Bài viết vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất.');
    }
  }

  /**
   * What publishing writes besides the article, prepared outside the transaction: the search
   * entry and, for linked tasks, the evidence (one article = one published item on each task).
   */
  async function preparePublic(row: ArticleTable, snap: ArticleSnapshot, publishedAt: string) {
    const recordEvidence = snap.planId && snap.taskIds.length > 0
      ? await evidence.prepareFromSource(row.agency_id, {
        source: { type: ARTICLE_SOURCE, id: row.id }, planId: snap.planId, taskIds: snap.taskIds, kind: 'article', date: todayVi(new Date(publishedAt)),
        unitId: (row.created_by && (await org.userNames(row.agency_id, [row.created_by])).get(row.created_by)?.unitId) ?? null,
        title: snap.title, link: paths.article(snap.slug), quantities: { articles: 1 },
      })
      : null;
    return async (trx: Trx) => {
      await search.upsert(trx, { agencyId: row.agency_id, kind: ARTICLE_SOURCE, refId: row.id, title: snap.title, summary: snap.summary, body: richTextToPlain(snap.bodyHtml), url: paths.article(snap.slug), publishedAt });
      if (recordEvidence) await recordEvidence(trx);
      else await evidence.withdrawSourceIn(trx, row.agency_id, { type: ARTICLE_SOURCE, id: row.id }, 'Bài viết không còn liên kết nhiệm vụ.');
    };
  }

  async function withdrawPublic(trx: Trx, row: ArticleTable, reason: string) {
    await search.remove(trx, row.agency_id, ARTICLE_SOURCE, row.id);
    await evidence.withdrawSourceIn(trx, row.agency_id, { type: ARTICLE_SOURCE, id: row.id }, reason);
  }

  async function writeContent(trx: Trx, row: ArticleTable, snap: ArticleSnapshot, by: By, version: number) {
    await repo.replaceAttachments(trx, row.agency_id, row.id, snap.attachments.map((x) => ({ file_id: x.fileId, label: x.label })));
    await repo.replaceTranslations(trx, row.agency_id, row.id, snap.translations.map((t) => ({ lang: t.lang, title: t.title, summary: t.summary, body_html: t.bodyHtml })));
    const media = await repo.listMediaByIds(trx, row.agency_id, mediaIdsOf(snap));
    await repo.replaceArticleMedia(trx, row.agency_id, row.id, media.map((m) => m.id));
    await repo.insertRevision(trx, { id: newId(), agency_id: row.agency_id, article_id: row.id, version, snapshot: JSON.stringify(snap), created_by: idOf(by), created_at: nowIso() });
  }

  const contentColumns = (s: ArticleSnapshot) => ({
    title: s.title, slug: s.slug, summary: s.summary, body_html: s.bodyHtml, category_id: s.categoryId, byline: s.byline, source: s.source, tags: JSON.stringify(s.tags),
    cover_media_id: s.coverMediaId, cover_alt: s.coverAlt, audio_file_id: s.audioFileId, plan_id: s.planId, task_ids: JSON.stringify(s.taskIds),
  });

  async function pickSlug(agencyId: string, wanted: string, ownId?: string) {
    const taken = await repo.articleSlugsLike(db, agencyId, wanted);
    if (ownId) {
      const own = await repo.findArticle(db, ownId);
      if (own) taken.delete(own.slug);
    }
    return uniqueSlug(wanted, taken);
  }

  async function publishNow(row: ArticleTable, by: By, action: 'publish' | 'force-publish' | 'scheduled' | 'demo', extra: Partial<ArticleTable>, note?: string | null, publishedAt = nowIso()) {
    const snap = await snapshotOf(deps, row);
    const writePublic = await preparePublic(row, snap, publishedAt);
    await database.transaction(async (trx) => {
      await save(trx, row, { status: 'published', published_at: publishedAt, first_published_at: row.first_published_at ?? publishedAt, unpublished_at: null, scheduled_at: null, schedule_job_id: null, ...extra });
      await writePublic(trx);
      await event(trx, row, by, action, 'published', note);
      await audit.record(trx, by, { action, entity: 'article', entityId: row.id, before: { status: row.status }, after: { status: 'published', title: row.title, note } });
    });
    onPublicChange(row.agency_id);
  }

  /** The job that publishes a scheduled article at its time; stale jobs (rescheduled, cancelled) do nothing. */
  async function runScheduled(payload: { articleId: string; at: string }) {
    const row = await repo.findArticle(db, payload.articleId);
    if (!row || row.status !== 'scheduled' || row.scheduled_at !== payload.at) return;
    await publishNow(row, { system: 'lich-dang-bai', agencyId: row.agency_id }, 'scheduled', {});
  }

  /** Creation for a signed-in author or the demo seed (which marks its articles). */
  async function createAs(a: Actor, input: ArticleInputBody, opts: { isDemo?: boolean } = {}) {
    const checked = await checkArticleInput(deps, a.agencyId, input);
    const { slugWanted, ...content } = checked;
    const snap: ArticleSnapshot = { ...content, slug: await pickSlug(a.agencyId, slugWanted ?? (slugify(content.title) || 'bai-viet')) };
    const id = newId();
    const now = nowIso();
    const row: ArticleTable = {
      id, agency_id: a.agencyId, status: 'draft', ...contentColumns(snap), author_id: a.userId || null, version: 1,
      submitted_at: null, approved_by: null, approved_at: null, scheduled_at: null, schedule_job_id: null, published_at: null, first_published_at: null, unpublished_at: null, published_by: null,
      force_reason: null, force_reviewed_by: null, force_reviewed_at: null, preview_token: null, is_demo: opts.isDemo ? 1 : 0, created_by: a.userId || null, created_at: now, updated_at: now,
    };
    await database.transaction(async (trx) => {
      await repo.insertArticle(trx, row);
      await writeContent(trx, row, snap, a, 1);
      await event(trx, { ...row, status: 'draft' }, a, 'create', 'draft');
      await audit.record(trx, a, { action: 'create', entity: 'article', entityId: id, after: { title: snap.title, slug: snap.slug, taskIds: snap.taskIds } });
    });
    return articleView(deps, a, (await repo.findArticle(db, id))!);
  }

  return {
    runScheduled,

    /** Demo seed only: publishes a demo article as of a past date, with its evidence on that date. */
    async publishDemo(id: string, publishedAt: string) {
      const row = await repo.findArticle(db, id);
      if (!row || row.is_demo !== 1) throw new Error('publishDemo is for demo articles only');
      await publishNow(row, { system: 'demo', agencyId: row.agency_id }, 'demo', { updated_at: publishedAt }, 'Dữ liệu mẫu', publishedAt);
    },

    async list(actor: Actor | undefined, query: ArticleQueryInput) {
      const a = authorize(actor, publishingPolicy, 'articles.read');
      const pageSize = query.pageSize ?? 20;
      const { items, total } = await repo.listArticles(db, { agencyId: a.agencyId, ...query, limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize });
      return { total, items: await summaryViews(deps, a.agencyId, items) };
    },

    async get(actor: Actor | undefined, id: string) {
      const { a, row } = await load(actor, id);
      return articleView(deps, a, row);
    },

    async create(actor: Actor | undefined, input: ArticleInputBody) {
      const a = authorize(actor, publishingPolicy, 'articles.write');
      return createAs(a, input);
    },

    createAs,

    async update(actor: Actor | undefined, id: string, input: ArticleInputBody) {
      const { a, row } = await load(actor, id, 'articles.write');
      check('edit', row, a);
      if (input.version !== undefined && input.version !== row.version) throw new ConflictError('Bài viết vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất, rồi sửa tiếp.');
      const before = await snapshotOf(deps, row);
      const { slugWanted, ...content } = await checkArticleInput(deps, a.agencyId, input, before);
      const slug = slugWanted && slugWanted !== row.slug ? await pickSlug(a.agencyId, slugWanted, id) : row.slug;
      const snap: ArticleSnapshot = { ...content, slug };
      if (JSON.stringify(snap) === JSON.stringify(before)) return articleView(deps, a, row);
      // Changed content voids an approval: it goes back to draft (and a schedule is dropped).
      const voids = row.status === 'approved' || row.status === 'scheduled';
      const status: ArticleStatus = voids ? 'draft' : row.status === 'unpublished' ? 'draft' : row.status;
      const writePublic = row.status === 'published' ? await preparePublic(row, snap, row.published_at!) : null;
      await database.transaction(async (trx) => {
        await save(trx, row, { ...contentColumns(snap), status, ...(voids ? { approved_by: null, approved_at: null, scheduled_at: null, schedule_job_id: null } : {}) });
        await writeContent(trx, row, snap, a, row.version + 1);
        if (writePublic) await writePublic(trx);
        if (status !== row.status) await event(trx, row, a, 'edit', status, voids ? 'Nội dung thay đổi sau khi duyệt: cần duyệt lại.' : null);
        await audit.record(trx, a, { action: 'update', entity: 'article', entityId: id, before: { title: before.title, status: row.status }, after: { title: snap.title, status } });
      });
      if (row.status === 'published') onPublicChange(a.agencyId);
      return articleView(deps, a, (await repo.findArticle(db, id))!);
    },

    /** One workflow step; the note or reason is kept in the article's history. */
    async transition(actor: Actor | undefined, id: string, action: Exclude<ArticleAction, 'edit' | 'preview'>, input: { note?: string; reason?: string; at?: string } = {}) {
      const { a, row } = await load(actor, id);
      const scheduleAt = action === 'publish' && input.at && Date.parse(input.at) > Date.now() + 30_000 ? new Date(input.at).toISOString() : null;
      const effective: ArticleAction = scheduleAt ? 'schedule' : action;
      check(effective, row, a);
      const note = input.reason ?? input.note ?? null;
      if ((action === 'return' || action === 'unpublish' || action === 'force-publish') && !normalizeText(note ?? '')) throw new BadRequestError('Hãy nêu lý do.');
      if (action === 'publish' && input.at && Number.isNaN(Date.parse(input.at))) throw new BadRequestError('Thời điểm đăng không hợp lệ.');

      if (effective === 'publish') await publishNow(row, a, 'publish', { published_by: a.userId }, note);
      else if (effective === 'force-publish') await publishNow(row, a, 'force-publish', { published_by: a.userId, force_reason: normalizeText(note!), force_reviewed_by: null, force_reviewed_at: null }, note);
      else if (effective === 'schedule') {
        await database.transaction(async (trx) => {
          const job = await jobs.enqueue(trx, { kind: PUBLISH_JOB, agencyId: a.agencyId, payload: { articleId: id, at: scheduleAt }, runAt: new Date(scheduleAt!), idempotencyKey: `${PUBLISH_JOB}:${id}:${scheduleAt}` });
          await save(trx, row, { status: 'scheduled', scheduled_at: scheduleAt, schedule_job_id: job.id, published_by: a.userId });
          await event(trx, row, a, 'schedule', 'scheduled', note);
          await audit.record(trx, a, { action: 'schedule', entity: 'article', entityId: id, after: { at: scheduleAt } });
        });
      } else {
        const to: Record<typeof effective, ArticleStatus | null> = { submit: 'submitted', approve: 'approved', return: 'draft', 'cancel-schedule': 'approved', 'review-forced': null, unpublish: 'unpublished', archive: 'archived', restore: 'draft' };
        const next = to[effective] ?? row.status;
        const now = nowIso();
        const patch: Partial<ArticleTable> = { status: next };
        if (effective === 'submit') patch.submitted_at = now;
        if (effective === 'approve') Object.assign(patch, { approved_by: a.userId, approved_at: now });
        if (effective === 'return') Object.assign(patch, { approved_by: null, approved_at: null, scheduled_at: null, schedule_job_id: null });
        if (effective === 'cancel-schedule') Object.assign(patch, { scheduled_at: null, schedule_job_id: null });
        if (effective === 'review-forced') Object.assign(patch, { force_reviewed_by: a.userId, force_reviewed_at: now });
        if (effective === 'unpublish' || (effective === 'archive' && row.status === 'published')) patch.unpublished_at = now;
        const leavesPortal = row.status === 'published' && next !== 'published';
        await database.transaction(async (trx) => {
          await save(trx, row, patch);
          if (leavesPortal) await withdrawPublic(trx, row, `Bài viết đã gỡ khỏi Cổng: ${normalizeText(note ?? '') || 'lưu trữ'}`);
          await event(trx, row, a, effective, next, note);
          await audit.record(trx, a, { action: effective, entity: 'article', entityId: id, before: { status: row.status }, after: { status: next, note } });
        });
        if (leavesPortal) onPublicChange(a.agencyId);
      }
      return articleView(deps, a, (await repo.findArticle(db, id))!);
    },

    /** A private link that shows the article as it would appear, whatever its state. */
    async createPreviewLink(actor: Actor | undefined, id: string) {
      const { a, row } = await load(actor, id, 'articles.write');
      const token = row.preview_token ?? randomBytes(24).toString('base64url');
      if (!row.preview_token) {
        await database.transaction(async (trx) => {
          await save(trx, row, { preview_token: token });
          await audit.record(trx, a, { action: 'preview-link', entity: 'article', entityId: id });
        });
      }
      return { path: paths.preview(token) };
    },

    async revokePreviewLink(actor: Actor | undefined, id: string) {
      const { a, row } = await load(actor, id, 'articles.write');
      await database.transaction(async (trx) => {
        await save(trx, row, { preview_token: null });
        await audit.record(trx, a, { action: 'preview-revoke', entity: 'article', entityId: id });
      });
      return articleView(deps, a, (await repo.findArticle(db, id))!);
    },

    async revisions(actor: Actor | undefined, id: string) {
      const { row } = await load(actor, id);
      const revisions = await repo.listRevisions(db, row.agency_id, id);
      const names = await org.userNames(row.agency_id, revisions.map((r) => r.created_by).filter((x): x is string => x !== null));
      return revisions.map((r) => ({ version: r.version, createdAt: r.created_at, authorName: (r.created_by && names.get(r.created_by)?.fullName) || 'Hệ thống', title: (JSON.parse(r.snapshot) as ArticleSnapshot).title }));
    },

    /** Changes a revision made, against the revision before it. */
    async diff(actor: Actor | undefined, id: string, version: number) {
      const { row } = await load(actor, id);
      const all = await repo.listRevisions(db, row.agency_id, id);
      const index = all.findIndex((r) => r.version === version);
      if (index < 0) throw new NotFoundError('Không có phiên bản này.');
      const after = JSON.parse(all[index]!.snapshot) as ArticleSnapshot;
      const previous = all[index + 1];
      const before = previous ? (JSON.parse(previous.snapshot) as ArticleSnapshot) : { ...after, title: '', summary: '', bodyHtml: '', tags: [], attachments: [], translations: [], taskIds: [] };
      return { from: previous?.version ?? 0, to: version, changes: diffArticleSnapshots(before, after) };
    },

    async file(actor: Actor | undefined, id: string, fileId: string) {
      const { row } = await load(actor, id);
      const snap = await snapshotOf(deps, row);
      if (!snap.attachments.some((x) => x.fileId === fileId) && snap.audioFileId !== fileId) throw new NotFoundError('Bài viết không có tệp này.');
      const file = await fileStore.content(db, row.agency_id, fileId);
      if (!file) throw new NotFoundError();
      return file;
    },
  };
}

export type Articles = ReturnType<typeof createArticles>;

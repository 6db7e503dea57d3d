import type { ArticleTable } from '../../db/types.ts';
import type { Actor } from '../../platform/access.ts';
import { hasPermission } from '../../platform/access.ts';
import type { ArticleSnapshot } from './article-input.ts';
import type { PublishingDeps } from './deps.ts';
import { publishingPolicy } from './policy.ts';
import { paths } from './public-views.ts';
import * as repo from './repo.ts';
import type { ArticleSummaryView, ArticleView } from './schema.ts';
import { mediaView } from './views.ts';
import { allowedActions, type WorkflowActor, type WorkflowSubject } from './workflow.ts';

export const workflowSubject = (r: ArticleTable): WorkflowSubject => ({
  status: r.status,
  createdBy: r.created_by,
  approvedBy: r.approved_by,
  publishedBy: r.published_by,
  forced: r.force_reason !== null,
  forceReviewed: r.force_reviewed_at !== null,
});

export const workflowActor = (a: Actor): WorkflowActor => ({ userId: a.userId, can: (p) => hasPermission(a, publishingPolicy, p) });

/** The stored content of an article row (its relations read separately). */
export async function snapshotOf(deps: PublishingDeps, r: ArticleTable): Promise<ArticleSnapshot> {
  const { db } = deps.database;
  const [attachments, translations] = await Promise.all([repo.listAttachments(db, r.agency_id, r.id), repo.listTranslations(db, r.agency_id, r.id)]);
  return {
    title: r.title, slug: r.slug, summary: r.summary, bodyHtml: r.body_html, categoryId: r.category_id, byline: r.byline, source: r.source,
    tags: JSON.parse(r.tags) as string[], coverMediaId: r.cover_media_id, coverAlt: r.cover_alt, audioFileId: r.audio_file_id,
    attachments: attachments.map((x) => ({ fileId: x.file_id, label: x.label })),
    translations: translations.map((t) => ({ lang: t.lang, title: t.title, summary: t.summary, bodyHtml: t.body_html })),
    planId: r.plan_id, taskIds: JSON.parse(r.task_ids) as string[],
  };
}

/** List rows: names of categories and authors resolved in two reads for the whole page. */
export async function summaryViews(deps: PublishingDeps, agencyId: string, rows: ArticleTable[]): Promise<ArticleSummaryView[]> {
  const [categories, names] = await Promise.all([repo.listCategories(deps.database.db, agencyId), deps.org.userNames(agencyId, rows.map((r) => r.created_by).filter((x): x is string => x !== null))]);
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  return rows.map((r) => ({
    id: r.id, slug: r.slug, title: r.title, status: r.status, categoryId: r.category_id, categoryName: categoryName.get(r.category_id) ?? '',
    authorId: r.created_by, authorName: (r.byline || (r.created_by && names.get(r.created_by)?.fullName)) ?? '',
    scheduledAt: r.scheduled_at, publishedAt: r.published_at, updatedAt: r.updated_at, version: r.version,
    forcePublished: r.force_reason !== null, forceReviewed: r.force_reviewed_at !== null,
    taskCount: (JSON.parse(r.task_ids) as string[]).length, isDemo: r.is_demo === 1,
  }));
}

/** Everything the editor page shows about one article, with the actions open to `actor`. */
export async function articleView(deps: PublishingDeps, actor: Actor, r: ArticleTable): Promise<ArticleView> {
  const { db } = deps.database;
  const [[summary], snap, events, job] = await Promise.all([
    summaryViews(deps, r.agency_id, [r]),
    snapshotOf(deps, r),
    repo.listEvents(db, r.agency_id, r.id),
    r.schedule_job_id && r.status === 'scheduled' ? deps.jobs.find(r.schedule_job_id) : Promise.resolve(undefined),
  ]);
  const [cover] = r.cover_media_id ? await repo.listMediaByIds(db, r.agency_id, [r.cover_media_id]) : [];
  const files = await repo.fileMeta(db, r.agency_id, [...snap.attachments.map((x) => x.fileId), ...(r.audio_file_id ? [r.audio_file_id] : [])]);
  const meta = new Map(files.map((f) => [f.id, f]));
  const attachment = (fileId: string, label: string | null) => {
    const f = meta.get(fileId);
    return f ? { fileId, name: f.name, mime: f.mime, size: f.size, label } : undefined;
  };
  return {
    ...summary!,
    summary: r.summary, bodyHtml: r.body_html, byline: r.byline, source: r.source, tags: snap.tags,
    cover: cover ? mediaView(cover) : null, coverAlt: r.cover_alt,
    audio: (r.audio_file_id && attachment(r.audio_file_id, null)) || null,
    attachments: snap.attachments.map((x) => attachment(x.fileId, x.label)).filter((x) => x !== undefined),
    translations: snap.translations,
    planId: r.plan_id, taskIds: snap.taskIds,
    approvedBy: r.approved_by, approvedAt: r.approved_at, forceReason: r.force_reason,
    publicPath: paths.article(r.slug),
    previewPath: r.preview_token ? paths.preview(r.preview_token) : null,
    scheduleJob: job ? { id: job.id, state: job.state, runAt: job.run_at, attempts: job.attempts, lastError: job.last_error } : null,
    actions: allowedActions(workflowSubject(r), workflowActor(actor)),
    history: events.map((e) => ({ action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, actorName: e.actor_name, at: e.created_at })),
  };
}

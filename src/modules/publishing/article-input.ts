import { BadRequestError } from '../../platform/errors.ts';
import { richTextToPlain, sanitizeRichText } from '../../platform/rich-text.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import type { PublishingDeps } from './deps.ts';
import * as repo from './repo.ts';
import { ARTICLE_LANGUAGES, type ArticleInputBody } from './schema.ts';
import { slugify } from '../../platform/slug.ts';

/** The editable content of an article: what a revision stores and the diff compares. */
export interface ArticleSnapshot {
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  categoryId: string;
  byline: string | null;
  source: string | null;
  tags: string[];
  coverMediaId: string | null;
  coverAlt: string | null;
  audioFileId: string | null;
  attachments: { fileId: string; label: string | null }[];
  translations: { lang: string; title: string; summary: string; bodyHtml: string }[];
  planId: string | null;
  taskIds: string[];
}

const SUMMARY_CHARS = 220;
const IMAGE_PATH = /\/anh\/([0-9a-f-]{36})\//g;

/** Media shown by an article: its cover and the library images its bodies embed. */
export function mediaIdsOf(s: Pick<ArticleSnapshot, 'coverMediaId' | 'bodyHtml' | 'translations'>): string[] {
  const ids = new Set<string>();
  if (s.coverMediaId) ids.add(s.coverMediaId);
  for (const body of [s.bodyHtml, ...s.translations.map((t) => t.bodyHtml)]) for (const m of body.matchAll(IMAGE_PATH)) ids.add(m[1]!);
  return [...ids];
}

/** A summary from the body when the editor left it empty: the first sentences, cut at a word. */
export function summaryFrom(bodyHtml: string): string {
  const plain = richTextToPlain(bodyHtml);
  if (plain.length <= SUMMARY_CHARS) return plain;
  const cut = plain.slice(0, SUMMARY_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

/**
 * Checks an article's input against the agency's data and cleans it: bodies sanitised, text
 * NFC, every referenced category, image, file and task the agency's own, tasks of one plan.
 * Reads only (call before the transaction).
 */
export async function checkArticleInput(deps: PublishingDeps, agencyId: string, input: ArticleInputBody, current?: ArticleSnapshot): Promise<Omit<ArticleSnapshot, 'slug'> & { slugWanted: string | null }> {
  const { db } = deps.database;
  const title = normalizeText(input.title);
  if (!title) throw new BadRequestError('Hãy nhập tiêu đề bài viết.');
  const category = await repo.findCategory(db, input.categoryId);
  if (!category || category.agency_id !== agencyId) throw new BadRequestError('Chuyên mục không tồn tại.');
  const bodyHtml = sanitizeRichText(input.bodyHtml);
  const summary = normalizeText(input.summary) || summaryFrom(bodyHtml);

  const coverMediaId = input.coverMediaId === undefined ? (current?.coverMediaId ?? null) : input.coverMediaId;
  const coverAlt = input.coverAlt === undefined ? (current?.coverAlt ?? null) : input.coverAlt && normalizeText(input.coverAlt);
  if (coverMediaId) {
    const [media] = await repo.listMediaByIds(db, agencyId, [coverMediaId]);
    if (!media) throw new BadRequestError('Ảnh đại diện không có trong thư viện ảnh.');
    if (!coverAlt && !media.alt) throw new BadRequestError('Ảnh đại diện cần có mô tả (alt).');
  }

  const audioFileId = input.audioFileId === undefined ? (current?.audioFileId ?? null) : input.audioFileId;
  const attachments = input.attachments === undefined ? (current?.attachments ?? []) : input.attachments.map((x) => ({ fileId: x.fileId, label: x.label ? normalizeText(x.label) : null }));
  if (new Set(attachments.map((x) => x.fileId)).size !== attachments.length) throw new BadRequestError('Một tệp đính kèm bị chọn hai lần.');
  const fileIds = [...attachments.map((x) => x.fileId), ...(audioFileId ? [audioFileId] : [])];
  const files = new Map((await repo.fileMeta(db, agencyId, fileIds)).map((f) => [f.id, f]));
  for (const x of attachments) {
    const f = files.get(x.fileId);
    if (!f) throw new BadRequestError('Tệp đính kèm không tồn tại.');
    if (!/^application\/(pdf|vnd\.openxmlformats-officedocument\.wordprocessingml\.document)$/.test(f.mime)) throw new BadRequestError(`Tệp "${f.name}" không phải PDF hay DOCX.`);
  }
  if (audioFileId && !files.get(audioFileId)?.mime.startsWith('audio/')) throw new BadRequestError('Tệp âm thanh không hợp lệ.');

  const translations = input.translations === undefined ? (current?.translations ?? []) : input.translations.map((t) => ({ lang: t.lang, title: normalizeText(t.title), summary: normalizeText(t.summary), bodyHtml: sanitizeRichText(t.bodyHtml) }));
  for (const t of translations) {
    if (t.lang === 'vi' || !(t.lang in ARTICLE_LANGUAGES)) throw new BadRequestError(`Ngôn ngữ "${t.lang}" không có trong danh sách.`);
    if (!t.title) throw new BadRequestError('Bản ngôn ngữ khác cần có tiêu đề.');
  }
  if (new Set(translations.map((t) => t.lang)).size !== translations.length) throw new BadRequestError('Mỗi ngôn ngữ chỉ có một bản.');

  const taskIds = input.taskIds === undefined ? (current?.taskIds ?? []) : [...new Set(input.taskIds)];
  const planOf = await deps.plans.planOfTasks(agencyId, taskIds);
  if (taskIds.some((id) => !planOf.has(id))) throw new BadRequestError('Có nhiệm vụ không thuộc kế hoạch của cơ quan.');
  const planIds = new Set(planOf.values());
  if (planIds.size > 1) throw new BadRequestError('Các nhiệm vụ liên kết phải thuộc cùng một kế hoạch.');

  const tags = input.tags === undefined ? (current?.tags ?? []) : [...new Set(input.tags.map(normalizeText).filter(Boolean))];
  const slugWanted = input.slug?.trim() ? slugify(input.slug) : null;
  if (input.slug?.trim() && !slugWanted) throw new BadRequestError('Đường dẫn phải có chữ hoặc số.');
  return {
    title, summary, bodyHtml, categoryId: category.id,
    byline: input.byline === undefined ? (current?.byline ?? null) : input.byline && normalizeText(input.byline),
    source: input.source === undefined ? (current?.source ?? null) : input.source && normalizeText(input.source),
    tags, coverMediaId, coverAlt, audioFileId, attachments, translations,
    planId: [...planIds][0] ?? null, taskIds, slugWanted,
  };
}

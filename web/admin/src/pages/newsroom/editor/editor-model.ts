import type { Article, ArticleInput, Attachment, MediaItem, Translation } from '../../../newsroom-types';

/** What the editor's form holds. */
export interface EditorValues {
  title: string;
  slug: string;
  summary: string;
  categoryId?: string;
  tags: string[];
  byline: string;
  source: string;
  bodyHtml: string;
  cover: MediaItem | null;
  coverAlt: string;
  attachments: Attachment[];
  audio: Attachment | null;
  translations: Translation[];
  /** Only picks the tasks; the article stores the tasks. */
  planId?: string;
  taskIds: string[];
}

export const EMPTY_VALUES: EditorValues = {
  title: '',
  slug: '',
  summary: '',
  tags: [],
  byline: '',
  source: '',
  bodyHtml: '',
  cover: null,
  coverAlt: '',
  attachments: [],
  audio: null,
  translations: [],
  taskIds: [],
};

export function valuesOf(article: Article): EditorValues {
  return {
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    categoryId: article.categoryId,
    tags: [...article.tags],
    byline: article.byline ?? '',
    source: article.source ?? '',
    bodyHtml: article.bodyHtml,
    cover: article.cover,
    coverAlt: article.coverAlt ?? article.cover?.alt ?? '',
    attachments: article.attachments.map((a) => ({ ...a })),
    audio: article.audio,
    translations: article.translations.map((t) => ({ ...t })),
    planId: article.planId ?? undefined,
    taskIds: [...article.taskIds],
  };
}

const trimmedOrNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The body of POST/PUT /api/articles; `version` is the one the editor started from (none when new). */
export function inputOf(values: EditorValues, version?: number): ArticleInput {
  return {
    title: values.title.trim(),
    ...(values.slug.trim() ? { slug: values.slug.trim() } : {}),
    summary: values.summary.trim(),
    bodyHtml: values.bodyHtml,
    categoryId: values.categoryId ?? '',
    byline: trimmedOrNull(values.byline),
    source: trimmedOrNull(values.source),
    tags: values.tags.map((t) => t.trim()).filter(Boolean),
    coverMediaId: values.cover?.id ?? null,
    coverAlt: values.cover ? values.coverAlt.trim() : null,
    audioFileId: values.audio?.fileId ?? null,
    attachments: values.attachments.map((a) => ({ fileId: a.fileId, label: trimmedOrNull(a.label ?? undefined) })),
    translations: values.translations.map((t) => ({ lang: t.lang, title: t.title.trim(), summary: t.summary.trim(), bodyHtml: t.bodyHtml })),
    taskIds: [...values.taskIds],
    ...(version !== undefined ? { version } : {}),
  };
}

/**
 * A readable address part without diacritics: "Cải cách thủ tục: Đăng ký" →
 * "cai-cach-thu-tuc-dang-ky" (the server makes it unique).
 */
export function slugify(text: string, max = 120): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > max ? slug.slice(0, max).replace(/-[^-]*$/, '') : slug;
}

/** How many images in a body lack an alternative text (parsed inertly: nothing loads or runs). */
export function imagesWithoutAlt(html: string): number {
  if (!html.includes('<img')) return 0;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('img')].filter((img) => !(img.getAttribute('alt') ?? '').trim()).length;
}

// Shapes of the newsroom API: the server's own types (src/modules/publishing/schema.ts), imported
// type-only so nothing of the server (nor typebox) reaches the bundle.
import type { Static } from 'typebox';
import type {
  ArticleEvent as ArticleEventSchema,
  Attachment as AttachmentSchema,
  Revision as RevisionSchema,
  RevisionDiff as RevisionDiffSchema,
} from '../../../src/modules/publishing/schema';

export type {
  ArticleInputBody as ArticleInput,
  ArticleStatusName as ArticleStatus,
  ArticleSummaryView as ArticleSummary,
  ArticleView as Article,
  CategoryInputBody as CategoryInput,
  CategoryView as Category,
  LegalDocumentInputBody as LegalDocumentInput,
  LegalDocumentView as LegalDocument,
  MediaItemView as MediaItem,
  StoredFileView as StoredFile,
  TranslationView as Translation,
} from '../../../src/modules/publishing/schema';

export type Attachment = Static<typeof AttachmentSchema>;
export type ArticleEvent = Static<typeof ArticleEventSchema>;
export type ArticleRevision = Static<typeof RevisionSchema>;
export type RevisionDiff = Static<typeof RevisionDiffSchema>;
export type RevisionChange = RevisionDiff['changes'][number];

/** A page of a list the server pages (`?page=&pageSize=`). */
export interface Paged<T> {
  total: number;
  items: T[];
}

/** GET /api/publishing/vocabulary: labels the server owns. */
export interface NewsroomVocabulary {
  /** status → label: draft → "Bản nháp". */
  statuses: Record<string, string>;
  /** language code → name: tyz → "Tiếng Tày" (vi included). */
  languages: Record<string, string>;
  documentTypes: string[];
}

/** What the current user may do next with an article (`Article.actions`). */
export type ArticleAction =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'return'
  | 'publish'
  | 'schedule'
  | 'cancel-schedule'
  | 'force-publish'
  | 'review-forced'
  | 'unpublish'
  | 'archive'
  | 'restore'
  | 'preview';

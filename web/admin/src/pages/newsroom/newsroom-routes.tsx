import { lazy, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';


function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

// Each page is its own chunk; the editor (TipTap) is loaded only when an article is opened.
const ArticlesPage = lazyNamed(() => import('./articles-page'), 'ArticlesPage');
const ReviewQueuePage = lazyNamed(() => import('./review-queue-page'), 'ReviewQueuePage');
const ScheduledPage = lazyNamed(() => import('./scheduled-page'), 'ScheduledPage');
const ArticleEditorPage = lazyNamed(() => import('./editor/article-editor-page'), 'ArticleEditorPage');
const MediaPage = lazyNamed(() => import('./media-page'), 'MediaPage');
const CategoriesPage = lazyNamed(() => import('./categories-page'), 'CategoriesPage');
const LegalDocumentsPage = lazyNamed(() => import('./legal-documents-page'), 'LegalDocumentsPage');
const NotFoundPage = lazyNamed(() => import('../not-found-page'), 'NotFoundPage');

/** The pages of "Cổng thông tin", below /portal (the shell's Suspense shows while one loads). */
export function NewsroomRoutes() {
  return (
    <Routes>
      <Route path="articles" element={<ArticlesPage />} />
      <Route path="articles/review" element={<ReviewQueuePage />} />
      <Route path="articles/scheduled" element={<ScheduledPage />} />
      <Route path="articles/new" element={<ArticleEditorPage />} />
      <Route path="articles/:id" element={<ArticleEditorPage />} />
      <Route path="media" element={<MediaPage />} />
      <Route path="categories" element={<CategoriesPage />} />
      <Route path="documents" element={<LegalDocumentsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

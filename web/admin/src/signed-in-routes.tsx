import { Route, Routes } from 'react-router';
import { AdminLayout } from './layout/admin-layout';
import { lazyNamed } from './lazy-named';

// Every page is its own chunk, loaded when its address is opened.
const OverviewPage = lazyNamed(() => import('./pages/overview-page'), 'OverviewPage');
const PlansPage = lazyNamed(() => import('./pages/plans/plans-page'), 'PlansPage');
const ImportPlanPage = lazyNamed(() => import('./pages/plans/import/import-page'), 'ImportPlanPage');
const PlanPage = lazyNamed(() => import('./pages/plans/plan/plan-page'), 'PlanPage');
const ProgressPage = lazyNamed(() => import('./pages/progress/progress-page'), 'ProgressPage');
const EvidencePage = lazyNamed(() => import('./pages/evidence/evidence-page'), 'EvidencePage');
const ReportsPage = lazyNamed(() => import('./pages/reports/reports-page'), 'ReportsPage');
const PeriodPage = lazyNamed(() => import('./pages/reports/period-page'), 'PeriodPage');
const UnitReportPage = lazyNamed(() => import('./pages/reports/unit-report-page'), 'UnitReportPage');
// "Cổng thông tin" (the newsroom), under /portal; TipTap loads only with the article editor.
const ArticlesPage = lazyNamed(() => import('./pages/newsroom/articles-page'), 'ArticlesPage');
const ReviewQueuePage = lazyNamed(() => import('./pages/newsroom/review-queue-page'), 'ReviewQueuePage');
const ScheduledPage = lazyNamed(() => import('./pages/newsroom/scheduled-page'), 'ScheduledPage');
const ArticleEditorPage = lazyNamed(() => import('./pages/newsroom/editor/article-editor-page'), 'ArticleEditorPage');
const MediaPage = lazyNamed(() => import('./pages/newsroom/media-page'), 'MediaPage');
const CategoriesPage = lazyNamed(() => import('./pages/newsroom/categories-page'), 'CategoriesPage');
const LegalDocumentsPage = lazyNamed(() => import('./pages/newsroom/legal-documents-page'), 'LegalDocumentsPage');
// "Thủ tục hành chính", under /procedures.
const CatalogPage = lazyNamed(() => import('./pages/procedures/catalog-page'), 'CatalogPage');
const ProcedurePage = lazyNamed(() => import('./pages/procedures/procedure-page'), 'ProcedurePage');
const DecisionsPage = lazyNamed(() => import('./pages/procedures/decisions-page'), 'DecisionsPage');
const DecisionPage = lazyNamed(() => import('./pages/procedures/decision-page'), 'DecisionPage');
const PostingPage = lazyNamed(() => import('./pages/procedures/posting-page'), 'PostingPage');
const ResultsPage = lazyNamed(() => import('./pages/procedures/results/results-page'), 'ResultsPage');
// "Phản ánh, kiến nghị" from the portal's public form, under /feedback.
const FeedbackPage = lazyNamed(() => import('./pages/feedback/feedback-page'), 'FeedbackPage');
const FeedbackDetailPage = lazyNamed(() => import('./pages/feedback/feedback-detail-page'), 'FeedbackDetailPage');
const SurveysPage = lazyNamed(() => import('./pages/surveys/surveys-page'), 'SurveysPage');
const IndicesPage = lazyNamed(() => import('./pages/indices/indices-page'), 'IndicesPage');
// "Tuyên truyền trực tiếp" (conferences, trainings, …), under /events.
const EventsPage = lazyNamed(() => import('./pages/events/events-page'), 'EventsPage');
const AreasPage = lazyNamed(() => import('./pages/events/areas-page'), 'AreasPage');
// "Mạng xã hội", under /social.
const SocialPostsPage = lazyNamed(() => import('./pages/social/posts-page'), 'PostsPage');
const SocialComposerPage = lazyNamed(() => import('./pages/social/composer-page'), 'ComposerPage');
const SocialChannelsPage = lazyNamed(() => import('./pages/social/channels-page'), 'ChannelsPage');
// "Toàn tỉnh": the overseer's (Sở Nội vụ) read-only view of every agency of its province.
const ProvincePage = lazyNamed(() => import('./pages/province/province-page'), 'ProvincePage');
const ProvinceAgencyPage = lazyNamed(() => import('./pages/province/agency-page'), 'ProvinceAgencyPage');
const AgencyPage = lazyNamed(() => import('./pages/agency/agency-page'), 'AgencyPage');
const UnitsPage = lazyNamed(() => import('./pages/units/units-page'), 'UnitsPage');
const UsersPage = lazyNamed(() => import('./pages/users/users-page'), 'UsersPage');
const AuditPage = lazyNamed(() => import('./pages/audit/audit-page'), 'AuditPage');
const JobsPage = lazyNamed(() => import('./pages/jobs-page'), 'JobsPage');
const NotFoundPage = lazyNamed(() => import('./pages/not-found-page'), 'NotFoundPage');

/** The signed-in part of the admin: the layout (menu, header) around the page of the address. */
export function SignedInRoutes() {
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<OverviewPage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/import" element={<ImportPlanPage />} />
        <Route path="plans/:id" element={<PlanPage />} />
        <Route path="progress" element={<ProgressPage />} />
        <Route path="evidence" element={<EvidencePage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="reports/periods/:id" element={<PeriodPage />} />
        <Route path="reports/periods/:id/units/:unitId" element={<UnitReportPage />} />
        <Route path="portal/articles" element={<ArticlesPage />} />
        <Route path="portal/articles/review" element={<ReviewQueuePage />} />
        <Route path="portal/articles/scheduled" element={<ScheduledPage />} />
        <Route path="portal/articles/new" element={<ArticleEditorPage />} />
        <Route path="portal/articles/:id" element={<ArticleEditorPage />} />
        <Route path="portal/media" element={<MediaPage />} />
        <Route path="portal/categories" element={<CategoriesPage />} />
        <Route path="portal/documents" element={<LegalDocumentsPage />} />
        <Route path="procedures/catalog" element={<CatalogPage />} />
        <Route path="procedures/new" element={<ProcedurePage />} />
        <Route path="procedures/catalog/:code" element={<ProcedurePage />} />
        <Route path="procedures/decisions" element={<DecisionsPage />} />
        <Route path="procedures/decisions/new" element={<DecisionPage />} />
        <Route path="procedures/decisions/:id" element={<DecisionPage />} />
        <Route path="procedures/posting" element={<PostingPage />} />
        <Route path="procedures/results" element={<ResultsPage />} />
        <Route path="feedback" element={<FeedbackPage />} />
        <Route path="feedback/:id" element={<FeedbackDetailPage />} />
        <Route path="surveys" element={<SurveysPage />} />
        <Route path="indices" element={<IndicesPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/areas" element={<AreasPage />} />
        <Route path="social/posts" element={<SocialPostsPage />} />
        <Route path="social/compose" element={<SocialComposerPage />} />
        <Route path="social/channels" element={<SocialChannelsPage />} />
        <Route path="province" element={<ProvincePage />} />
        <Route path="province/agencies/:id" element={<ProvinceAgencyPage />} />
        <Route path="agency" element={<AgencyPage />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="jobs" element={<JobsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from './auth/login-page';
import { Loading } from './loading';

/** React.lazy for a module's named export (the code base uses named exports only). */
function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

// Only the login page is in the first chunk (no antd at all); antd, the layout and every page
// load on demand once signed in.
const AdminLayout = lazyNamed(() => import('./layout/admin-layout'), 'AdminLayout');
const OverviewPage = lazyNamed(() => import('./pages/overview-page'), 'OverviewPage');
const PlansPage = lazyNamed(() => import('./pages/plans/plans-page'), 'PlansPage');
const ImportPlanPage = lazyNamed(() => import('./pages/plans/import/import-page'), 'ImportPlanPage');
const PlanPage = lazyNamed(() => import('./pages/plans/plan/plan-page'), 'PlanPage');
const ProgressPage = lazyNamed(() => import('./pages/progress/progress-page'), 'ProgressPage');
const EvidencePage = lazyNamed(() => import('./pages/evidence/evidence-page'), 'EvidencePage');
const ReportsPage = lazyNamed(() => import('./pages/reports/reports-page'), 'ReportsPage');
const PeriodPage = lazyNamed(() => import('./pages/reports/period-page'), 'PeriodPage');
const UnitReportPage = lazyNamed(() => import('./pages/reports/unit-report-page'), 'UnitReportPage');
// The newsroom ("Cổng thông tin") routes its pages itself, under /portal: one entry here, so the
// first chunk does not carry the preload lists of its many pages.
const NewsroomRoutes = lazyNamed(() => import('./pages/newsroom/newsroom-routes'), 'NewsroomRoutes');
const AgencyPage = lazyNamed(() => import('./pages/agency/agency-page'), 'AgencyPage');
const UnitsPage = lazyNamed(() => import('./pages/units/units-page'), 'UnitsPage');
const UsersPage = lazyNamed(() => import('./pages/users/users-page'), 'UsersPage');
const AuditPage = lazyNamed(() => import('./pages/audit/audit-page'), 'AuditPage');
const JobsPage = lazyNamed(() => import('./pages/jobs-page'), 'JobsPage');
const NotFoundPage = lazyNamed(() => import('./pages/not-found-page'), 'NotFoundPage');

export function AdminApp() {
  return (
    <BrowserRouter basename="/admin">
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="login" element={<LoginPage />} />
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
            <Route path="portal/*" element={<NewsroomRoutes />} />
            <Route path="agency" element={<AgencyPage />} />
            <Route path="units" element={<UnitsPage />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="jobs" element={<JobsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

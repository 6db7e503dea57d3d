import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from './auth/login-page';
import { lazyNamed } from './lazy-named';
import { Loading } from './loading';

// Only the login page is in the first chunk (no antd at all). Everything behind the sign-in —
// antd, the layout, the route table and its pages — loads on demand as one lazy module, so the
// first chunk carries neither their code nor the preload lists of their many chunks.
const SignedInRoutes = lazyNamed(() => import('./signed-in-routes'), 'SignedInRoutes');

export function AdminApp() {
  return (
    <BrowserRouter basename="/admin">
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="login" element={<LoginPage />} />
          <Route path="*" element={<SignedInRoutes />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

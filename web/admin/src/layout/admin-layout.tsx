import { App, Button, ConfigProvider, Layout, Result } from 'antd';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { Suspense, useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { ApiError, fetchMe } from '../api';
import { MeContext } from '../auth/me-context';
import { useUnauthorizedRedirect } from '../auth/use-unauthorized-redirect';
import { errorText } from '../hooks/use-notify';
import { Loading } from '../loading';
import type { Me } from '../types';
import { HeaderBar } from './header-bar';
import { NavMenu } from './nav-menu';
import { PermissionGate } from './permission-gate';

// antd's provider lives here, not at the root, so the login page's chunk carries no antd.
function AntdRoot({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={viVN}>
      <App>{children}</App>
    </ConfigProvider>
  );
}

/** Everything behind the sign-in: loads the user once, then frames each page with menu and header. */
export function AdminLayout() {
  useUnauthorizedRedirect();
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stale = false;
    fetchMe().then(
      (loaded) => !stale && setMe(loaded),
      // A 401 has already sent the user to the login page.
      (e: unknown) => !stale && !(e instanceof ApiError && e.status === 401) && setError(errorText(e)),
    );
    return () => {
      stale = true;
    };
  }, [attempt]);

  function retry() {
    setError(undefined);
    setAttempt((n) => n + 1);
  }

  if (!me) {
    if (!error) return <Loading />;
    return (
      <AntdRoot>
        <Result
        status="error"
        title="Không tải được thông tin đăng nhập"
        subTitle={error}
        extra={
          <Button type="primary" onClick={retry}>
            Thử lại
          </Button>
        }
        />
      </AntdRoot>
    );
  }

  return (
    <MeContext.Provider value={me}>
      <AntdRoot>
        <Layout className="admin-shell">
          <Layout.Sider breakpoint="lg" collapsedWidth={0} width={232}>
            <div className="admin-brand">Minh Bạch</div>
            <NavMenu />
          </Layout.Sider>
          <Layout>
            <HeaderBar />
            <Layout.Content className="admin-content">
              <PermissionGate>
                <Suspense fallback={<Loading />}>
                  <Outlet />
                </Suspense>
              </PermissionGate>
            </Layout.Content>
          </Layout>
        </Layout>
      </AntdRoot>
    </MeContext.Provider>
  );
}

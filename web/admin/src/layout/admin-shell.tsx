import { Layout } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Loading } from '../loading';
import { HeaderBar } from './header-bar';
import { NavMenu } from './nav-menu';
import { PermissionGate } from './permission-gate';

/** Side menu, header and the current page. */
export function AdminShell() {
  return (
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
  );
}

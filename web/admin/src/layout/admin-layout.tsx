import { App, Button, ConfigProvider, Result } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { useEffect, useState } from 'react';
import { ApiError, fetchMe } from '../api';
import { MeContext } from '../auth/me-context';
import { useUnauthorizedRedirect } from '../auth/use-unauthorized-redirect';
import { errorText } from '../hooks/use-notify';
import { Loading } from '../loading';
import type { Me } from '../types';
import { AdminShell } from './admin-shell';
import { THEME } from './theme';

/**
 * Everything behind the sign-in: loads the user once, then shows the shell. antd's providers
 * live here rather than at the root, so the login page's chunk carries no antd at all.
 */
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

  let content;
  if (me) {
    content = (
      <MeContext.Provider value={me}>
        <AdminShell />
      </MeContext.Provider>
    );
  } else if (error) {
    content = (
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
    );
  } else {
    content = <Loading />;
  }

  return (
    <ConfigProvider locale={viVN} theme={THEME}>
      <App>{content}</App>
    </ConfigProvider>
  );
}

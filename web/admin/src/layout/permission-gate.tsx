import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useMe } from '../auth/me-context';
import { isAllowed, navItemFor } from './nav-items';

/** Stops a typed-in address to a page the menu hides; the server refuses the data anyway. */
export function PermissionGate({ children }: { children: ReactNode }) {
  const { permissions } = useMe();
  const item = navItemFor(useLocation().pathname);
  if (item && !isAllowed(item, permissions)) {
    return <Result status="403" title="Không có quyền truy cập" subTitle="Tài khoản của bạn không được phép xem trang này." />;
  }
  return children;
}

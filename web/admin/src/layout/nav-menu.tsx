import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useMe } from '../auth/me-context';
import { isAllowed, NAV_ITEMS, navItemFor } from './nav-items';

export function NavMenu() {
  const { permissions } = useMe();
  const { pathname } = useLocation();
  const selected = navItemFor(pathname)?.path;
  const items = NAV_ITEMS.filter((item) => isAllowed(item, permissions)).map((item) => ({
    key: item.path,
    icon: item.icon,
    // Real links, so entries can be opened in a new tab and are announced as links.
    label: <Link to={item.path}>{item.label}</Link>,
  }));
  return (
    <nav aria-label="Điều hướng chính">
      <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
    </nav>
  );
}

import { Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMe } from '../auth/me-context';
import { isAllowed, NAV_ITEMS, navItemFor, type NavItem } from './nav-items';

type MenuItem = NonNullable<MenuProps['items']>[number];

function entry(item: NavItem): MenuItem {
  // Real links, so entries can be opened in a new tab and are announced as links.
  return { key: item.path, icon: item.icon, label: <Link to={item.path}>{item.label}</Link> };
}

/** Top-level entries in order; grouped ones gather into one submenu where the group's first entry stands. */
function menuItems(allowed: readonly NavItem[]): MenuItem[] {
  const out: MenuItem[] = [];
  const groups = new Map<string, MenuItem[]>();
  for (const item of allowed) {
    if (!item.group) {
      out.push(entry(item));
      continue;
    }
    let children = groups.get(item.group.key);
    if (!children) {
      children = [];
      groups.set(item.group.key, children);
      out.push({ key: item.group.key, icon: item.group.icon, label: item.group.label, children });
    }
    children.push(entry(item));
  }
  return out;
}

export function NavMenu() {
  const { permissions } = useMe();
  const { pathname } = useLocation();
  const current = navItemFor(pathname);
  const selected = current?.path;
  const currentGroup = current?.group?.key;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);

  // Arriving at a page of a group (a link, the address bar) opens its group.
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  const items = menuItems(NAV_ITEMS.filter((item) => isAllowed(item, permissions)));
  return (
    <nav aria-label="Điều hướng chính">
      <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} openKeys={openKeys} onOpenChange={setOpenKeys} items={items} />
    </nav>
  );
}

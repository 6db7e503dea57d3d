import {
  ApartmentOutlined,
  BankOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  HistoryOutlined,
  HomeOutlined,
  LineChartOutlined,
  PaperClipOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface NavItem {
  path: string;
  label: string;
  /** Needed to see the menu entry and the page; none means every signed-in user. */
  permission?: string;
  icon: ReactNode;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'Tổng quan', icon: <HomeOutlined /> },
  { path: '/plans', label: 'Kế hoạch', permission: 'plans.read', icon: <FileTextOutlined /> },
  { path: '/progress', label: 'Tiến độ', permission: 'evidence.read', icon: <LineChartOutlined /> },
  { path: '/evidence', label: 'Minh chứng', permission: 'evidence.read', icon: <PaperClipOutlined /> },
  { path: '/reports', label: 'Báo cáo định kỳ', permission: 'reports.read', icon: <FileDoneOutlined /> },
  { path: '/agency', label: 'Cơ quan', permission: 'org.agency.read', icon: <BankOutlined /> },
  { path: '/units', label: 'Đơn vị', permission: 'org.units.read', icon: <ApartmentOutlined /> },
  { path: '/users', label: 'Người dùng', permission: 'org.users.read', icon: <TeamOutlined /> },
  { path: '/audit', label: 'Nhật ký thay đổi', permission: 'audit.read', icon: <HistoryOutlined /> },
  { path: '/jobs', label: 'Hàng đợi công việc', permission: 'jobs.read', icon: <ScheduleOutlined /> },
];

/** The menu entry a router path belongs to, if any. */
export function navItemFor(pathname: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => (item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`)));
}

export function isAllowed(item: NavItem, permissions: readonly string[]): boolean {
  return !item.permission || permissions.includes(item.permission);
}

import {
  ApartmentOutlined,
  CalendarOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  NotificationOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CommentOutlined,
  EditOutlined,
  LinkOutlined,
  SendOutlined,
  ShareAltOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileImageOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HistoryOutlined,
  HomeOutlined,
  LikeOutlined,
  LineChartOutlined,
  PaperClipOutlined,
  PrinterOutlined,
  ProfileOutlined,
  RiseOutlined,
  SolutionOutlined,
  ReadOutlined,
  ScheduleOutlined,
  TagsOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface NavItem {
  path: string;
  label: string;
  /** Needed to see the menu entry and the page; none means every signed-in user. */
  permission?: string;
  icon: ReactNode;
  /** The menu group the entry sits in (a collapsible submenu); none means the top level. */
  group?: NavGroup;
}

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
}

/** The public portal's newsroom: articles, their approval and schedule, images, categories, documents. */
export const PORTAL_GROUP: NavGroup = { key: 'portal', label: 'Cổng thông tin', icon: <GlobalOutlined /> };

/** Administrative procedures (TTHC): the catalog, announcement decisions, desk posting, processing results. */
export const PROCEDURES_GROUP: NavGroup = { key: 'procedures', label: 'Thủ tục hành chính', icon: <SolutionOutlined /> };

/** What citizens send through the portal: feedback (phản ánh, kiến nghị). */
export const CITIZENS_GROUP: NavGroup = { key: 'citizens', label: 'Ý kiến người dân', icon: <CommentOutlined /> };
/** What citizens think of the service and how the province ranks: satisfaction surveys, PAR Index / PCI / PAPI / SIPAS. */
export const SATISFACTION_GROUP: NavGroup = { key: 'satisfaction', label: 'Hài lòng và chỉ số', icon: <LikeOutlined /> };
/** Direct outreach: conferences, trainings, contests, broadcasts, and the administrative areas they take place in. */
export const OUTREACH_GROUP: NavGroup = { key: 'outreach', label: 'Tuyên truyền trực tiếp', icon: <NotificationOutlined /> };
/** Social networks: posts (list, calendar, failures), the composer, channel settings and health. */
export const SOCIAL_GROUP: NavGroup = { key: 'social', label: 'Mạng xã hội', icon: <ShareAltOutlined /> };

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'Tổng quan', icon: <HomeOutlined /> },
  { path: '/province', label: 'Toàn tỉnh', permission: 'oversight.read', icon: <ClusterOutlined /> },
  { path: '/plans', label: 'Kế hoạch', permission: 'plans.read', icon: <FileTextOutlined /> },
  { path: '/progress', label: 'Tiến độ', permission: 'evidence.read', icon: <LineChartOutlined /> },
  { path: '/evidence', label: 'Minh chứng', permission: 'evidence.read', icon: <PaperClipOutlined /> },
  { path: '/reports', label: 'Báo cáo định kỳ', permission: 'reports.read', icon: <FileDoneOutlined /> },
  { path: '/portal/articles', label: 'Tin bài', permission: 'articles.read', icon: <ReadOutlined />, group: PORTAL_GROUP },
  { path: '/portal/articles/review', label: 'Chờ duyệt', permission: 'articles.approve', icon: <AuditOutlined />, group: PORTAL_GROUP },
  { path: '/portal/articles/scheduled', label: 'Hẹn giờ', permission: 'articles.read', icon: <FieldTimeOutlined />, group: PORTAL_GROUP },
  { path: '/portal/media', label: 'Thư viện ảnh', permission: 'media.write', icon: <FileImageOutlined />, group: PORTAL_GROUP },
  { path: '/portal/categories', label: 'Chuyên mục', permission: 'categories.write', icon: <TagsOutlined />, group: PORTAL_GROUP },
  { path: '/portal/documents', label: 'Văn bản', permission: 'documents.write', icon: <FileProtectOutlined />, group: PORTAL_GROUP },
  { path: '/procedures/catalog', label: 'Danh mục TTHC', permission: 'procedures.read', icon: <UnorderedListOutlined />, group: PROCEDURES_GROUP },
  { path: '/procedures/decisions', label: 'Quyết định công bố', permission: 'procedures.read', icon: <ProfileOutlined />, group: PROCEDURES_GROUP },
  { path: '/procedures/posting', label: 'Niêm yết', permission: 'procedures.read', icon: <PrinterOutlined />, group: PROCEDURES_GROUP },
  { path: '/procedures/results', label: 'Kết quả giải quyết', permission: 'procedures.read', icon: <BarChartOutlined />, group: PROCEDURES_GROUP },
  { path: '/feedback', label: 'Phản ánh, kiến nghị', permission: 'feedback.read', icon: <CommentOutlined />, group: CITIZENS_GROUP },
  { path: '/surveys', label: 'Khảo sát hài lòng', permission: 'surveys.read', icon: <LikeOutlined />, group: SATISFACTION_GROUP },
  { path: '/indices', label: 'Chỉ số', permission: 'indices.read', icon: <RiseOutlined />, group: SATISFACTION_GROUP },
  { path: '/events', label: 'Hội nghị, tập huấn', permission: 'events.read', icon: <CalendarOutlined />, group: OUTREACH_GROUP },
  { path: '/events/areas', label: 'Đơn vị hành chính', permission: 'events.read', icon: <EnvironmentOutlined />, group: OUTREACH_GROUP },
  { path: '/social/posts', label: 'Bài đăng mạng xã hội', permission: 'social.read', icon: <SendOutlined />, group: SOCIAL_GROUP },
  { path: '/social/compose', label: 'Soạn bài đăng', permission: 'social.post', icon: <EditOutlined />, group: SOCIAL_GROUP },
  { path: '/social/channels', label: 'Kênh mạng xã hội', permission: 'social.read', icon: <LinkOutlined />, group: SOCIAL_GROUP },
  { path: '/agency', label: 'Cơ quan', permission: 'org.agency.read', icon: <BankOutlined /> },
  { path: '/units', label: 'Đơn vị', permission: 'org.units.read', icon: <ApartmentOutlined /> },
  { path: '/users', label: 'Người dùng', permission: 'org.users.read', icon: <TeamOutlined /> },
  { path: '/audit', label: 'Nhật ký thay đổi', permission: 'audit.read', icon: <HistoryOutlined /> },
  { path: '/jobs', label: 'Hàng đợi công việc', permission: 'jobs.read', icon: <ScheduleOutlined /> },
];

/** The menu entry a router path belongs to, if any: the longest that matches ('/portal/articles/review' before '/portal/articles'). */
export function navItemFor(pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of NAV_ITEMS) {
    const matches = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}

export function isAllowed(item: NavItem, permissions: readonly string[]): boolean {
  return !item.permission || permissions.includes(item.permission);
}

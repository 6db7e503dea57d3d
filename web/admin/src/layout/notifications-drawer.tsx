import { Badge, Button, Drawer, Empty, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { formatDateTime } from '../format';
import { useApiGet } from '../hooks/use-api-get';
import { useNotify } from '../hooks/use-notify';

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

interface Settings {
  email: boolean;
  inApp: boolean;
}

/** The header's "Thông báo" button: reminders of the user's units, and whether to get them by e-mail. */
export function NotificationsButton() {
  const [open, setOpen] = useState(false);
  const notices = useApiGet<Notice[]>('/api/notifications');
  const settings = useApiGet<Settings>(open ? '/api/me/notification-settings' : null);
  const notify = useNotify();
  const unread = notices.data?.filter((n) => !n.read).length ?? 0;

  async function markAllRead() {
    try {
      await api.post('/api/notifications/read', {});
      notices.setData((notices.data ?? []).map((n) => ({ ...n, read: true })));
    } catch (error) {
      notify.failed(error);
    }
  }

  async function saveSettings(next: Settings) {
    try {
      settings.setData(await api.put<Settings>('/api/me/notification-settings', next));
      notify.saved();
    } catch (error) {
      notify.failed(error);
    }
  }

  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" onClick={() => setOpen(true)} aria-label={unread ? `Thông báo, ${unread} chưa đọc` : 'Thông báo'}>
          Thông báo
        </Button>
      </Badge>
      <Drawer title="Thông báo" open={open} onClose={() => setOpen(false)} size={420}>
        <Space orientation="vertical" size="middle" className="full-width">
          {settings.data && (
            <Space orientation="vertical" size="small">
              <Space>
                <Switch id="notify-email" checked={settings.data.email} onChange={(email) => saveSettings({ ...settings.data!, email })} />
                <label htmlFor="notify-email">Nhận thư nhắc việc (tối đa một thư mỗi ngày)</label>
              </Space>
              <Space>
                <Switch id="notify-in-app" checked={settings.data.inApp} onChange={(inApp) => saveSettings({ ...settings.data!, inApp })} />
                <label htmlFor="notify-in-app">Hiện nhắc việc trong trang quản trị</label>
              </Space>
            </Space>
          )}
          {unread > 0 && <Button onClick={markAllRead}>Đánh dấu tất cả đã đọc</Button>}
          {notices.data?.length ? (
            <ul className="notice-list">
              {notices.data.map((n) => (
                <li key={n.id} className={n.read ? 'notice notice-read' : 'notice'}>
                  <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                  <div>{n.body}</div>
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  {n.link?.startsWith('/admin/') && (
                    <div>
                      <Link to={n.link.slice('/admin'.length)} onClick={() => setOpen(false)}>
                        Mở
                      </Link>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <Empty description="Chưa có thông báo" />
          )}
        </Space>
      </Drawer>
    </>
  );
}

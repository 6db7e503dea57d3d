import { Button, Layout, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { logout } from '../api';
import { ChangePasswordModal } from '../auth/change-password-modal';
import { useMe } from '../auth/me-context';
import { DemoTag } from '../components/demo-tag';
import { useNotify } from '../hooks/use-notify';
import { NotificationsButton } from './notifications-drawer';

export function HeaderBar() {
  const me = useMe();
  const navigate = useNavigate();
  const notify = useNotify();
  const [changingPassword, setChangingPassword] = useState(false);
  const [leaving, setLeaving] = useState(false);

  async function signOut() {
    setLeaving(true);
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch (error) {
      notify.failed(error);
      setLeaving(false);
    }
  }

  return (
    <Layout.Header className="admin-header">
      <Space size="small" className="admin-header-agency">
        <strong title={me.agency.name}>{me.agency.shortName}</strong>
        {me.isDemo && <DemoTag />}
      </Space>
      <Space size="small" wrap>
        <span className="admin-header-user">{me.fullName}</span>
        <NotificationsButton />
        <Button type="text" onClick={() => setChangingPassword(true)}>
          Đổi mật khẩu
        </Button>
        <Button type="text" onClick={signOut} loading={leaving}>
          Đăng xuất
        </Button>
      </Space>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout.Header>
  );
}

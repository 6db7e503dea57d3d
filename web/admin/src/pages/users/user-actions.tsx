import { Button, Popconfirm, Space } from 'antd';
import { api } from '../../api';
import { useMe } from '../../auth/me-context';
import { useAction } from '../../hooks/use-action';
import type { TemporaryPassword, User } from '../../types';

interface Props {
  user: User;
  onEdit: (user: User) => void;
  onChanged: () => void;
  onTemporaryPassword: (password: string) => void;
}

export function UserActions({ user, onEdit, onChanged, onTemporaryPassword }: Props) {
  const me = useMe();
  const run = useAction();

  async function resetPassword() {
    const result = await run(() => api.post<TemporaryPassword>(`/api/users/${user.id}/reset-password`, {}), 'Đã đặt lại mật khẩu');
    if (result?.temporaryPassword) onTemporaryPassword(result.temporaryPassword);
  }

  async function setActive(active: boolean) {
    if (await run(() => api.patch<User>(`/api/users/${user.id}`, { active }))) onChanged();
  }

  return (
    <Space size="small" wrap>
      <Button size="small" onClick={() => onEdit(user)}>
        Sửa
      </Button>
      <Popconfirm
        title={`Đặt lại mật khẩu cho ${user.fullName}?`}
        description="Mật khẩu hiện tại sẽ không dùng được nữa."
        okText="Đặt lại"
        cancelText="Hủy"
        onConfirm={resetPassword}
      >
        <Button size="small">Đặt lại mật khẩu</Button>
      </Popconfirm>
      {/* Disabling oneself would end one's own access mid-task. */}
      {user.id !== me.id && (
        <Popconfirm
          title={user.active ? `Vô hiệu hóa tài khoản ${user.fullName}?` : `Kích hoạt lại tài khoản ${user.fullName}?`}
          okText="Đồng ý"
          cancelText="Hủy"
          onConfirm={() => setActive(!user.active)}
        >
          <Button size="small" danger={user.active}>
            {user.active ? 'Vô hiệu hóa' : 'Kích hoạt'}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

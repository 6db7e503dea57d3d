import { Form, Input, Select } from 'antd';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import type { Role, TemporaryPassword, Unit, User } from '../../types';

interface UserValues {
  fullName: string;
  email: string;
  unitId?: string;
  roles?: string[];
  password?: string;
}

export type UserSaved = TemporaryPassword & { user: User };

interface Props {
  open: boolean;
  /** The user to edit; undefined creates one. */
  user?: User;
  units: readonly Unit[];
  roles: readonly Role[];
  onClose: () => void;
  onSaved: (result: UserSaved) => void;
}

const MIN_PASSWORD_LENGTH = 8;

export function UserFormModal({ open, user, units, roles, onClose, onSaved }: Props) {
  // Inactive units are not offered, except the one the user already belongs to.
  const unitOptions = units.filter((u) => u.active || u.id === user?.unitId).map((u) => ({ value: u.id, label: u.name }));

  async function submit({ fullName, email, unitId, roles: picked = [], password }: UserValues): Promise<UserSaved> {
    const common = { fullName: fullName.trim(), unitId: unitId ?? null, roles: picked };
    if (user) return { user: await api.patch<User>(`/api/users/${user.id}`, common) };
    return api.post<UserSaved>('/api/users', { ...common, email: email.trim(), ...(password ? { password } : {}) });
  }

  return (
    <FormModal<UserValues, UserSaved>
      title={user ? 'Sửa người dùng' : 'Thêm người dùng'}
      name="user"
      open={open}
      onClose={onClose}
      initialValues={user ? { fullName: user.fullName, email: user.email, unitId: user.unitId ?? undefined, roles: user.roles } : { roles: [] }}
      onSubmit={submit}
      onSaved={onSaved}
    >
      <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên.' }]}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="Email"
        name="email"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập email.' },
          { type: 'email', message: 'Email không hợp lệ.' },
        ]}
        extra={user ? 'Không thể đổi email của tài khoản đã tạo.' : undefined}
      >
        <Input maxLength={200} type="email" autoComplete="off" disabled={Boolean(user)} />
      </Form.Item>
      <Form.Item label="Đơn vị" name="unitId">
        <Select allowClear placeholder="Không thuộc đơn vị nào" showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
      </Form.Item>
      <Form.Item label="Vai trò" name="roles">
        <Select mode="multiple" allowClear placeholder="Chọn vai trò" showSearch={{ optionFilterProp: 'label' }} options={roles.map((r) => ({ value: r.code, label: r.label }))} />
      </Form.Item>
      {!user && (
        <Form.Item
          label="Mật khẩu"
          name="password"
          extra="Để trống để hệ thống tạo mật khẩu tạm thời."
          rules={[{ min: MIN_PASSWORD_LENGTH, message: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.` }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}

import { Form, Input } from 'antd';
import { api } from '../api';
import { FormModal } from '../components/form-modal';

interface Values {
  currentPassword: string;
  newPassword: string;
}

const MIN_LENGTH = 8;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <FormModal<Values>
      title="Đổi mật khẩu"
      name="change-password"
      open={open}
      onClose={onClose}
      onSubmit={({ currentPassword, newPassword }) => api.post('/api/me/password', { currentPassword, newPassword })}
      successMessage="Đã đổi mật khẩu"
    >
      <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại.' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="Mật khẩu mới"
        name="newPassword"
        rules={[
          { required: true, message: 'Vui lòng nhập mật khẩu mới.' },
          { min: MIN_LENGTH, message: `Mật khẩu mới phải có ít nhất ${MIN_LENGTH} ký tự.` },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

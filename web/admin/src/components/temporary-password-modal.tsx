import { Alert, Button, Modal, Typography } from 'antd';

/** Shows a server-generated password once; it is never retrievable again, so the admin must copy it now. */
export function TemporaryPasswordModal({ password, onClose }: { password: string | undefined; onClose: () => void }) {
  return (
    <Modal
      title="Mật khẩu tạm thời"
      open={password !== undefined}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          Xong
        </Button>
      }
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title="Mật khẩu này chỉ hiển thị một lần."
        description="Hãy sao chép và gửi cho người dùng qua kênh an toàn; người dùng nên đổi mật khẩu sau lần đăng nhập đầu tiên."
      />
      <Typography.Paragraph copyable={{ text: password, tooltips: ['Sao chép', 'Đã sao chép'] }} className="temporary-password">
        <Typography.Text code strong>
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}

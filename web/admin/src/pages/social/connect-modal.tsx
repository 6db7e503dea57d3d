import { DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT } from '../../date-input';
import type { Channel } from './social-types';

interface ConnectValues {
  externalId?: string;
  accessToken?: string;
  appId?: string;
  secretKey?: string;
  refreshToken?: string;
  /** Facebook: when the token stops working, if known (page tokens from a long-lived user token never do). */
  expiresOn?: Dayjs | null;
}

/**
 * Connects or reconnects a channel. The server checks the credentials with the network before
 * storing them, so a wrong or expired token leaves the working connection as it was.
 */
export function ConnectModal({ channel, onClose, onSaved }: { channel: Channel | undefined; onClose: () => void; onSaved: () => void }) {
  const facebook = channel?.network === 'facebook';
  return (
    <FormModal<ConnectValues, Channel>
      title={channel ? `Kết nối ${channel.name}` : ''}
      name="social-connect"
      open={channel !== undefined}
      initialValues={{ externalId: channel?.externalId ?? undefined, appId: channel?.appId ?? undefined }}
      onClose={onClose}
      onSubmit={({ expiresOn, ...values }) => api.put<Channel>(`/api/social/channels/${channel!.id}/connection`, { ...values, expiresAt: expiresOn ? expiresOn.endOf('day').toISOString() : null })}
      onSaved={onSaved}
      successMessage="Đã kết nối kênh"
      okText="Kiểm tra và kết nối"
    >
      <Typography.Paragraph type="secondary">
        Thông tin được kiểm tra với {facebook ? 'Facebook' : 'Zalo'} trước khi lưu và được mã hoá. Mã truy cập không bao giờ hiển thị lại.
      </Typography.Paragraph>
      {facebook ? (
        <>
          <Form.Item name="externalId" label="Mã Trang Facebook (page id)" rules={[{ required: true, message: 'Nhập mã Trang' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="accessToken" label="Mã truy cập Trang (page access token)" rules={[{ required: true, message: 'Nhập mã truy cập Trang' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="expiresOn" label="Mã hết hạn ngày (nếu có)">
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="appId" label="App ID" rules={[{ required: true, message: 'Nhập App ID' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="secretKey" label="Khoá bí mật (secret key)" rules={[{ required: true, message: 'Nhập khoá bí mật' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="refreshToken" label="Refresh token" rules={[{ required: true, message: 'Nhập refresh token' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

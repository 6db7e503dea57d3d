import { Card, Checkbox, Input, Space, Tag, Typography } from 'antd';
import { charCount, LIMITS, NETWORK_LABELS, type Channel } from './social-types';

export interface ChannelText {
  channelId: string;
  message: string;
  title?: string;
  broadcast?: boolean;
}

/** "12/300 ký tự", red once over the network's limit. */
function Count({ text, limit }: { text: string; limit: number }) {
  const n = charCount(text);
  return <Typography.Text type={n > limit ? 'danger' : 'secondary'}>{`${n}/${limit} ký tự`}</Typography.Text>;
}

/**
 * One channel's own text with its limits, and a preview of how the network will show it
 * (Facebook: message over the link card; Zalo: an article card with cover, title, description).
 */
export function ChannelTextCard(props: { channel: Channel; value: ChannelText; onChange: (v: ChannelText) => void; link: string | null; imageUrl: string | null }) {
  const { channel, value, onChange, link, imageUrl } = props;
  const limits = LIMITS[channel.network];
  const zalo = channel.network === 'zalo';
  return (
    <Card size="small" title={`${NETWORK_LABELS[channel.network]} — ${channel.name}`} extra={<Tag>{channel.healthLabel}</Tag>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {zalo && (
          <>
            <Input aria-label={`Tiêu đề cho ${channel.name}`} placeholder="Tiêu đề bài viết Zalo" value={value.title ?? ''} onChange={(e) => onChange({ ...value, title: e.target.value })} />
            <Count text={value.title ?? ''} limit={limits.title} />
          </>
        )}
        <Input.TextArea aria-label={`Nội dung cho ${channel.name}`} rows={zalo ? 3 : 5} value={value.message} onChange={(e) => onChange({ ...value, message: e.target.value })} placeholder={zalo ? 'Mô tả ngắn của bài viết Zalo' : 'Nội dung bài đăng Facebook'} />
        <Count text={value.message} limit={limits.message} />
        {zalo && (
          <Checkbox checked={value.broadcast ?? false} onChange={(e) => onChange({ ...value, broadcast: e.target.checked })}>
            Gửi bài viết tới người quan tâm OA
          </Checkbox>
        )}
        <div className="social-preview" aria-label={`Xem trước trên ${NETWORK_LABELS[channel.network]}`}>
          <Typography.Text strong>Xem trước</Typography.Text>
          {/* The image is named, not loaded: a free post's image may live on another host, outside the admin's CSP. */}
          {imageUrl && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 4 }}>{`${zalo ? 'Ảnh bìa' : 'Ảnh'}: ${imageUrl}`}</Typography.Paragraph>}
          {zalo && <Typography.Paragraph strong style={{ marginTop: 8, marginBottom: 4 }}>{value.title || '(chưa có tiêu đề)'}</Typography.Paragraph>}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{value.message || '(chưa có nội dung)'}</Typography.Paragraph>
          {link && <Typography.Text type="secondary">{link}</Typography.Text>}
        </div>
      </Space>
    </Card>
  );
}

import { Card, Descriptions, Result, Spin, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { DemoTag } from '../../components/demo-tag';
import { Page } from '../../components/page';
import { formatDate, formatDateTime } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { FeedbackActions } from './feedback-actions';
import { FeedbackStatusTag, OverdueTag } from './feedback-tags';
import type { FeedbackDetail } from './feedback-types';
import './feedback.css';

/** One feedback: the sender (internal only), the content and files, the answer, the history and the next steps. */
export function FeedbackDetailPage() {
  const { id = '' } = useParams();
  const item = useApiGet<FeedbackDetail>(`/api/feedback/${encodeURIComponent(id)}`);
  const f = item.data;
  if (!f) return item.loading ? <Spin /> : <Result status="404" title="Không tìm thấy phản ánh" extra={<Link to="/feedback">Về danh sách phản ánh</Link>} />;

  return (
    <Page title={`Phản ánh ${f.code}`} extra={<FeedbackActions item={f} onChanged={item.setData} />}>
      <Card title={<Space wrap>{f.subject}<FeedbackStatusTag item={f} /><OverdueTag item={f} />{f.isDemo && <DemoTag />}</Space>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="Người gửi">{f.sender.name}</Descriptions.Item>
          <Descriptions.Item label="Điện thoại">{f.sender.phone}</Descriptions.Item>
          <Descriptions.Item label="Địa chỉ">{f.sender.address}</Descriptions.Item>
          <Descriptions.Item label="Email">{f.sender.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Tiếp nhận">{formatDateTime(f.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị xử lý">{f.unitName ?? 'Chưa chuyển'}</Descriptions.Item>
          <Descriptions.Item label="Hạn phân loại">{formatDate(f.assignDueOn)}</Descriptions.Item>
          <Descriptions.Item label="Hạn trả lời">{formatDate(f.answerDueOn)}</Descriptions.Item>
          <Descriptions.Item label="Thủ tục liên quan">{f.procedureName ? `${f.procedureName} (${f.procedureCode})` : '—'}</Descriptions.Item>
          <Descriptions.Item label="Đồng ý công khai">{f.consentPublish ? 'Có' : 'Không'}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={2} className="fb-heading">Nội dung</Typography.Title>
        <Typography.Paragraph className="fb-text">{f.content}</Typography.Paragraph>
        {f.files.length > 0 && (
          <ul>
            {f.files.map((file) => <li key={file.id}><a href={`/api/feedback/${f.id}/files/${file.id}`}>{file.name}</a></li>)}
          </ul>
        )}
      </Card>
      <Card title="Câu trả lời">
        {f.answerText ? (
          <>
            <Typography.Paragraph className="fb-text">{f.answerText}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {f.answeredBy && `Soạn: ${f.answeredBy}${f.answeredAt ? `, ${formatDateTime(f.answeredAt)}` : ''}. `}
              {f.approvedAt && `Duyệt: ${f.approvedBy ?? 'lãnh đạo'}, ${formatDateTime(f.approvedAt)}. `}
              {f.publishedAt && `Công khai: ${formatDateTime(f.publishedAt)}.`}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">Chưa có câu trả lời.</Typography.Text>
        )}
      </Card>
      <Card title="Lịch sử xử lý">
        <Timeline items={f.history.map((h) => ({ key: h.id, children: <><strong>{h.label}</strong> — {h.actorName}, {formatDateTime(h.at)}{h.note && <div className="fb-text">{h.note}</div>}</> }))} />
      </Card>
    </Page>
  );
}

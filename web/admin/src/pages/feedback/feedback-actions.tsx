import { Button, Form, Input, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { CommentModal } from '../../components/comment-modal';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { useUnits } from '../../hooks/use-units';
import type { FeedbackAction, FeedbackDetail } from './feedback-types';

type Dialog = Exclude<FeedbackAction, 'approve'> | null;

/** The steps the signed-in user may take on this feedback now (the server lists them), each behind a dialog. */
export function FeedbackActions({ item, onChanged }: { item: FeedbackDetail; onChanged: (saved: FeedbackDetail) => void }) {
  const [open, setOpen] = useState<Dialog>(null);
  const { units } = useUnits();
  const run = useAction();
  const url = (step: FeedbackAction) => `/api/feedback/${item.id}/${step}`;
  const can = (step: FeedbackAction) => item.actions.includes(step);
  const close = () => setOpen(null);

  return (
    <>
      <Space wrap>
        {can('assign') && <Button type={item.status === 'received' ? 'primary' : 'default'} onClick={() => setOpen('assign')}>{item.unitId ? 'Chuyển đơn vị khác' : 'Chuyển đơn vị xử lý'}</Button>}
        {can('answer') && <Button type="primary" onClick={() => setOpen('answer')}>{item.answerText ? 'Sửa câu trả lời' : 'Soạn câu trả lời'}</Button>}
        {can('approve') && (
          <Popconfirm title="Duyệt câu trả lời này?" description="Người gửi sẽ thấy câu trả lời khi tra cứu bằng mã." okText="Duyệt" cancelText="Huỷ" onConfirm={async () => {
            const saved = await run(() => api.post<FeedbackDetail>(url('approve')), 'Đã duyệt câu trả lời');
            if (saved) onChanged(saved);
          }}>
            <Button type="primary">Duyệt trả lời</Button>
          </Popconfirm>
        )}
        {can('return') && <Button onClick={() => setOpen('return')}>Trả lại đơn vị</Button>}
        {can('publish') && <Button type="primary" onClick={() => setOpen('publish')}>Công khai trên cổng</Button>}
        {can('close') && <Button danger={item.approvedAt === null} onClick={() => setOpen('close')}>Kết thúc xử lý</Button>}
      </Space>

      <FormModal<{ unitId: string; note?: string }, FeedbackDetail> title="Chuyển đơn vị xử lý" name="fb-assign" open={open === 'assign'} onClose={close} onSaved={onChanged} okText="Chuyển" successMessage="Đã chuyển đơn vị xử lý"
        initialValues={{ unitId: item.unitId ?? undefined }} onSubmit={(v) => api.post(url('assign'), v)}>
        <Form.Item label="Đơn vị xử lý" name="unitId" rules={[{ required: true, message: 'Hãy chọn đơn vị xử lý.' }]}>
          <Select options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.shortName || u.name }))} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item label="Ghi chú cho đơn vị" name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </FormModal>

      <FormModal<{ answer: string }, FeedbackDetail> title="Câu trả lời" name="fb-answer" width={720} open={open === 'answer'} onClose={close} onSaved={onChanged} okText="Gửi lãnh đạo duyệt" successMessage="Đã gửi câu trả lời để lãnh đạo duyệt"
        initialValues={{ answer: item.answerText ?? '' }} onSubmit={(v) => api.post(url('answer'), { answer: v.answer.trim() })}>
        <Form.Item label="Nội dung trả lời" name="answer" rules={[{ required: true, whitespace: true, message: 'Hãy nhập nội dung trả lời.' }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 6, maxRows: 16 }} maxLength={10000} showCount />
        </Form.Item>
      </FormModal>

      <CommentModal<FeedbackDetail> title="Trả lại đơn vị" name="fb-return" label="Lý do trả lại" requiredMessage="Hãy nêu lý do trả lại." okText="Trả lại" open={open === 'return'} onClose={close} onSaved={onChanged}
        successMessage="Đã trả lại đơn vị" onSubmit={(reason) => api.post(url('return'), { reason })} />

      <FormModal<{ publicQuestion: string }, FeedbackDetail> title="Công khai trên cổng thông tin" name="fb-publish" width={720} open={open === 'publish'} onClose={close} onSaved={onChanged} okText="Công khai" successMessage="Đã công khai câu hỏi và câu trả lời"
        initialValues={{ publicQuestion: item.publicQuestion ?? item.content }} onSubmit={(v) => api.post(url('publish'), { publicQuestion: v.publicQuestion })}>
        <p>Họ tên, địa chỉ, điện thoại và email của người gửi không bao giờ được công khai. Hãy bỏ khỏi câu hỏi dưới đây mọi thông tin cá nhân khác (tên, số điện thoại, số giấy tờ…) trước khi công khai.</p>
        <Form.Item label="Câu hỏi đăng công khai" name="publicQuestion" rules={[{ required: true, whitespace: true, message: 'Hãy nhập câu hỏi đăng công khai.' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} />
        </Form.Item>
      </FormModal>

      <CommentModal<FeedbackDetail> title="Kết thúc xử lý" name="fb-close" label={item.approvedAt ? 'Ghi chú' : 'Lý do kết thúc (người gửi thấy khi tra cứu)'} okText="Kết thúc" open={open === 'close'} onClose={close} onSaved={onChanged}
        requiredMessage={item.approvedAt ? undefined : 'Hãy nêu lý do kết thúc khi phản ánh chưa có câu trả lời.'} successMessage="Đã kết thúc xử lý"
        onSubmit={(note) => api.post(url('close'), note ? { note } : {})} />
    </>
  );
}

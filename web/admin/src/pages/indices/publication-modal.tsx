import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import type { IndexPublication } from './index-types';

interface Values {
  year: number;
  kind: 'article' | 'infographic';
  title: string;
  link: string;
  publishedOn: Dayjs;
}

/**
 * Records an article or infographic about the indices that was published: the server finds the
 * plan task about PCI and indices of that year and records the evidence there.
 */
export function PublicationModal({ onClose, onSaved }: { onClose: () => void; onSaved: (p: IndexPublication) => void }) {
  return (
    <FormModal<Values, IndexPublication>
      title="Ghi nhận tin bài, infographic về chỉ số"
      name="index-publication"
      open
      okText="Ghi nhận"
      initialValues={{ kind: 'article', year: dayjs().year() - 1, link: '/chi-so', publishedOn: dayjs() }}
      onClose={onClose}
      onSubmit={(v) => api.post<IndexPublication>('/api/indices/publications', { ...v, publishedOn: v.publishedOn.format('YYYY-MM-DD') })}
      onSaved={onSaved}
    >
      <Form.Item name="kind" label="Loại" rules={[{ required: true }]}>
        <Select options={[{ value: 'article', label: 'Tin bài' }, { value: 'infographic', label: 'Infographic' }]} />
      </Form.Item>
      <Form.Item name="year" label="Năm của chỉ số" rules={[{ required: true }]}>
        <InputNumber min={2005} max={2100} precision={0} />
      </Form.Item>
      <Form.Item name="title" label="Tiêu đề" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tiêu đề' }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="link" label="Đường dẫn" rules={[{ required: true, message: 'Hãy nhập đường dẫn' }]} extra="Địa chỉ tin bài trên cổng (bắt đầu bằng /) hoặc http(s)://">
        <Input maxLength={600} />
      </Form.Item>
      <Form.Item name="publishedOn" label="Ngày đăng" rules={[{ required: true, message: 'Hãy chọn ngày đăng' }]}>
        <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}

import { Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import type { IndexDefinition, IndexValue, IndexValueInput } from './index-types';

interface Props {
  catalog: IndexDefinition[];
  /** The row being corrected; a new value when absent. */
  editing?: IndexValue;
  onClose: () => void;
  onSaved: () => void;
}

/** The index, then its components to choose from (back to the total when the index changes). */
function IndexAndComponent({ catalog }: { catalog: IndexDefinition[] }) {
  const form = Form.useFormInstance<IndexValueInput>();
  const code = Form.useWatch('indexCode', form);
  const components = catalog.find((d) => d.code === code)?.components ?? [];
  return (
    <>
      <Form.Item name="indexCode" label="Chỉ số" rules={[{ required: true, message: 'Hãy chọn chỉ số' }]}>
        <Select options={catalog.map((d) => ({ value: d.code, label: d.fullName }))} onChange={() => form.setFieldValue('component', 'total')} />
      </Form.Item>
      <Form.Item name="component" label="Thành phần" rules={[{ required: true }]}>
        <Select options={[{ value: 'total', label: 'Tổng điểm' }, ...components.map((c) => ({ value: c.key, label: c.name }))]} />
      </Form.Item>
    </>
  );
}

/** Enters or corrects one yearly value of an index (its total or one component), with its rank and source. */
export function ValueFormModal({ catalog, editing, onClose, onSaved }: Props) {
  return (
    <FormModal<IndexValueInput, IndexValue>
      title={editing ? 'Sửa giá trị chỉ số' : 'Thêm giá trị chỉ số'}
      name="index-value"
      open
      width={640}
      initialValues={editing ? { ...editing } : { component: 'total', year: new Date().getFullYear() - 1, rankOf: 63 }}
      onClose={onClose}
      onSubmit={(v) => (editing ? api.put<IndexValue>(`/api/indices/${editing.id}`, v) : api.post<IndexValue>('/api/indices', v))}
      onSaved={onSaved}
      successMessage="Đã lưu giá trị chỉ số"
    >
      <IndexAndComponent catalog={catalog} />
      <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Hãy nhập năm' }]}>
        <InputNumber min={2005} max={2100} precision={0} />
      </Form.Item>
      <Form.Item name="value" label="Giá trị" rules={[{ required: true, message: 'Hãy nhập giá trị' }]} extra="Tối đa hai chữ số thập phân, ví dụ 88,54.">
        <InputNumber min={0} max={100} step={0.01} decimalSeparator="," />
      </Form.Item>
      <Form.Item name="rank" label="Xếp hạng">
        <InputNumber min={1} max={1000} precision={0} />
      </Form.Item>
      <Form.Item name="rankOf" label="Trên tổng số">
        <InputNumber min={1} max={1000} precision={0} />
      </Form.Item>
      <Form.Item name="source" label="Nguồn" rules={[{ required: true, whitespace: true, message: 'Hãy ghi nguồn (văn bản hoặc báo cáo công bố)' }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="sourceUrl" label="Đường dẫn nguồn">
        <Input maxLength={600} placeholder="https://" />
      </Form.Item>
    </FormModal>
  );
}

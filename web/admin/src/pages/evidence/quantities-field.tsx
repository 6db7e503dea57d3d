import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Space } from 'antd';

/** Số lượng: what the evidence counts, measure by measure (e.g. Hội thi 1, Lượt người tham dự 150). */
export function QuantitiesField({ measures }: { measures: Record<string, string> }) {
  const options = Object.entries(measures).map(([value, label]) => ({ value, label }));
  return (
    <Form.List name="quantities">
      {(fields, { add, remove }) => (
        <Form.Item label="Số lượng" extra="Để trống: hệ thống tính 1 theo loại minh chứng.">
          {fields.map((field) => (
            <Space key={field.key} align="baseline" className="target-row">
              <Form.Item name={[field.name, 'measure']} rules={[{ required: true, message: 'Chọn đơn vị đo.' }]}>
                <Select aria-label={`Đơn vị đo ${field.name + 1}`} placeholder="Đơn vị đo" options={options} style={{ width: 240 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: 'Nhập số lượng.' }]}>
                <InputNumber aria-label={`Số lượng ${field.name + 1}`} min={0} placeholder="Số lượng" />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} aria-label={`Bỏ số lượng ${field.name + 1}`} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })}>
            Thêm số lượng
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { DATE_FORMAT } from '../../../date-input';
import { formatDate } from '../../../format';
import type { TaskRow } from '../../../plan-types';
import { nameFilter, type UnitDirectory } from '../../../unit-names';

const MEASURES = ['tin, bài', 'văn bản', 'bài đăng', 'hội nghị', 'lớp tập huấn', 'hội thi', 'lượt người tham dự'].map((value) => ({ value }));

/** Chỉ tiêu: what the task should deliver, counted (e.g. 12 tin, bài). */
function TargetsField() {
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <Form.Item label="Chỉ tiêu">
          {fields.map((field) => (
            <Space key={field.key} align="baseline" className="target-row">
              <Form.Item name={[field.name, 'measure']} rules={[{ required: true, whitespace: true, message: 'Nhập đơn vị tính.' }]}>
                <AutoComplete aria-label={`Đơn vị tính của chỉ tiêu ${field.name + 1}`} options={MEASURES} placeholder="tin, bài" style={{ width: 200 }} maxLength={50} />
              </Form.Item>
              <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: 'Nhập số lượng.' }]}>
                <InputNumber aria-label={`Số lượng của chỉ tiêu ${field.name + 1}`} min={0} placeholder="Số lượng" />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} aria-label={`Bỏ chỉ tiêu ${field.name + 1}`} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ measure: '', quantity: 1 })}>
            Thêm chỉ tiêu
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

/** The deadline as written, and a date that sets the end when the text cannot be read (or to override it). */
function DueFields({ row }: { row?: TaskRow }) {
  const form = Form.useFormInstance();
  const understood = row?.due?.end ? `Hạn hiện tại: ${formatDate(row.due.end)}.` : row ? 'Chưa xác định được hạn.' : undefined;
  return (
    <>
      <Form.Item label="Thời gian hoàn thành" name="dueText" extra="Ghi như trong văn bản, ví dụ: Quý II/2024, T6/2024, Cả năm 2024.">
        <Input
          maxLength={200}
          // A date picked for the old text must not outlive it, unless picked in this dialog.
          onChange={() => !form.isFieldTouched('dueEnd') && form.setFieldValue('dueEnd', null)}
        />
      </Form.Item>
      <Form.Item
        label="Chọn hạn"
        name="dueEnd"
        extra={[understood, 'Ngày chọn ở đây là hạn cuối; chữ ghi ở trên được giữ nguyên như văn bản.'].filter(Boolean).join(' ')}
      >
        <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
      </Form.Item>
    </>
  );
}

interface Props {
  kind: 'task' | 'group';
  row?: TaskRow;
  units: UnitDirectory;
  groupOptions: { value: string; label: string }[];
}

/** The inputs of a task or group row. */
export function TaskFields({ kind, row, units, groupOptions }: Props) {
  if (kind === 'group') {
    return (
      <>
        <Form.Item label="Mã nhóm" name="code" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã nhóm.' }]} extra="Ví dụ: B, B.1 (nhóm con ghi kèm mã nhóm cha).">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="Tên nhóm" name="content" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên nhóm.' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} />
        </Form.Item>
      </>
    );
  }
  return (
    <>
      <Space className="form-row">
        <Form.Item label="TT" name="code">
          <Input maxLength={20} placeholder="-" style={{ width: 80 }} />
        </Form.Item>
        <Form.Item label="Thuộc nhóm" name="groupCode">
          <Select allowClear placeholder="Không thuộc nhóm" options={groupOptions} style={{ width: 320 }} />
        </Form.Item>
      </Space>
      <Form.Item label="Nội dung, nhiệm vụ" name="content" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung nhiệm vụ.' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Form.Item label="Phòng chủ trì" name="lead" extra="Chọn đơn vị hoặc ghi như trong văn bản.">
        <AutoComplete options={units.options} showSearch={{ filterOption: nameFilter }} maxLength={300} />
      </Form.Item>
      <Form.Item label="Phòng phối hợp" name="coop">
        <Select mode="tags" options={units.options} showSearch={{ filterOption: nameFilter }} tokenSeparators={[';']} placeholder="Chọn hoặc gõ tên đơn vị" />
      </Form.Item>
      <Form.Item label="Kết quả/sản phẩm" name="product">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <TargetsField />
      <DueFields row={row} />
    </>
  );
}

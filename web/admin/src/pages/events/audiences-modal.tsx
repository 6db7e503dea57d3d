import { Button, Form, Input, Space } from 'antd';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import type { Labelled } from './event-types';

interface Values {
  audiences: { code?: string; label: string }[];
}

/** The agency's list of audiences: a kept entry keeps its code (events store codes), a new one gets one from its name. */
export function AudiencesModal({ open, audiences, onClose, onSaved }: { open: boolean; audiences: Labelled[]; onClose: () => void; onSaved: () => void }) {
  return (
    <FormModal<Values, Labelled[]>
      title="Đối tượng tuyên truyền"
      name="audiences"
      open={open}
      onClose={onClose}
      onSubmit={(v) => api.put<Labelled[]>('/api/events/audiences', { audiences: v.audiences.map((a) => ({ ...(a.code ? { code: a.code } : {}), label: a.label.trim() })) })}
      onSaved={onSaved}
      successMessage="Đã lưu danh sách đối tượng"
      initialValues={{ audiences }}
      width={640}
    >
      <Form.List name="audiences">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" className="full-width">
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline">
                <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: 'Nhập tên đối tượng.' }]}>
                  <Input aria-label={`Đối tượng ${i + 1}`} maxLength={200} style={{ width: 420 }} />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)} disabled={fields.length === 1}>
                  Bỏ
                </Button>
              </Space>
            ))}
            <Button onClick={() => add({ label: '' })}>Thêm đối tượng</Button>
          </Space>
        )}
      </Form.List>
    </FormModal>
  );
}

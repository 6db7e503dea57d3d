import { Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { useAction } from '../../hooks/use-action';
import type { Agency } from '../../types';

type Contact = Pick<Agency, 'address' | 'phone' | 'email' | 'website'>;

export function ContactCard({ agency, onSaved }: { agency: Agency; onSaved: (agency: Agency) => void }) {
  const canWrite = useCan('org.agency.write');
  const run = useAction();
  const [form] = Form.useForm<Contact>();
  const [saving, setSaving] = useState(false);

  async function save(values: Contact) {
    // Emptied fields go as null, which the server stores as "no value".
    const patch = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && v.trim() ? v.trim() : null]));
    setSaving(true);
    const saved = await run(() => api.patch<Agency>('/api/agency', patch));
    setSaving(false);
    if (saved) onSaved(saved);
  }

  return (
    <Card title="Thông tin liên hệ">
      <Form<Contact>
        form={form}
        name="agency-contact"
        layout="vertical"
        disabled={!canWrite}
        initialValues={{ address: agency.address, phone: agency.phone, email: agency.email, website: agency.website }}
        onFinish={save}
      >
        <Form.Item label="Địa chỉ" name="address">
          <Input maxLength={300} autoComplete="street-address" />
        </Form.Item>
        <Form.Item label="Điện thoại" name="phone">
          <Input maxLength={50} type="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item label="Email" name="email" rules={[{ type: 'email', message: 'Email không hợp lệ.' }]}>
          <Input maxLength={200} type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item label="Trang thông tin điện tử" name="website">
          <Input maxLength={300} type="url" autoComplete="url" placeholder="https://" />
        </Form.Item>
        {canWrite && (
          <Button type="primary" htmlType="submit" loading={saving}>
            Lưu
          </Button>
        )}
      </Form>
    </Card>
  );
}

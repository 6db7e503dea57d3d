import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api';
import { DATE_FORMAT, toYmd } from '../../../date-input';
import { useAction } from '../../../hooks/use-action';
import type { BasisRef, Plan } from '../../../plan-types';
import type { AskReason } from './reason-prompt';

interface InfoValues {
  title: string;
  year: number;
  numberText?: string;
  place?: string;
  signDate?: Dayjs | null;
  theme?: string;
  budgetText?: string;
  basis?: string[];
  recipients?: string[];
  signerAuthority?: string;
  signerTitle?: string;
  signerName?: string;
}

const blankToNull = (text: string | undefined) => text?.trim() || null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function valuesOf(plan: Plan): InfoValues {
  return {
    title: plan.title,
    year: plan.year,
    numberText: plan.numberText ?? '',
    place: plan.place ?? '',
    signDate: plan.signDate ? dayjs(plan.signDate) : null,
    theme: plan.theme ?? '',
    budgetText: plan.budgetText ?? '',
    basis: plan.basis.map((b) => b.text),
    recipients: plan.recipients,
    signerAuthority: plan.signer?.authority ?? '',
    signerTitle: plan.signer?.title ?? '',
    signerName: plan.signer?.name ?? '',
  };
}

/** Only the fields that changed, so a revision records just what the user edited. */
function patchOf(plan: Plan, v: InfoValues): Record<string, unknown> {
  // A basis kept as it was keeps what the importer read from it (number, date, issuer).
  const basis: BasisRef[] = (v.basis ?? [])
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => plan.basis.find((b) => b.text === text) ?? { text, type: null, number: null, date: null, issuer: null });
  const signer = v.signerTitle?.trim() || v.signerName?.trim() ? { authority: blankToNull(v.signerAuthority), title: v.signerTitle?.trim() ?? '', name: v.signerName?.trim() ?? '' } : null;
  const next: Record<string, unknown> = {
    title: v.title.trim(),
    year: v.year,
    numberText: blankToNull(v.numberText),
    place: blankToNull(v.place),
    signDate: v.signDate ? toYmd(v.signDate) : null,
    theme: blankToNull(v.theme),
    budgetText: blankToNull(v.budgetText),
    basis,
    recipients: (v.recipients ?? []).map((r) => r.trim()).filter(Boolean),
    signer,
  };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => !same(value, plan[key as keyof Plan])));
}

/** A list of one-line texts with add and remove. */
function TextList({ name, label, addText, itemLabel }: { name: string; label: string; addText: string; itemLabel: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          {fields.map((field, i) => (
            <Space key={field.key} align="baseline" className="text-list-row">
              <Form.Item name={field.name} noStyle>
                <Input aria-label={`${itemLabel} ${i + 1}`} maxLength={300} style={{ width: 560 }} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} aria-label={`Bỏ ${itemLabel.toLowerCase()} ${i + 1}`} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add('')}>
            {addText}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

/** "Thông tin": the plan's metadata, basis, recipients and signer. */
export function InfoTab({ plan, editable, askReason, onSaved }: { plan: Plan; editable: boolean; askReason: AskReason; onSaved: (plan: Plan) => void }) {
  const [form] = Form.useForm<InfoValues>();
  const { message } = App.useApp();
  const run = useAction();
  const [saving, setSaving] = useState(false);

  async function save(values: InfoValues) {
    const patch = patchOf(plan, values);
    if (!Object.keys(patch).length) {
      void message.info('Không có thay đổi nào để lưu.');
      return;
    }
    setSaving(true);
    const saved = await run(async () => {
      const reason = await askReason();
      return api.patch<Plan>(`/api/plans/${plan.id}`, { ...patch, ...(reason ? { reason } : {}) });
    });
    setSaving(false);
    if (saved) onSaved(saved);
  }

  return (
    <Form<InfoValues> key={`${plan.id}:${plan.updatedAt}`} form={form} name="plan-info" layout="vertical" disabled={!editable} initialValues={valuesOf(plan)} onFinish={save}>
      <Form.Item label="Trích yếu" name="title" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập trích yếu.' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Space wrap className="form-row">
        <Form.Item label="Năm" name="year" rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item label="Số ký hiệu" name="numberText">
          <Input maxLength={50} placeholder="05/KH-BDT" />
        </Form.Item>
        <Form.Item label="Địa danh" name="place">
          <Input maxLength={100} placeholder="Bắc Giang" />
        </Form.Item>
        <Form.Item label="Ngày ký" name="signDate">
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
        </Form.Item>
      </Space>
      <Form.Item label="Chủ đề năm" name="theme">
        <Input maxLength={500} />
      </Form.Item>
      <TextList name="basis" label="Căn cứ" addText="Thêm căn cứ" itemLabel="Căn cứ" />
      <Form.Item label="Kinh phí" name="budgetText">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <TextList name="recipients" label="Nơi nhận" addText="Thêm nơi nhận" itemLabel="Nơi nhận" />
      <Space wrap className="form-row">
        <Form.Item label="Thẩm quyền ký" name="signerAuthority" extra="Ví dụ: KT. TRƯỞNG BAN">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="Chức vụ người ký" name="signerTitle">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="Họ tên người ký" name="signerName">
          <Input maxLength={100} />
        </Form.Item>
      </Space>
      {editable && (
        <Button type="primary" htmlType="submit" loading={saving}>
          Lưu
        </Button>
      )}
    </Form>
  );
}

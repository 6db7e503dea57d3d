import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { DATE_FORMAT, toYmd } from '../../../date-input';
import type { PlanDocument } from '../../../plan-types';
import type { MetaField, ReviewWarnings } from './review-model';

interface MetaValues {
  title: string;
  year: number | null;
  numberText: string;
  signDate: Dayjs | null;
  theme: string;
}

interface Props {
  document: PlanDocument;
  warnings: ReviewWarnings['meta'];
  onChange: (patch: Partial<PlanDocument>) => void;
  /** Receives the form's validate function, so the wizard can check it before moving on. */
  onValidator: (validate: () => Promise<unknown>) => void;
}

function toPatch(changed: Partial<MetaValues>): Partial<PlanDocument> {
  const patch: Partial<PlanDocument> = {};
  if ('title' in changed) patch.title = changed.title ?? '';
  if ('year' in changed) patch.year = changed.year ?? null;
  if ('numberText' in changed) patch.numberText = changed.numberText?.trim() || null;
  if ('signDate' in changed) patch.signDate = changed.signDate ? toYmd(changed.signDate) : null;
  if ('theme' in changed) patch.theme = changed.theme?.trim() || null;
  return patch;
}

/** The plan's identity as read, for the user to check and complete. */
export function ReviewMetaForm({ document, warnings, onChange, onValidator }: Props) {
  const [form] = Form.useForm<MetaValues>();
  useEffect(() => {
    onValidator(() => form.validateFields());
  }, [form, onValidator]);

  // A warning about a field shows on it until the user changes that field.
  const hint = (field: MetaField) => {
    const list = warnings[field];
    return list?.length ? { validateStatus: 'warning' as const, help: list.join(' ') } : {};
  };

  return (
    <Form<MetaValues>
      form={form}
      name="import-meta"
      layout="vertical"
      initialValues={{
        title: document.title,
        year: document.year,
        numberText: document.numberText ?? '',
        signDate: document.signDate ? dayjs(document.signDate) : null,
        theme: document.theme ?? '',
      }}
      onValuesChange={(changed: Partial<MetaValues>) => onChange(toPatch(changed))}
    >
      <Form.Item label="Trích yếu" name="title" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập trích yếu của kế hoạch.' }]} {...hint('title')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <div className="form-row">
        <Form.Item label="Năm" name="year" rules={[{ required: true, message: 'Vui lòng nhập năm của kế hoạch.' }]} {...hint('year')}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item label="Số ký hiệu" name="numberText" {...hint('numberText')}>
          <Input maxLength={50} placeholder="05/KH-BDT" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="Ngày ký" name="signDate" {...hint('signDate')}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
        </Form.Item>
      </div>
      <Form.Item label="Chủ đề năm" name="theme" {...hint('theme')}>
        <Input maxLength={500} />
      </Form.Item>
    </Form>
  );
}

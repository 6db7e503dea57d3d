import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { formatNumber } from '../../format';
import { useNotify } from '../../hooks/use-notify';
import { useUnits } from '../../hooks/use-units';
import type { Procedure, ProcessStep } from '../../procedure-types';
import { HOURS_PER_DAY } from './procedure-model';

interface StepValues {
  name?: string;
  responsible?: string;
  unitId?: string | null;
  hours?: number | null;
}

interface Props {
  procedure: Procedure;
  readOnly: boolean;
  onSaved: (procedure: Procedure) => void;
}

/** The check of the steps' total against the legal processing time, in words. */
export function ProcessCheckAlert({ totalHours, legalDays }: { totalHours: number; legalDays: number | null }) {
  const days = totalHours / HOURS_PER_DAY;
  const total = `${formatNumber(totalHours)} giờ = ${formatNumber(days)} ngày làm việc`;
  if (totalHours === 0) return <Alert type="info" showIcon title="Chưa có bước nào: nhập các bước để kiểm tra với thời hạn giải quyết theo quy định." />;
  if (legalDays === null) {
    return <Alert type="info" showIcon title={`Tổng thời gian: ${total}.`} description="Thời hạn giải quyết theo quy định chưa quy về số ngày làm việc, nên không kiểm tra được. Nhập số ngày ở phần nội dung thủ tục." />;
  }
  if (days > legalDays) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={`Quy trình nội bộ vượt thời hạn giải quyết: ${total}, quy định ${formatNumber(legalDays)} ngày làm việc (vượt ${formatNumber(days - legalDays)} ngày).`}
        description="Rút ngắn thời gian các bước để tổng không vượt thời hạn theo quy định."
      />
    );
  }
  return <Alert type="success" showIcon title={`Trong thời hạn: ${total}, quy định ${formatNumber(legalDays)} ngày làm việc.`} />;
}

/** Quy trình nội bộ: steps with who is responsible and hours, checked against the legal time. */
export function ProcessEditor({ procedure, readOnly, onSaved }: Props) {
  const notify = useNotify();
  const { units } = useUnits();
  const [form] = Form.useForm<{ steps: StepValues[] }>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const steps = Form.useWatch('steps', form) ?? [];
  const totalHours = steps.reduce((sum, s) => sum + (s?.hours ?? 0), 0);

  useEffect(() => {
    form.setFieldsValue({ steps: procedure.process.map((s) => ({ ...s })) });
    setDirty(false);
  }, [procedure, form]);

  const unitOptions = units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const responsibleOptions = units.filter((u) => u.active).map((u) => ({ value: u.name }));

  async function save() {
    try {
      await form.validateFields();
    } catch {
      notify.failed(new Error('Mỗi bước cần tên, người hoặc bộ phận chịu trách nhiệm và số giờ.'));
      return;
    }
    const body: { steps: ProcessStep[] } = {
      steps: (form.getFieldValue('steps') as StepValues[]).map((s) => ({ name: (s.name ?? '').trim(), responsible: (s.responsible ?? '').trim(), unitId: s.unitId ?? null, hours: s.hours ?? 0 })),
    };
    setSaving(true);
    try {
      const saved = await api.put<Procedure>(`/api/procedures/${encodeURIComponent(procedure.code)}/process`, body);
      notify.saved('Đã lưu quy trình nội bộ');
      setDirty(false);
      onSaved(saved);
    } catch (error) {
      notify.failed(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form form={form} name="process" layout="vertical" disabled={readOnly} onValuesChange={() => setDirty(true)}>
      <Space orientation="vertical" size="middle" className="full-width">
        <Typography.Paragraph type="secondary" className="import-hint">
          Các bước xử lý hồ sơ trong cơ quan (theo cơ chế một cửa), người hoặc bộ phận chịu trách nhiệm và thời gian (giờ làm việc, {HOURS_PER_DAY} giờ một ngày).
        </Typography.Paragraph>
        <Form.List name="steps">
          {(fields, { add, remove, move }) => (
            <div className="process-steps">
              {fields.length > 0 && (
                <div className="process-step process-step-head" aria-hidden>
                  <span>#</span>
                  <span>Bước xử lý</span>
                  <span>Người / bộ phận chịu trách nhiệm</span>
                  <span>Đơn vị</span>
                  <span>Thời gian (giờ)</span>
                  <span />
                </div>
              )}
              {fields.map((field, index) => (
                <div key={field.key} className="process-step">
                  <span className="text-list-number">{index + 1}.</span>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: 'Nhập tên bước.' }]}>
                    <Input.TextArea aria-label={`Tên bước ${index + 1}`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder="Tiếp nhận, kiểm tra hồ sơ" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'responsible']} rules={[{ required: true, whitespace: true, message: 'Nhập người hoặc bộ phận.' }]}>
                    <AutoComplete aria-label={`Chịu trách nhiệm bước ${index + 1}`} options={responsibleOptions} placeholder="Bộ phận Một cửa" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitId']}>
                    <Select
                      aria-label={`Đơn vị của bước ${index + 1}`}
                      allowClear
                      placeholder="(không bắt buộc)"
                      options={unitOptions}
                      popupMatchSelectWidth={false}
                      onChange={(unitId?: string) => {
                        const name = units.find((u) => u.id === unitId)?.name;
                        if (name && !String(form.getFieldValue(['steps', field.name, 'responsible']) ?? '').trim()) form.setFieldValue(['steps', field.name, 'responsible'], name);
                      }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'hours']} rules={[{ required: true, message: 'Nhập số giờ.' }]}>
                    <InputNumber aria-label={`Số giờ của bước ${index + 1}`} min={0} max={10000} style={{ width: '100%' }} />
                  </Form.Item>
                  {!readOnly ? (
                    <Space.Compact>
                      <Button icon={<ArrowUpOutlined />} aria-label={`Đưa bước ${index + 1} lên`} disabled={index === 0} onClick={() => move(index, index - 1)} />
                      <Button icon={<ArrowDownOutlined />} aria-label={`Đưa bước ${index + 1} xuống`} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} />
                      <Button icon={<DeleteOutlined />} aria-label={`Xóa bước ${index + 1}`} onClick={() => remove(field.name)} />
                    </Space.Compact>
                  ) : (
                    <span />
                  )}
                </div>
              ))}
              {!readOnly && (
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', responsible: '', unitId: null, hours: 8 })} className="text-list-add">
                  Thêm bước
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <ProcessCheckAlert totalHours={totalHours} legalDays={procedure.data.processingDays} />
        {!readOnly && (
          <Space>
            <Button type="primary" onClick={() => void save()} loading={saving} disabled={!dirty}>
              Lưu quy trình
            </Button>
            {dirty && <Typography.Text type="warning">Có thay đổi chưa lưu</Typography.Text>}
          </Space>
        )}
      </Space>
    </Form>
  );
}

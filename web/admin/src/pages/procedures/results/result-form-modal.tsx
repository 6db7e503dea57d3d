import { Alert, DatePicker, Form, InputNumber, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api';
import { FormModal } from '../../../components/form-modal';
import { formatPercent } from '../../../format';
import type { ProcessingResult, ResultInput } from '../../../procedure-types';
import { ProcedureCodeInput } from '../procedure-code-input';
import { BalanceTag } from './balance-tag';
import { EMPTY_FIGURES, FIGURES, indicatorsOf, type Figures } from './figures';

interface Values extends Figures {
  month: Dayjs;
  target: 'procedure' | 'field';
  procedureCode?: string;
  fieldId?: string;
}

interface Props {
  open: boolean;
  /** The row to correct; a new row otherwise. */
  result?: ProcessingResult;
  /** The month a new row is for. */
  month: string;
  fields: readonly { id: string; name: string }[];
  onClose: () => void;
  onSaved: (result: ProcessingResult) => void;
}

/** The rates and the balance of the figures as typed, before saving. */
function LiveCheck() {
  const form = Form.useFormInstance<Values>();
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const figures = Object.fromEntries(FIGURES.map((f) => [f.key, Number(values?.[f.key] ?? 0) || 0])) as Figures;
  const ind = indicatorsOf(figures);
  return (
    <Alert
      type={ind.balanced ? 'info' : 'warning'}
      showIcon
      title={
        <Space wrap>
          <span>Tiếp nhận: {ind.received}</span>
          <span>Đã giải quyết: {ind.settled}</span>
          <span>Đang giải quyết: {ind.pending}</span>
          <span>Tỉ lệ đúng hạn: {formatPercent(ind.onTimeRate)}</span>
          <span>Tỉ lệ trực tuyến: {formatPercent(ind.onlineRate)}</span>
          <BalanceTag balanced={ind.balanced} difference={ind.difference} />
        </Space>
      }
      description={ind.balanced ? undefined : 'Số liệu không cân đối vẫn được lưu nhưng được đánh dấu để kiểm tra lại.'}
    />
  );
}

/** One month's figures of a procedure (by code) or of a field's total. */
export function ResultFormModal({ open, result, month, fields, onClose, onSaved }: Props) {
  async function submit(values: Values): Promise<ProcessingResult> {
    const body: ResultInput = {
      month: values.month.format('YYYY-MM'),
      procedureCode: values.target === 'procedure' ? (values.procedureCode ?? '').trim() : null,
      fieldId: values.target === 'field' ? (values.fieldId ?? null) : null,
      ...(Object.fromEntries(FIGURES.map((f) => [f.key, values[f.key] ?? 0])) as Figures),
    };
    return api.put<ProcessingResult>('/api/service-stats/results', body);
  }

  const initial: Partial<Values> = result
    ? { month: dayjs(`${result.month}-01`), target: result.procedureCode ? 'procedure' : 'field', procedureCode: result.procedureCode ?? undefined, fieldId: result.fieldId ?? undefined, ...result.figures }
    : { month: dayjs(`${month}-01`), target: 'procedure', ...EMPTY_FIGURES };

  return (
    <FormModal<Values, ProcessingResult>
      title={result ? 'Sửa số liệu' : 'Nhập số liệu tháng'}
      name="processing-result"
      open={open}
      width={860}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
      onSaved={onSaved}
      successMessage="Đã lưu số liệu"
    >
      <div className="form-row">
        <Form.Item label="Tháng" name="month" rules={[{ required: true, message: 'Chọn tháng.' }]}>
          <DatePicker picker="month" format="MM/YYYY" allowClear={false} disabled={result !== undefined} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </Form.Item>
        <Form.Item label="Số liệu của" name="target">
          <Radio.Group disabled={result !== undefined}>
            <Radio value="procedure">Một thủ tục</Radio>
            <Radio value="field">Cả lĩnh vực (phần mềm không tách theo thủ tục)</Radio>
          </Radio.Group>
        </Form.Item>
      </div>
      <Form.Item noStyle dependencies={['target']}>
        {({ getFieldValue }) =>
          getFieldValue('target') === 'field' ? (
            <Form.Item label="Lĩnh vực" name="fieldId" rules={[{ required: true, message: 'Chọn lĩnh vực.' }]}>
              <Select aria-label="Lĩnh vực" disabled={result !== undefined} options={fields.map((f) => ({ value: f.id, label: f.name }))} showSearch={{ optionFilterProp: 'label' }} style={{ maxWidth: 420 }} />
            </Form.Item>
          ) : (
            <Form.Item label="Mã thủ tục" name="procedureCode" rules={[{ required: true, whitespace: true, message: 'Nhập mã thủ tục.' }]}>
              <ProcedureCodeInput aria-label="Mã thủ tục" disabled={result !== undefined} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Typography.Text strong>Số hồ sơ</Typography.Text>
      <div className="figures-grid">
        {FIGURES.map((f) => (
          <Form.Item key={f.key} label={f.label} name={f.key} rules={[{ required: true, message: 'Nhập số (0 nếu không có).' }]}>
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </div>
      <LiveCheck />
    </FormModal>
  );
}

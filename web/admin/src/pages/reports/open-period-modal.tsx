import { Alert, DatePicker, Form, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toYmd } from '../../date-input';
import type { PlanSummary } from '../../plan-types';
import type { Period, PeriodKind } from '../../reporting-types';
import { PERIOD_KINDS, periodCode, periodDefaults, periodIndexes, type PeriodDates } from './period-codes';

interface PeriodValues {
  kind: PeriodKind;
  index?: number;
  startDate: Dayjs;
  endDate: Dayjs;
  submitDue: Dayjs;
  lockDate: Dayjs;
}

const DATE_FIELDS: { name: keyof PeriodDates; label: string }[] = [
  { name: 'startDate', label: 'Từ ngày' },
  { name: 'endDate', label: 'Đến ngày' },
  { name: 'submitDue', label: 'Hạn nộp' },
  { name: 'lockDate', label: 'Ngày khóa sổ' },
];

const asDays = (d: PeriodDates) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, dayjs(v)])) as Record<keyof PeriodDates, Dayjs>;

/** Kind and number of the period; picking them puts the decree's default dates in the fields below. */
function CodeFields({ year }: { year: number }) {
  const form = Form.useFormInstance<PeriodValues>();
  const kind = Form.useWatch('kind', form) ?? 'quarter';
  const indexes = periodIndexes(kind);
  const reset = (k: PeriodKind, index: number) => form.setFieldsValue(asDays(periodDefaults(k, year, index)));
  return (
    <Space className="form-row">
      <Form.Item label="Loại kỳ" name="kind" rules={[{ required: true }]}>
        <Select
          aria-label="Loại kỳ"
          options={PERIOD_KINDS}
          style={{ width: 140 }}
          onChange={(k: PeriodKind) => {
            form.setFieldValue('index', 1);
            reset(k, 1);
          }}
        />
      </Form.Item>
      {indexes.length > 0 && (
        <Form.Item label="Kỳ" name="index" rules={[{ required: true, message: 'Chọn kỳ.' }]}>
          <Select aria-label="Kỳ" options={indexes} style={{ width: 180 }} onChange={(i: number) => reset(kind, i)} />
        </Form.Item>
      )}
      <Form.Item label="Năm">
        <span>{year}</span>
      </Form.Item>
    </Space>
  );
}

function LockWarning() {
  const lock = Form.useWatch<Dayjs | undefined>('lockDate');
  if (!lock || !lock.isBefore(dayjs(), 'day')) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="Ngày khóa sổ đã qua"
      description="Sau ngày khóa sổ các đơn vị không sửa, gửi được báo cáo nữa. Để các đơn vị còn làm báo cáo, hãy chọn ngày khóa sổ muộn hơn."
    />
  );
}

interface Props {
  open: boolean;
  plan: PlanSummary;
  onClose: () => void;
  onSaved: (period: Period) => void;
}

/** "Mở kỳ báo cáo": the period's code, and its dates (defaults per Decree 09/2019, editable). */
export function OpenPeriodModal({ open, plan, onClose, onSaved }: Props) {
  async function submit(values: PeriodValues) {
    return api.post<Period>('/api/periods', {
      planId: plan.id,
      code: periodCode(values.kind, plan.year, values.index ?? 1),
      startDate: toYmd(values.startDate),
      endDate: toYmd(values.endDate),
      submitDue: toYmd(values.submitDue),
      lockDate: toYmd(values.lockDate),
    });
  }
  return (
    <FormModal<PeriodValues, Period>
      title="Mở kỳ báo cáo"
      name="open-period"
      open={open}
      onClose={onClose}
      onSubmit={submit}
      onSaved={onSaved}
      okText="Mở kỳ"
      successMessage="Đã mở kỳ báo cáo"
      initialValues={{ kind: 'quarter', index: 1, ...asDays(periodDefaults('quarter', plan.year, 1)) }}
      width={640}
    >
      <CodeFields year={plan.year} />
      <p>Các ngày được điền sẵn theo Nghị định 09/2019/NĐ-CP (chốt số liệu ngày 14); có thể sửa.</p>
      <Space className="form-row">
        {DATE_FIELDS.map((f) => (
          <Form.Item key={f.name} label={f.label} name={f.name} rules={[{ required: true, message: `Chọn ${f.label.toLowerCase()}.` }]}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" allowClear={false} />
          </Form.Item>
        ))}
      </Space>
      <LockWarning />
    </FormModal>
  );
}

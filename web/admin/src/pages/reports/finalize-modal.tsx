import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toYmd } from '../../date-input';
import type { Consolidated } from '../../reporting-types';

interface FinalizeValues {
  numberText: string;
  date: Dayjs;
}

interface Props {
  open: boolean;
  periodId: string;
  /** "/BC-BDT" from the draft, to suggest the suffix. */
  draftNumber: string;
  onClose: () => void;
  onSaved: (report: Consolidated) => void;
}

/** "Ban hành": the report's number and date are fixed and its files kept as they are, for good. */
export function FinalizeModal({ open, periodId, draftNumber, onClose, onSaved }: Props) {
  return (
    <FormModal<FinalizeValues, Consolidated>
      title="Ban hành báo cáo tổng hợp"
      name="finalize-report"
      open={open}
      onClose={onClose}
      okText="Ban hành"
      successMessage="Đã ban hành báo cáo"
      initialValues={{ date: dayjs() }}
      onSubmit={(v) => api.post<Consolidated>(`/api/periods/${periodId}/consolidated/finalize`, { numberText: v.numberText.trim(), date: toYmd(v.date) })}
      onSaved={onSaved}
    >
      <p>Sau khi ban hành, báo cáo (DOCX và phụ lục XLSX) được lưu giữ nguyên, không tính lại từ minh chứng nữa.</p>
      <Form.Item
        label="Số báo cáo"
        name="numberText"
        extra={`Ví dụ: 07${draftNumber}`}
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập số báo cáo.' },
          { pattern: /^\s*\d{1,4}\/BC-[\p{L}\d-]+\s*$/u, message: 'Số báo cáo phải có dạng 07/BC-BDT.' },
        ]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="Ngày ban hành" name="date" rules={[{ required: true, message: 'Chọn ngày ban hành.' }]}>
        <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
      </Form.Item>
    </FormModal>
  );
}

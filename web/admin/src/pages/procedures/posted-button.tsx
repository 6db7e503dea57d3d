import { Button, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { formatDate } from '../../format';
import type { Decision } from '../../procedure-types';

interface Props {
  decision: Decision;
  onPosted: (decision: Decision) => void;
  size?: 'small' | 'middle';
}

/** "Đã niêm yết": records the day the decision's procedures were posted (portal and desk), today by default. */
export function PostedButton({ decision, onPosted, size }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} onClick={() => setOpen(true)} aria-label={`Đã niêm yết quyết định ${decision.numberSymbol}`}>
        Đã niêm yết
      </Button>
      <FormModal<{ postedOn: Dayjs }, Decision>
        title={`Niêm yết quyết định ${decision.numberSymbol}`}
        name={`posted-${decision.id}`}
        open={open}
        okText="Ghi nhận"
        initialValues={{ postedOn: dayjs() }}
        onClose={() => setOpen(false)}
        onSubmit={(values) => api.post<Decision>(`/api/procedure-decisions/${decision.id}/posted`, { postedOn: toYmd(values.postedOn) })}
        onSaved={onPosted}
        successMessage="Đã ghi nhận ngày niêm yết"
      >
        <Typography.Paragraph>
          Ghi ngày các thủ tục của quyết định đã được công khai trên cổng thông tin và niêm yết tại Bộ phận Một cửa. Hạn niêm yết: {formatDate(decision.postingDueOn)}.
        </Typography.Paragraph>
        <Form.Item label="Ngày niêm yết" name="postedOn" rules={[{ required: true, message: 'Chọn ngày niêm yết.' }]}>
          <DatePicker format={DATE_FORMAT} allowClear={false} disabledDate={(d) => d.isBefore(dayjs(decision.signedOn), 'day') || d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </FormModal>
    </>
  );
}

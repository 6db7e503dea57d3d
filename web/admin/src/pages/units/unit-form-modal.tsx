import { Checkbox, Form, Input, Select } from 'antd';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import type { Unit, UnitKind } from '../../types';
import { UNIT_KIND_OPTIONS } from './unit-labels';

interface UnitValues {
  name: string;
  shortName?: string;
  abbreviation: string;
  kind: UnitKind;
  isCoordinator: boolean;
}

/** Creates a unit (`unit` undefined) or edits one. */
export function UnitFormModal({ open, unit, onClose, onSaved }: { open: boolean; unit?: Unit; onClose: () => void; onSaved: () => void }) {
  function submit({ shortName, ...rest }: UnitValues) {
    // The server fills a missing short name from the name and refuses an empty one.
    const body = { ...rest, ...(shortName?.trim() ? { shortName: shortName.trim() } : {}) };
    return unit ? api.patch<Unit>(`/api/units/${unit.id}`, body) : api.post<Unit>('/api/units', body);
  }

  return (
    <FormModal<UnitValues, Unit>
      title={unit ? 'Sửa đơn vị' : 'Thêm đơn vị'}
      name="unit"
      open={open}
      onClose={onClose}
      initialValues={unit ?? { kind: 'professional', isCoordinator: false }}
      onSubmit={submit}
      onSaved={onSaved}
    >
      <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đơn vị.' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="Tên ngắn" name="shortName" extra="Để trống thì dùng tên đơn vị.">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="Viết tắt" name="abbreviation" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên viết tắt.' }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="Loại" name="kind" rules={[{ required: true, message: 'Vui lòng chọn loại đơn vị.' }]}>
        <Select options={UNIT_KIND_OPTIONS} />
      </Form.Item>
      <Form.Item label="Là đơn vị điều phối" name="isCoordinator" valuePropName="checked">
        <Checkbox />
      </Form.Item>
    </FormModal>
  );
}

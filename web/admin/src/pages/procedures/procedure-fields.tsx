import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { CHANNEL_KINDS, CHANNEL_LABELS } from './procedure-model';

interface Props {
  /** Names of the agency's fields (lĩnh vực); another name adds a field. */
  fieldNames: readonly string[];
  levels: readonly string[];
  /** The code of a stored procedure is its identity: a new code is another procedure. */
  codeLocked?: boolean;
  readOnly?: boolean;
  /** One column without cards (inside a dialog). */
  compact?: boolean;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** A titled group of fields: a card on the page, a heading inside a dialog. */
function Section({ title, compact, children }: { title: string; compact?: boolean; children: ReactNode }) {
  if (compact) {
    return (
      <section className="procedure-section">
        <h3 className="procedure-section-title">{title}</h3>
        {children}
      </section>
    );
  }
  return <Card title={title}>{children}</Card>;
}

/** A list of one-line-or-more texts (steps, forms, legal basis): add, remove, reorder. */
function TextList({ name, itemLabel, addText, readOnly, placeholder }: { name: string; itemLabel: string; addText: string; readOnly?: boolean; placeholder?: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <div className="text-list">
          {fields.length === 0 && <Typography.Text type="secondary">Chưa có mục nào.</Typography.Text>}
          {fields.map((field, index) => (
            <div key={field.key} className="text-list-item">
              <span className="text-list-number" aria-hidden>
                {index + 1}.
              </span>
              <Form.Item name={field.name} noStyle>
                <Input.TextArea aria-label={`${itemLabel} ${index + 1}`} autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} placeholder={placeholder} />
              </Form.Item>
              {!readOnly && (
                <Space.Compact>
                  <Button icon={<ArrowUpOutlined />} aria-label={`Đưa ${itemLabel.toLowerCase()} ${index + 1} lên`} disabled={index === 0} onClick={() => move(index, index - 1)} />
                  <Button icon={<ArrowDownOutlined />} aria-label={`Đưa ${itemLabel.toLowerCase()} ${index + 1} xuống`} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} />
                  <Button icon={<DeleteOutlined />} aria-label={`Xóa ${itemLabel.toLowerCase()} ${index + 1}`} onClick={() => remove(field.name)} />
                </Space.Compact>
              )}
            </div>
          ))}
          {!readOnly && (
            <Button icon={<PlusOutlined />} onClick={() => add('')} className="text-list-add">
              {addText}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

/** Cách thức thực hiện: one row per way of submitting, each optional, with its time, fee and description. */
function ChannelsTable({ readOnly }: { readOnly?: boolean }) {
  const form = Form.useFormInstance();
  const enabled = {
    in_person: Form.useWatch(['channels', 'in_person', 'enabled'], form) as boolean | undefined,
    online: Form.useWatch(['channels', 'online', 'enabled'], form) as boolean | undefined,
    postal: Form.useWatch(['channels', 'postal', 'enabled'], form) as boolean | undefined,
  };
  return (
    <div className="channels-table-wrap">
      <table className="channels-table">
        <thead>
          <tr>
            <th scope="col">Hình thức nộp</th>
            <th scope="col">Thời hạn giải quyết</th>
            <th scope="col">Phí, lệ phí</th>
            <th scope="col">Mô tả</th>
          </tr>
        </thead>
        <tbody>
          {CHANNEL_KINDS.map((kind) => {
            const label = CHANNEL_LABELS[kind];
            const off = readOnly || !enabled[kind];
            return (
              <tr key={kind}>
                <th scope="row">
                  <Form.Item name={['channels', kind, 'enabled']} valuePropName="checked" noStyle>
                    <Checkbox>{label}</Checkbox>
                  </Form.Item>
                </th>
                <td>
                  <Form.Item name={['channels', kind, 'processingTime']} noStyle>
                    <Input.TextArea aria-label={`Thời hạn giải quyết — ${label}`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} disabled={off} placeholder="05 ngày làm việc…" />
                  </Form.Item>
                </td>
                <td>
                  <Form.Item name={['channels', kind, 'fee']} noStyle>
                    <Input.TextArea aria-label={`Phí, lệ phí — ${label}`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} disabled={off} placeholder="Không" />
                  </Form.Item>
                </td>
                <td>
                  <Form.Item name={['channels', kind, 'description']} noStyle>
                    <Input.TextArea aria-label={`Mô tả — ${label}`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} disabled={off} />
                  </Form.Item>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Typography.Text type="secondary">Đánh dấu những hình thức áp dụng cho thủ tục; hình thức không đánh dấu không được công bố.</Typography.Text>
    </div>
  );
}

/** Thành phần hồ sơ: each document with its numbers of originals and copies. */
function DossierList({ readOnly }: { readOnly?: boolean }) {
  return (
    <Form.List name="dossier">
      {(fields, { add, remove }) => (
        <div className="text-list">
          {fields.length === 0 && <Typography.Text type="secondary">Chưa có thành phần hồ sơ.</Typography.Text>}
          {fields.map((field, index) => (
            <div key={field.key} className="dossier-item">
              <span className="text-list-number" aria-hidden>
                {index + 1}.
              </span>
              <Form.Item name={[field.name, 'name']} noStyle>
                <Input.TextArea aria-label={`Tên giấy tờ ${index + 1}`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder="Tên giấy tờ" />
              </Form.Item>
              <Form.Item name={[field.name, 'originals']} noStyle>
                <InputNumber aria-label={`Số bản chính của giấy tờ ${index + 1}`} min={0} max={100} precision={0} prefix="Bản chính" className="dossier-count" />
              </Form.Item>
              <Form.Item name={[field.name, 'copies']} noStyle>
                <InputNumber aria-label={`Số bản sao của giấy tờ ${index + 1}`} min={0} max={100} precision={0} prefix="Bản sao" className="dossier-count" />
              </Form.Item>
              {!readOnly && <Button icon={<DeleteOutlined />} aria-label={`Xóa giấy tờ ${index + 1}`} onClick={() => remove(field.name)} />}
            </div>
          ))}
          {!readOnly && (
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', originals: 1, copies: 0 })} className="text-list-add">
              Thêm giấy tờ
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

/**
 * Every field of a procedure as announced (ProcedureData), for a `<Form>` whose values are
 * `ProcedureValues`: general information, steps, channels, dossier, conditions, forms, legal basis.
 */
export function ProcedureFields({ fieldNames, levels, codeLocked, readOnly, compact }: Props) {
  const fieldOptions = fieldNames.map((value) => ({ value }));
  const levelOptions = levels.map((value) => ({ value }));
  const filter = (input: string, option?: { value: string }) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase());
  return (
    <div className={compact ? 'procedure-fields procedure-fields-compact' : 'procedure-fields'}>
      <Section title="Thông tin chung" compact={compact}>
        <div className="form-row">
          <Form.Item label="Mã thủ tục" name="code" rules={required('Vui lòng nhập mã thủ tục.')} extra={codeLocked ? 'Mã là định danh của thủ tục, không sửa được.' : 'Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.004947.'}>
            <Input maxLength={60} disabled={codeLocked} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="Lĩnh vực" name="field" rules={required('Vui lòng nhập lĩnh vực.')}>
            <AutoComplete aria-label="Lĩnh vực" options={fieldOptions} showSearch={{ filterOption: filter }} style={{ width: 280 }} />
          </Form.Item>
          <Form.Item label="Cấp thực hiện" name="level">
            <AutoComplete aria-label="Cấp thực hiện" options={levelOptions} showSearch={{ filterOption: filter }} style={{ width: 200 }} />
          </Form.Item>
        </div>
        <Form.Item label="Tên thủ tục" name="name" rules={required('Vui lòng nhập tên thủ tục.')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item label="Cơ quan thực hiện" name="implementingAgency">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <div className="form-row">
          <Form.Item label="Mức độ dịch vụ công trực tuyến" name="onlineLevel">
            <Select
              aria-label="Mức độ dịch vụ công trực tuyến"
              style={{ width: 220 }}
              options={[
                { value: 'full', label: 'Toàn trình' },
                { value: 'partial', label: 'Một phần' },
                { value: 'none', label: 'Chưa cung cấp' },
              ]}
            />
          </Form.Item>
          <Form.Item label="Thời hạn giải quyết (ngày làm việc)" name="processingDays" extra="Để trống khi thời hạn không quy được về số ngày.">
            <InputNumber min={0} max={3650} style={{ width: 160 }} />
          </Form.Item>
        </div>
        <Form.Item label="Đối tượng thực hiện" name="applicants">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item label="Kết quả thực hiện" name="result">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
      </Section>
      <Section title="Trình tự thực hiện" compact={compact}>
        <TextList name="steps" itemLabel="Bước" addText="Thêm bước" readOnly={readOnly} placeholder="Bước …: …" />
      </Section>
      <Section title="Cách thức thực hiện" compact={compact}>
        <ChannelsTable readOnly={readOnly} />
      </Section>
      <Section title="Thành phần, số lượng hồ sơ" compact={compact}>
        <DossierList readOnly={readOnly} />
      </Section>
      <Section title="Yêu cầu, điều kiện" compact={compact}>
        <Form.Item name="conditions" noStyle>
          <Input.TextArea aria-label="Yêu cầu, điều kiện" autoSize={{ minRows: 2, maxRows: 10 }} maxLength={8000} />
        </Form.Item>
      </Section>
      <Section title="Mẫu đơn, tờ khai" compact={compact}>
        <TextList name="forms" itemLabel="Mẫu" addText="Thêm mẫu đơn, tờ khai" readOnly={readOnly} placeholder="Tên mẫu" />
      </Section>
      <Section title="Căn cứ pháp lý" compact={compact}>
        <TextList name="legalBasis" itemLabel="Văn bản" addText="Thêm văn bản" readOnly={readOnly} placeholder="Quyết định số …" />
      </Section>
    </div>
  );
}

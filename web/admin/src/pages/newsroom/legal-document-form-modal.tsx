import { UploadOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, DatePicker, Form, Input, Space, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toYmd } from '../../date-input';
import type { LegalDocument, LegalDocumentInput } from '../../newsroom-types';
import { DOCUMENT_TYPES, fileProblem, formatSize, MAX_FILE_BYTES, uploadStoredFile } from './uploads';

interface Values {
  numberSymbol: string;
  docType: string;
  issuer: string;
  signedOn: Dayjs;
  effectiveOn?: Dayjs | null;
  subject: string;
  published: boolean;
  newFile?: UploadFile[];
}

interface Props {
  open: boolean;
  document?: LegalDocument;
  documentTypes: readonly string[];
  onClose: () => void;
  onSaved: () => void;
}

/** Adds or edits a legal document (văn bản); its file (PDF or DOCX) is uploaded on save. */
export function LegalDocumentFormModal({ open, document, documentTypes, onClose, onSaved }: Props) {
  // The stored file stays unless the user removes it or picks another.
  const [keepFile, setKeepFile] = useState(true);
  const current = document?.file && keepFile ? document.file : null;

  async function submit(values: Values) {
    const picked = values.newFile?.[0]?.originFileObj;
    const fileId = picked ? (await uploadStoredFile(picked)).fileId : (current?.fileId ?? null);
    const body: LegalDocumentInput = {
      numberSymbol: values.numberSymbol.trim(),
      docType: values.docType.trim(),
      issuer: values.issuer.trim(),
      signedOn: toYmd(values.signedOn),
      effectiveOn: values.effectiveOn ? toYmd(values.effectiveOn) : null,
      subject: values.subject.trim(),
      fileId,
      published: values.published,
    };
    return document ? api.put<LegalDocument>(`/api/legal-documents/${document.id}`, body) : api.post<LegalDocument>('/api/legal-documents', body);
  }

  return (
    <FormModal<Values, LegalDocument>
      title={document ? 'Sửa văn bản' : 'Thêm văn bản'}
      name="legal-document"
      open={open}
      onClose={() => {
        setKeepFile(true);
        onClose();
      }}
      onSubmit={submit}
      onSaved={onSaved}
      width={720}
      initialValues={
        document
          ? {
              numberSymbol: document.numberSymbol,
              docType: document.docType,
              issuer: document.issuer,
              signedOn: dayjs(document.signedOn),
              effectiveOn: document.effectiveOn ? dayjs(document.effectiveOn) : null,
              subject: document.subject,
              published: document.published,
            }
          : { published: true }
      }
    >
      <div className="form-row">
        <Form.Item label="Số, ký hiệu" name="numberSymbol" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số, ký hiệu văn bản.' }]}>
          <Input maxLength={100} placeholder="Ví dụ: 123/QĐ-UBND" />
        </Form.Item>
        <Form.Item label="Loại văn bản" name="docType" rules={[{ required: true, whitespace: true, message: 'Vui lòng chọn loại văn bản.' }]}>
          <AutoComplete
            aria-label="Loại văn bản"
            options={documentTypes.map((t) => ({ value: t }))}
            showSearch={{ filterOption: (input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase()) }}
            style={{ width: 220 }}
          />
        </Form.Item>
      </div>
      <Form.Item label="Cơ quan ban hành" name="issuer" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập cơ quan ban hành.' }]}>
        <Input maxLength={300} />
      </Form.Item>
      <div className="form-row">
        <Form.Item label="Ngày ký" name="signedOn" rules={[{ required: true, message: 'Vui lòng chọn ngày ký.' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item
          label="Ngày hiệu lực"
          name="effectiveOn"
          dependencies={['signedOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const signed = getFieldValue('signedOn') as Dayjs | undefined;
                return value && signed && value.isBefore(signed, 'day') ? Promise.reject(new Error('Ngày hiệu lực không được trước ngày ký.')) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
        </Form.Item>
      </div>
      <Form.Item label="Trích yếu" name="subject" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập trích yếu.' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      {current && (
        <Form.Item label="Tệp hiện tại">
          <Space wrap>
            <Typography.Text>
              {current.name} ({formatSize(current.size)})
            </Typography.Text>
            <Button size="small" onClick={() => setKeepFile(false)}>
              Bỏ tệp
            </Button>
          </Space>
        </Form.Item>
      )}
      <Form.Item
        label={current ? 'Thay bằng tệp khác' : 'Tệp văn bản'}
        name="newFile"
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
        extra="PDF hoặc DOCX, tối đa 20 MB."
        rules={[
          {
            validator: (_, files: UploadFile[] | undefined) => {
              const file = files?.[0]?.originFileObj;
              const problem = file && fileProblem(file, DOCUMENT_TYPES, MAX_FILE_BYTES);
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <Upload accept={DOCUMENT_TYPES} maxCount={1} beforeUpload={() => false}>
          <Button icon={<UploadOutlined />}>Chọn tệp</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="published" valuePropName="checked">
        <Checkbox>Công khai trên cổng thông tin</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Upload, type UploadFile } from 'antd';

export const EVIDENCE_FILE_TYPES = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.txt';

/** The server takes up to 10 files in one request of 30 MB (base64 grows a file by a third). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const sizeOf = (files: UploadFile[] | undefined) => (files ?? []).reduce((sum, f) => sum + (f.size ?? 0), 0);

/** Tệp đính kèm: picked files stay in the browser and are sent, as base64, with the evidence. */
export function FilesField() {
  return (
    <Form.Item
      label="Tệp đính kèm"
      name="files"
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      extra="PDF, ảnh, Word, Excel, PowerPoint hoặc văn bản; tối đa 10 tệp, tổng cộng 20 MB."
      rules={[
        {
          validator: (_, files: UploadFile[] | undefined) =>
            (files?.length ?? 0) > 10 ? Promise.reject(new Error('Tối đa 10 tệp.')) : sizeOf(files) > MAX_EVIDENCE_BYTES ? Promise.reject(new Error('Các tệp vượt quá 20 MB.')) : Promise.resolve(),
        },
      ]}
    >
      <Upload accept={EVIDENCE_FILE_TYPES} multiple beforeUpload={() => false}>
        <Button icon={<UploadOutlined />}>Chọn tệp</Button>
      </Upload>
    </Form.Item>
  );
}

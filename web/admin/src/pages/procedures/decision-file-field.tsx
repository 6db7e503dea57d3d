import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../hooks/use-notify';
import type { StoredFile } from '../../newsroom-types';
import { DOCUMENT_TYPES, fileProblem, formatSize, MAX_FILE_BYTES, uploadStoredFile } from '../newsroom/uploads';

export type DecisionFile = Pick<StoredFile, 'fileId' | 'name' | 'size'>;

interface Props {
  value?: DecisionFile | null;
  onChange?: (value: DecisionFile | null) => void;
  readOnly?: boolean;
}

/** The signed decision (PDF or DOCX): stored on the server as soon as it is picked, kept with the decision on save. */
export function DecisionFileField({ value, onChange, readOnly }: Props) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    const problem = fileProblem(file, DOCUMENT_TYPES, MAX_FILE_BYTES);
    if (problem) {
      notify.failed(new Error(problem));
      return;
    }
    setBusy(true);
    try {
      const stored = await uploadStoredFile(file);
      onChange?.({ fileId: stored.fileId, name: stored.name, size: stored.size });
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space wrap>
      {value ? (
        <Typography.Text>
          {value.name} ({formatSize(value.size)})
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">Chưa có tệp quyết định.</Typography.Text>
      )}
      {!readOnly && value && (
        <Button size="small" onClick={() => onChange?.(null)}>
          Bỏ tệp
        </Button>
      )}
      {!readOnly && (
        <Upload
          accept={DOCUMENT_TYPES}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {value ? 'Thay tệp' : 'Tải tệp PDF, DOCX'}
          </Button>
        </Upload>
      )}
    </Space>
  );
}

import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Spin, Tabs, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { api } from '../../../api';
import { errorText } from '../../../hooks/use-notify';
import type { ImportFile, ImportPreview } from '../../../plan-types';
import { IMPORT_EXTENSIONS, importFileProblem, readImportFile } from './read-file';

type Source = 'file' | 'text';

interface Props {
  /** Called with what the server read, and the file to keep with the plan (none for pasted text). */
  onRead: (preview: ImportPreview, file: ImportFile | undefined) => void;
}

/** Step 1: a file or pasted text, read by the server without saving anything. */
export function SourceStep({ onRead }: Props) {
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<ImportFile>();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [reading, setReading] = useState(false);

  async function pick(picked: File) {
    setProblem(undefined);
    const wrong = importFileProblem(picked);
    if (wrong) {
      setProblem(wrong);
      setFile(undefined);
      return;
    }
    try {
      setFile(await readImportFile(picked));
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  async function read() {
    const body = source === 'file' ? { file } : { text };
    setProblem(undefined);
    setReading(true);
    try {
      const preview = await api.post<ImportPreview>('/api/plans/import/preview', body);
      onRead(preview, source === 'file' ? file : undefined);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setReading(false);
    }
  }

  const fileList: UploadFile[] = file ? [{ uid: 'picked', name: file.name, status: 'done' }] : [];
  const ready = source === 'file' ? Boolean(file) : Boolean(text.trim());

  return (
    <Spin spinning={reading} description="Đang đọc tệp…">
      <Space orientation="vertical" size="middle" className="full-width">
        <Tabs
          activeKey={source}
          onChange={(key) => setSource(key as Source)}
          items={[
            {
              key: 'file',
              label: 'Tải tệp lên',
              children: (
                <Upload.Dragger
                  accept={IMPORT_EXTENSIONS.join(',')}
                  multiple={false}
                  fileList={fileList}
                  beforeUpload={(picked) => {
                    void pick(picked);
                    // The file is read here and sent with the preview request, never uploaded on its own.
                    return false;
                  }}
                  onRemove={() => setFile(undefined)}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">Kéo thả tệp kế hoạch vào đây hoặc bấm để chọn tệp</p>
                  <p className="ant-upload-hint">Nhận tệp PDF (có lớp chữ), DOCX, XLSX hoặc TXT, tối đa 20 MB. Tệp gốc được lưu kèm kế hoạch.</p>
                </Upload.Dragger>
              ),
            },
            {
              key: 'text',
              label: 'Dán nội dung văn bản',
              children: (
                <Input.TextArea
                  aria-label="Nội dung văn bản kế hoạch"
                  placeholder="Dán toàn bộ nội dung kế hoạch, kể cả phụ lục nhiệm vụ"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 8, maxRows: 20 }}
                  maxLength={2_000_000}
                />
              ),
            },
          ]}
        />
        {problem && <Alert type="error" showIcon title="Không đọc được kế hoạch" description={problem} />}
        <Button type="primary" onClick={read} disabled={!ready} loading={reading}>
          Đọc thử
        </Button>
      </Space>
    </Spin>
  );
}

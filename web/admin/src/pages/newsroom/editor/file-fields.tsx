import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNotify } from '../../../hooks/use-notify';
import type { Attachment, StoredFile } from '../../../newsroom-types';
import { AUDIO_TYPES, DOCUMENT_TYPES, fileProblem, formatSize, MAX_FILE_BYTES, uploadStoredFile } from '../uploads';

/** Uploads picked files one by one (each is stored on the server at once) and reports them. */
function useUploader(accept: string) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function upload(file: File): Promise<StoredFile | undefined> {
    const problem = fileProblem(file, accept, MAX_FILE_BYTES);
    if (problem) {
      notify.failed(new Error(problem));
      return undefined;
    }
    setBusy(true);
    try {
      return await uploadStoredFile(file);
    } catch (error) {
      notify.failed(error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, upload };
}

const attachmentOf = (f: StoredFile): Attachment => ({ fileId: f.fileId, name: f.name, mime: f.mime, size: f.size, label: null });

function FileLink({ articleId, file }: { articleId?: string; file: Attachment }) {
  const text = `${file.name} (${formatSize(file.size)})`;
  // A file uploaded in this session belongs to the article only once it is saved.
  return articleId ? (
    <a href={`/api/articles/${articleId}/files/${file.fileId}`} download={file.name}>
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}

interface AttachmentsProps {
  value?: Attachment[];
  onChange?: (value: Attachment[]) => void;
  articleId?: string;
  readOnly?: boolean;
}

/** Tệp đính kèm: PDF or DOCX, each with the label readers see ("Toàn văn quyết định"). */
export function AttachmentsField({ value = [], onChange, articleId, readOnly }: AttachmentsProps) {
  const { busy, upload } = useUploader(DOCUMENT_TYPES);
  // Several files may finish in any order: each is appended to the list as it is by then.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const set = (next: Attachment[]) => {
    latest.current = next;
    onChange?.(next);
  };
  return (
    <div className="files-field">
      {value.length === 0 && <Typography.Text type="secondary">Chưa có tệp đính kèm.</Typography.Text>}
      <ul className="attachment-list">
        {value.map((a, i) => (
          <li key={a.fileId} className="attachment-row">
            <FileLink articleId={articleId} file={a} />
            <Space.Compact className="full-width">
              <Input
                aria-label={`Nhãn hiển thị của tệp ${a.name}`}
                placeholder="Nhãn hiển thị (ví dụ: Toàn văn quyết định)"
                value={a.label ?? ''}
                maxLength={300}
                disabled={readOnly}
                onChange={(e) => set(value.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
              />
              {!readOnly && <Button icon={<DeleteOutlined />} aria-label={`Bỏ tệp ${a.name}`} onClick={() => set(value.filter((_, j) => j !== i))} />}
            </Space.Compact>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <Upload
          accept={DOCUMENT_TYPES}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file).then((stored) => stored && set([...latest.current, attachmentOf(stored)]));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            Thêm tệp PDF, DOCX
          </Button>
        </Upload>
      )}
    </div>
  );
}

interface AudioProps {
  value?: Attachment | null;
  onChange?: (value: Attachment | null) => void;
  articleId?: string;
  readOnly?: boolean;
}

/** Bản âm thanh: one recording of the article for commune loudspeakers (MP3, M4A, OGG, WAV). */
export function AudioField({ value, onChange, articleId, readOnly }: AudioProps) {
  const { busy, upload } = useUploader(AUDIO_TYPES);
  return (
    <div className="files-field">
      {value ? (
        <Space wrap>
          <FileLink articleId={articleId} file={value} />
          {!readOnly && (
            <Button size="small" danger onClick={() => onChange?.(null)}>
              Bỏ bản âm thanh
            </Button>
          )}
        </Space>
      ) : (
        <Typography.Text type="secondary">Chưa có bản âm thanh.</Typography.Text>
      )}
      {!readOnly && (
        <Upload
          accept={AUDIO_TYPES}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file).then((stored) => stored && onChange?.({ ...attachmentOf(stored), label: null }));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {value ? 'Thay bản âm thanh' : 'Tải bản âm thanh'}
          </Button>
        </Upload>
      )}
    </div>
  );
}

import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Upload } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../hooks/use-notify';
import type { MediaItem } from '../../newsroom-types';
import { fileProblem, IMAGE_TYPES, MAX_IMAGE_BYTES, readBase64, uploadMedia } from './uploads';

interface Pending {
  key: string;
  file: File;
  /** A data: URL (the admin's CSP allows images from 'self' and data: only). */
  preview: string;
  alt: string;
}

let counter = 0;

/**
 * Drag-and-drop (or pick) images, describe each one (the alternative text is required: readers
 * using a screen reader hear it), then upload. Nothing is sent before every image has its text.
 */
export function MediaUpload({ onUploaded, multiple = true }: { onUploaded: (items: MediaItem[]) => void; multiple?: boolean }) {
  const notify = useNotify();
  const [pending, setPending] = useState<Pending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [tried, setTried] = useState(false);

  async function add(file: File) {
    const problem = fileProblem(file, IMAGE_TYPES, MAX_IMAGE_BYTES);
    if (problem) {
      setProblems((p) => [...p, problem]);
      return;
    }
    let preview: string;
    try {
      preview = `data:${file.type || 'image/png'};base64,${await readBase64(file)}`;
    } catch (error) {
      notify.failed(error);
      return;
    }
    const entry = { key: `p${++counter}`, file, preview, alt: '' };
    setPending((p) => (multiple ? [...p, entry] : [entry]));
  }

  function remove(key: string) {
    setPending((p) => p.filter((x) => x.key !== key));
  }

  async function send() {
    setTried(true);
    if (pending.some((p) => !p.alt.trim())) return;
    setSending(true);
    const done: MediaItem[] = [];
    for (const p of pending) {
      try {
        done.push(await uploadMedia(p.file, p.alt));
        remove(p.key);
      } catch (error) {
        notify.failed(error);
        break;
      }
    }
    setSending(false);
    setTried(false);
    if (done.length) {
      notify.saved(done.length === 1 ? 'Đã tải ảnh lên' : `Đã tải ${done.length} ảnh lên`);
      onUploaded(done);
    }
  }

  return (
    <div className="media-upload">
      <Upload.Dragger
        accept={IMAGE_TYPES}
        multiple={multiple}
        showUploadList={false}
        beforeUpload={(file) => {
          void add(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">Kéo thả ảnh vào đây hoặc bấm để chọn ảnh</p>
        <p className="ant-upload-hint">PNG, JPEG, WebP hoặc GIF, tối đa 10 MB mỗi ảnh. Ảnh được tự động thu nhỏ thành nhiều cỡ.</p>
      </Upload.Dragger>
      {problems.length > 0 && (
        <Alert type="error" showIcon closable={{ onClose: () => setProblems([]) }} title={problems.join(' ')} className="media-upload-problems" />
      )}
      {pending.length > 0 && (
        <ul className="media-pending">
          {pending.map((p, i) => {
            const missing = tried && !p.alt.trim();
            return (
              <li key={p.key} className="media-pending-row">
                <img src={p.preview} alt="" className="media-pending-thumb" />
                <div className="media-pending-fields">
                  <label htmlFor={`media-alt-${p.key}`}>
                    Mô tả ảnh (alt) cho "{p.file.name}" <span aria-hidden="true">*</span>
                  </label>
                  <Input
                    id={`media-alt-${p.key}`}
                    value={p.alt}
                    maxLength={500}
                    status={missing ? 'error' : undefined}
                    aria-invalid={missing}
                    aria-required
                    autoFocus={i === 0}
                    placeholder="Ví dụ: Cán bộ một cửa hướng dẫn người dân nộp hồ sơ trực tuyến"
                    onChange={(e) => setPending((all) => all.map((x) => (x.key === p.key ? { ...x, alt: e.target.value } : x)))}
                  />
                  {missing && <div className="media-pending-error">Vui lòng nhập mô tả ảnh trước khi tải lên.</div>}
                </div>
                <Button type="text" onClick={() => remove(p.key)} aria-label={`Bỏ ảnh ${p.file.name}`}>
                  Bỏ
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {pending.length > 0 && (
        <Space>
          <Button type="primary" onClick={send} loading={sending}>
            Tải lên
          </Button>
        </Space>
      )}
    </div>
  );
}

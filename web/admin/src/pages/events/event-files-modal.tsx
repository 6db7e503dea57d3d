import { UploadOutlined } from '@ant-design/icons';
import { Button, List, Modal, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useNotify } from '../../hooks/use-notify';
import { fileProblem, IMAGE_TYPES, MAX_FILE_BYTES, readBase64 } from '../newsroom/uploads';
import type { OutreachEvent } from './event-types';
import type { EventsVocabularyLookup } from './use-events-vocabulary';

interface Props {
  event: OutreachEvent | undefined;
  open: boolean;
  canChange: boolean;
  vocabulary: EventsVocabularyLookup;
  onClose: () => void;
  onChanged: (event: OutreachEvent) => void;
}

/** What each kind of material may be (the server checks the content again). */
const ACCEPT: Record<string, string> = { photo: IMAGE_TYPES, material: `.pdf,.docx,${IMAGE_TYPES}`, attendance: `.pdf,.docx,${IMAGE_TYPES}` };

/** Materials of an event: documents, photos, the attendance sheet. */
export function EventFilesModal({ event, open, canChange, vocabulary, onClose, onChanged }: Props) {
  const notify = useNotify();
  const [role, setRole] = useState('photo');
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    if (!event) return;
    const problem = fileProblem(file, ACCEPT[role]!, MAX_FILE_BYTES);
    if (problem) return notify.failed(new Error(problem));
    setBusy(true);
    try {
      onChanged(await api.post<OutreachEvent>(`/api/events/${event.id}/files`, { name: file.name, base64: await readBase64(file), role }));
      notify.saved('Đã đính kèm tệp');
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(false);
    }
  }

  async function remove(fileId: string) {
    if (!event) return;
    try {
      await api.delete(`/api/events/${event.id}/files/${fileId}`);
      onChanged(await api.get<OutreachEvent>(`/api/events/${event.id}`));
      notify.saved('Đã gỡ tệp');
    } catch (error) {
      notify.failed(error);
    }
  }

  return (
    <Modal title={event ? `Tài liệu: ${event.title}` : 'Tài liệu'} open={open} onCancel={onClose} footer={<Button onClick={onClose}>Đóng</Button>} width={720} destroyOnHidden>
      <List
        locale={{ emptyText: 'Chưa có tệp nào.' }}
        dataSource={event?.files ?? []}
        renderItem={(f) => (
          <List.Item
            actions={canChange ? [<Button key="remove" type="link" danger onClick={() => void remove(f.id)}>Gỡ</Button>] : undefined}
          >
            <Space>
              <Typography.Text type="secondary">{vocabulary.roleLabel(f.role)}:</Typography.Text>
              <a href={`/api/events/${event!.id}/files/${f.id}`} download>
                {f.name}
              </a>
            </Space>
          </List.Item>
        )}
      />
      {canChange && (
        <Space wrap>
          <Select aria-label="Loại tệp" value={role} onChange={setRole} options={vocabulary.materialRoles.map((r) => ({ value: r.code, label: r.label }))} style={{ width: 200 }} />
          <Upload accept={ACCEPT[role]} showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
            <Button icon={<UploadOutlined />} loading={busy}>
              Chọn tệp
            </Button>
          </Upload>
        </Space>
      )}
    </Modal>
  );
}

import { Form, Input } from 'antd';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import type { MediaItem } from '../../newsroom-types';
import { thumbnailOf } from './media-grid';

/** Edits an image's alternative text. */
export function MediaAltModal({ item, open, onClose, onSaved }: { item?: MediaItem; open: boolean; onClose: () => void; onSaved: (item: MediaItem) => void }) {
  return (
    <FormModal<{ alt: string }, MediaItem>
      title="Sửa mô tả ảnh"
      name="media-alt"
      open={open}
      onClose={onClose}
      initialValues={{ alt: item?.alt ?? '' }}
      onSubmit={({ alt }) => api.put<MediaItem>(`/api/media/${item!.id}`, { alt: alt.trim() })}
      onSaved={onSaved}
    >
      {item && <img src={thumbnailOf(item)} alt="" className="media-edit-preview" />}
      <Form.Item
        label="Mô tả ảnh (alt)"
        name="alt"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mô tả ảnh.' }]}
        extra="Mô tả ngắn nội dung ảnh cho người dùng trình đọc màn hình; không bắt đầu bằng “Ảnh…”."
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

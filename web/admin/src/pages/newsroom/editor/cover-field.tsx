import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { MediaItem } from '../../../newsroom-types';
import { thumbnailOf } from '../media-grid';
import { MediaPickerModal } from '../media-picker-modal';

interface Props {
  value?: MediaItem | null;
  onChange?: (item: MediaItem | null) => void;
  /** Called with the picked image, so its library description can fill the article's alt text. */
  onPicked?: (item: MediaItem) => void;
  readOnly?: boolean;
}

/** Ảnh đại diện: chosen from the media library, or uploaded there first (with its description). */
export function CoverField({ value, onChange, onPicked, readOnly }: Props) {
  const [picking, setPicking] = useState(false);
  return (
    <div className="cover-field">
      {value ? (
        <img src={thumbnailOf(value, 480)} alt={value.alt} className="cover-preview" />
      ) : (
        <Typography.Text type="secondary">Chưa chọn ảnh đại diện.</Typography.Text>
      )}
      {!readOnly && (
        <Space wrap>
          <Button onClick={() => setPicking(true)}>{value ? 'Đổi ảnh' : 'Chọn ảnh đại diện'}</Button>
          {value && (
            <Button danger onClick={() => onChange?.(null)}>
              Bỏ ảnh
            </Button>
          )}
        </Space>
      )}
      <MediaPickerModal
        title="Chọn ảnh đại diện"
        open={picking}
        selectedId={value?.id}
        onClose={() => setPicking(false)}
        onPick={(item) => {
          onChange?.(item);
          onPicked?.(item);
        }}
      />
    </div>
  );
}

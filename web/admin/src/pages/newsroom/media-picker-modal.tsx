import { Button, Modal, Pagination, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth/me-context';
import { useApiGet } from '../../hooks/use-api-get';
import type { MediaItem, Paged } from '../../newsroom-types';
import { MediaGrid } from './media-grid';
import { MediaUpload } from './media-upload';

const PICKER_PAGE_SIZE = 12;

function Library({ onPick, selectedId }: { onPick: (item: MediaItem) => void; selectedId?: string | null }) {
  const [page, setPage] = useState(1);
  const list = useApiGet<Paged<MediaItem>>('/api/media', { page, pageSize: PICKER_PAGE_SIZE });
  if (list.failed) return <Typography.Text type="danger">Không tải được thư viện ảnh.</Typography.Text>;
  if (!list.data) return <Spin />;
  return (
    <>
      <MediaGrid
        items={list.data.items}
        selectedId={selectedId}
        emptyText="Thư viện chưa có ảnh nào: hãy tải ảnh mới."
        actions={(item) => (
          <Button size="small" type="primary" onClick={() => onPick(item)} aria-label={`Chọn ảnh ${item.alt || item.name}`}>
            Chọn
          </Button>
        )}
      />
      <Pagination
        className="media-pagination"
        current={page}
        pageSize={PICKER_PAGE_SIZE}
        total={list.data.total}
        onChange={setPage}
        hideOnSinglePage
        showSizeChanger={false}
      />
    </>
  );
}

interface Props {
  open: boolean;
  title: string;
  selectedId?: string | null;
  onClose: () => void;
  onPick: (item: MediaItem) => void;
}

/** Chooses an image from the library, or uploads a new one (with its description) and chooses it. */
export function MediaPickerModal({ open, title, selectedId, onClose, onPick }: Props) {
  const canUpload = useCan('media.write');
  function pick(item: MediaItem) {
    onPick(item);
    onClose();
  }
  return (
    <Modal title={title} open={open} onCancel={onClose} footer={null} width={900} destroyOnHidden>
      <Tabs
        items={[
          { key: 'library', label: 'Thư viện ảnh', children: <Library onPick={pick} selectedId={selectedId} /> },
          ...(canUpload
            ? [{ key: 'upload', label: 'Tải ảnh mới', children: <MediaUpload multiple={false} onUploaded={(items) => items[0] && pick(items[0])} /> }]
            : []),
        ]}
      />
    </Modal>
  );
}

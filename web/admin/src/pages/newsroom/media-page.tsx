import { Button, Card, Pagination, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth/me-context';
import { Page } from '../../components/page';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import type { MediaItem, Paged } from '../../newsroom-types';
import { MediaAltModal } from './media-alt-modal';
import { MediaGrid } from './media-grid';
import { MediaUpload } from './media-upload';
import './newsroom.css';

const MEDIA_PAGE_SIZE = 24;

/** "Thư viện ảnh": every image of the agency with its alternative text; upload and describe. */
export function MediaPage() {
  const canWrite = useCan('media.write');
  const [page, setPage] = useState(1);
  const list = useApiGet<Paged<MediaItem>>('/api/media', { page, pageSize: MEDIA_PAGE_SIZE });
  const editing = useModalTarget<MediaItem>();

  function uploaded() {
    // Newest first: the new images are on the first page.
    if (page === 1) list.reload();
    else setPage(1);
  }

  return (
    <Page title="Thư viện ảnh">
      {canWrite && (
        <Card title="Tải ảnh lên">
          <MediaUpload onUploaded={uploaded} />
        </Card>
      )}
      <Card title={`Ảnh trong thư viện${list.data ? ` (${list.data.total})` : ''}`}>
        {list.failed ? (
          <Typography.Text type="danger">Không tải được thư viện ảnh. Vui lòng tải lại trang.</Typography.Text>
        ) : !list.data ? (
          <Spin />
        ) : (
          <>
            <MediaGrid
              items={list.data.items}
              actions={
                canWrite
                  ? (item) => (
                      <Button size="small" onClick={() => editing.openFor(item)} aria-label={`Sửa mô tả ảnh ${item.name}`}>
                        Sửa mô tả
                      </Button>
                    )
                  : undefined
              }
            />
            <Pagination
              className="media-pagination"
              current={page}
              pageSize={MEDIA_PAGE_SIZE}
              total={list.data.total}
              onChange={setPage}
              hideOnSinglePage
              showSizeChanger={false}
            />
          </>
        )}
      </Card>
      <MediaAltModal item={editing.target} open={editing.open} onClose={editing.close} onSaved={list.reload} />
    </Page>
  );
}

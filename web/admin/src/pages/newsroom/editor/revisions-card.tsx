import { Button, Modal, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { emptyTextFor } from '../../../components/load-failed';
import { formatDateTime } from '../../../format';
import { useApiGet } from '../../../hooks/use-api-get';
import type { ArticleRevision, RevisionDiff } from '../../../newsroom-types';
import { RevisionDiffView } from './revision-diff-view';

function DiffModal({ articleId, version, onClose }: { articleId: string; version: number | undefined; onClose: () => void }) {
  const { data, failed } = useApiGet<RevisionDiff>(version ? `/api/articles/${articleId}/revisions/${version}/diff` : null);
  const ready = data && version && data.to === version;
  return (
    <Modal title={version ? `Thay đổi của phiên bản ${version} so với phiên bản ${version - 1}` : ''} open={version !== undefined} onCancel={onClose} footer={null} width={900} destroyOnHidden>
      {failed ? <Typography.Text type="danger">Không tải được phần so sánh.</Typography.Text> : ready ? <RevisionDiffView diff={data} /> : <Spin />}
    </Modal>
  );
}

/** Các phiên bản: every saved version; each (after the first) opens what it changed. */
export function RevisionsPanel({ articleId, version }: { articleId: string; version: number }) {
  const { data, loading, failed, reload } = useApiGet<ArticleRevision[]>(`/api/articles/${articleId}/revisions`);
  const [shown, setShown] = useState<number>();

  // A save makes a new version: list again.
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);

  const rows = [...(data ?? [])].sort((a, b) => b.version - a.version);
  const columns: TableColumnsType<ArticleRevision> = [
    { title: 'Phiên bản', dataIndex: 'version', width: 90 },
    { title: 'Thời gian', dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
    { title: 'Người lưu', dataIndex: 'authorName', width: 170 },
    { title: 'Tiêu đề lúc đó', dataIndex: 'title' },
    {
      title: 'Thao tác',
      key: 'diff',
      width: 130,
      render: (_, r) =>
        r.version > 1 ? (
          <Button size="small" onClick={() => setShown(r.version)} aria-label={`Xem thay đổi của phiên bản ${r.version}`}>
            Xem thay đổi
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Table<ArticleRevision>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        locale={emptyTextFor(failed) ?? { emptyText: 'Chưa có phiên bản nào' }}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
      />
      <DiffModal articleId={articleId} version={shown} onClose={() => setShown(undefined)} />
    </>
  );
}

import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { useAction } from '../../hooks/use-action';
import { useApiGet } from '../../hooks/use-api-get';
import { IndexImportModal } from './index-import-modal';
import type { IndexDefinition, IndexPublication, IndexValue } from './index-types';
import { PublicationModal } from './publication-modal';
import { ValueFormModal } from './value-form-modal';

/** "Chỉ số": yearly values and ranks of PAR Index, PCI, PAPI, SIPAS and the agency's own index; entry, import, publications. */
export function IndicesPage() {
  const canWrite = useCan('indices.write');
  const canPublish = useCan('indices.publish');
  const run = useAction();
  const catalog = useApiGet<IndexDefinition[]>('/api/indices/catalog');
  const values = useApiGet<IndexValue[]>('/api/indices');
  const publications = useApiGet<IndexPublication[]>('/api/indices/publications');
  const [editing, setEditing] = useState<IndexValue | 'new'>();
  const [importing, setImporting] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<IndexPublication>();

  async function remove(v: IndexValue) {
    if ((await run(() => api.delete(`/api/indices/${v.id}`), 'Đã xóa giá trị')) !== undefined) values.reload();
  }

  const columns: TableColumnsType<IndexValue> = [
    { title: 'Chỉ số', dataIndex: 'indexName', width: 150, filters: (catalog.data ?? []).map((d) => ({ text: d.name, value: d.code })), onFilter: (code, v) => v.indexCode === code },
    { title: 'Thành phần', dataIndex: 'componentName', width: 220 },
    { title: 'Năm', dataIndex: 'year', width: 80, sorter: (a, b) => a.year - b.year },
    { title: 'Giá trị', dataIndex: 'valueText', width: 90, align: 'right' },
    { title: 'Xếp hạng', key: 'rank', width: 100, align: 'right', render: (_, v) => (v.rank === null ? '—' : `${v.rank}/${v.rankOf ?? 63}`) },
    {
      title: 'Nguồn',
      key: 'source',
      render: (_, v) => (
        <>
          {v.source} {v.sourceUrl && <a href={v.sourceUrl} target="_blank" rel="noreferrer">{v.sourceUrl}</a>} {v.origin === 'seed' && <Tag>Số liệu công bố nạp sẵn</Tag>}
        </>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 150,
      render: (_, v) => (
        <Space>
          <Button size="small" aria-label={`Sửa ${v.indexName} năm ${v.year} (${v.componentName})`} onClick={() => setEditing(v)}>
            Sửa
          </Button>
          <Popconfirm title={`Xóa ${v.indexName} năm ${v.year} (${v.componentName})?`} okText="Xóa" okButtonProps={{ danger: true }} cancelText="Hủy" onConfirm={() => void remove(v)}>
            <Button size="small" danger aria-label={`Xóa ${v.indexName} năm ${v.year} (${v.componentName})`}>
              Xóa
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Page
      title="Chỉ số"
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!catalog.data}>
              Thêm giá trị
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              Nhập từ Excel
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href="/api/indices/template.xlsx" download>
            Tệp mẫu
          </Button>
          {canPublish && <Button onClick={() => setPublishing(true)}>Ghi nhận tin bài về chỉ số</Button>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        Giá trị và thứ hạng hằng năm của PAR Index, PCI, PAPI, SIPAS của tỉnh và Chỉ số CCHC của cơ quan, mỗi số liệu kèm nguồn công bố. Công khai tại <a href="/chi-so">/chi-so</a>.
      </Typography.Paragraph>
      {published?.message && <Alert type={published.evidenceId ? 'success' : 'warning'} showIcon closable title={published.message} onClose={() => setPublished(undefined)} />}
      <Card>
        <Table<IndexValue> size="small" rowKey="id" loading={values.loading} dataSource={values.data ?? []} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 1000 }} locale={emptyTextFor(values.failed)} />
      </Card>
      <Card title="Tin bài, infographic về chỉ số đã ghi nhận">
        <Table<IndexPublication>
          size="small"
          rowKey="id"
          loading={publications.loading}
          dataSource={publications.data ?? []}
          pagination={false}
          locale={emptyTextFor(publications.failed)}
          columns={[
            { title: 'Ngày đăng', dataIndex: 'publishedOn', width: 110, render: formatDate },
            { title: 'Tiêu đề', dataIndex: 'title', render: (t: string, p) => <a href={p.link}>{t}</a> },
            { title: 'Năm chỉ số', dataIndex: 'year', width: 100 },
            { title: 'Minh chứng', key: 'evidence', width: 160, render: (_, p) => (p.evidenceId ? <Tag color="green">Đã ghi minh chứng</Tag> : <Tag>Chưa có kế hoạch</Tag>) },
          ]}
        />
      </Card>
      {editing && catalog.data && <ValueFormModal catalog={catalog.data} editing={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} onSaved={values.reload} />}
      {importing && <IndexImportModal onClose={() => setImporting(false)} onImported={values.reload} />}
      {publishing && (
        <PublicationModal
          onClose={() => setPublishing(false)}
          onSaved={(p) => {
            setPublished(p);
            publications.reload();
          }}
        />
      )}
    </Page>
  );
}

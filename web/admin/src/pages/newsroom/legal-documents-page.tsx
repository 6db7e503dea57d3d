import { Button, Card, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { useAction } from '../../hooks/use-action';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useNewsroomVocabulary } from '../../hooks/use-newsroom-vocabulary';
import { TAG_COLORS } from '../../layout/theme';
import type { LegalDocument, Paged } from '../../newsroom-types';
import { LegalDocumentFormModal } from './legal-document-form-modal';
import { formatSize } from './uploads';
import { useListParams } from './use-list-params';
import './newsroom.css';

const PAGE_SIZE = 20;
const FILTER_KEYS = ['q', 'docType', 'year'] as const;
const THIS_YEAR = new Date().getFullYear();
/** Signing years offered in the filter, newest first. */
const YEARS = Array.from({ length: THIS_YEAR + 1 - 2000 }, (_, i) => THIS_YEAR - i);

type Filter = { q?: string; docType?: string; year?: string };

/** "Văn bản": legal documents listed on the portal; search, filter, add, edit, delete. */
export function LegalDocumentsPage() {
  const canWrite = useCan('documents.write');
  const labels = useNewsroomVocabulary();
  const { filter, page, setFilter, setPage } = useListParams<Filter>(FILTER_KEYS);
  const list = useApiGet<Paged<LegalDocument>>('/api/legal-documents', { ...filter, page, pageSize: PAGE_SIZE });
  const editor = useModalTarget<LegalDocument>();
  const run = useAction();
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);

  async function remove(doc: LegalDocument) {
    if ((await run(() => api.delete(`/api/legal-documents/${doc.id}`), 'Đã xóa văn bản')) !== undefined) list.reload();
  }

  const columns: TableColumnsType<LegalDocument> = [
    { title: 'Số, ký hiệu', dataIndex: 'numberSymbol', width: 150 },
    { title: 'Loại', dataIndex: 'docType', width: 120 },
    {
      title: 'Trích yếu',
      dataIndex: 'subject',
      width: 380,
      render: (subject: string, d) => (
        <>
          {subject} {d.isDemo && <DemoTag />}
        </>
      ),
    },
    { title: 'Cơ quan ban hành', dataIndex: 'issuer', width: 200 },
    { title: 'Ngày ký', dataIndex: 'signedOn', width: 110, render: (d: string) => formatDate(d) },
    { title: 'Hiệu lực', dataIndex: 'effectiveOn', width: 110, render: (d: string | null) => (d ? formatDate(d) : '—') },
    { title: 'Tệp', dataIndex: 'file', width: 160, render: (f: LegalDocument['file']) => (f ? `${f.name} (${formatSize(f.size)})` : '—') },
    {
      title: 'Công khai',
      dataIndex: 'published',
      width: 110,
      render: (published: boolean) => (published ? <Tag color={TAG_COLORS.green}>Công khai</Tag> : <Tag>Chưa công khai</Tag>),
    },
  ];
  if (canWrite) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 140,
      render: (_, d) => (
        <Space size="small">
          <Button size="small" onClick={() => editor.openFor(d)} aria-label={`Sửa văn bản ${d.numberSymbol}`}>
            Sửa
          </Button>
          <Popconfirm title={`Xóa văn bản ${d.numberSymbol}?`} description="Văn bản sẽ không còn trên cổng thông tin." okText="Xóa" okButtonProps={{ danger: true }} cancelText="Hủy" onConfirm={() => remove(d)}>
            <Button size="small" danger aria-label={`Xóa văn bản ${d.numberSymbol}`}>
              Xóa
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Page
      title="Văn bản"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => editor.openFor()}>
            Thêm văn bản
          </Button>
        )
      }
    >
      <Card>
        <Space wrap className="filter-bar">
          <Input.Search
            aria-label="Tìm văn bản"
            placeholder="Tìm theo số, ký hiệu, trích yếu"
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(q) => setFilter({ q: q.trim() || undefined })}
            style={{ width: 300 }}
          />
          <Select
            aria-label="Lọc theo loại văn bản"
            placeholder="Mọi loại văn bản"
            allowClear
            value={filter.docType}
            onChange={(docType?: string) => setFilter({ docType })}
            options={labels.documentTypes.map((t) => ({ value: t, label: t }))}
            style={{ width: 180 }}
          />
          <Select
            aria-label="Lọc theo năm ký"
            placeholder="Mọi năm"
            allowClear
            value={filter.year}
            onChange={(year?: string) => setFilter({ year })}
            options={YEARS.map((y) => ({ value: String(y), label: `Năm ${y}` }))}
            style={{ width: 130 }}
          />
        </Space>
        <Table<LegalDocument>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={emptyTextFor(list.failed) ?? { emptyText: 'Chưa có văn bản nào' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 1450 }}
        />
      </Card>
      <LegalDocumentFormModal open={editor.open} document={editor.target} documentTypes={labels.documentTypes} onClose={editor.close} onSaved={list.reload} />
    </Page>
  );
}

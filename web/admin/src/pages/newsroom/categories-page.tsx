import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { useAction } from '../../hooks/use-action';
import { useCategories } from '../../hooks/use-categories';
import { useModalTarget } from '../../hooks/use-modal-target';
import { TAG_COLORS } from '../../layout/theme';
import type { Category } from '../../newsroom-types';
import { CategoryFormModal } from './category-form-modal';
import './newsroom.css';

/** "Chuyên mục": the newsroom's categories, their order and whether they are in use. */
export function CategoriesPage() {
  const canWrite = useCan('categories.write');
  const { categories, loading, failed, reload } = useCategories();
  const editor = useModalTarget<Category>();
  const run = useAction();
  const [creating, setCreating] = useState(false);

  async function createDefaults() {
    setCreating(true);
    const made = await run(() => api.post<Category[]>('/api/categories/defaults'), 'Đã tạo các chuyên mục mặc định');
    setCreating(false);
    if (made) reload();
  }

  const columns: TableColumnsType<Category> = [
    { title: 'Thứ tự', dataIndex: 'position', width: 80, align: 'right' },
    { title: 'Tên chuyên mục', dataIndex: 'name' },
    { title: 'Đường dẫn', dataIndex: 'slug', render: (slug: string) => <code>/cai-cach-hanh-chinh/{slug}</code> },
    { title: 'Mô tả', dataIndex: 'description', render: (d: string | null) => d || '—' },
    { title: 'Bài đã đăng', dataIndex: 'publishedCount', width: 110, align: 'right' },
    { title: 'Trạng thái', dataIndex: 'active', width: 150, render: (active: boolean) => (active ? <Tag color={TAG_COLORS.green}>Đang dùng</Tag> : <Tag>Ngừng sử dụng</Tag>) },
  ];
  if (canWrite) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 90,
      render: (_, c) => (
        <Button size="small" onClick={() => editor.openFor(c)} aria-label={`Sửa chuyên mục ${c.name}`}>
          Sửa
        </Button>
      ),
    });
  }


  return (
    <Page
      title="Chuyên mục"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => editor.openFor()}>
            Thêm chuyên mục
          </Button>
        )
      }
    >
      <Card>
        <Table<Category>
          rowKey="id"
          columns={columns}
          dataSource={categories}
          loading={loading}
          locale={
            emptyTextFor(failed) ?? {
              emptyText: (
                <Space orientation="vertical">
                  <span>Chưa có chuyên mục nào. Có thể tạo bộ chuyên mục mặc định theo các nội dung tuyên truyền của kế hoạch.</span>
                  {canWrite && (
                    <Button onClick={createDefaults} loading={creating}>
                      Tạo chuyên mục mặc định
                    </Button>
                  )}
                </Space>
              ),
            }
          }
          pagination={false}
          scroll={{ x: 900 }}
        />
      </Card>
      <CategoryFormModal
        open={editor.open}
        category={editor.target}
        nextPosition={categories.reduce((max, c) => Math.max(max, c.position), 0) + 10}
        onClose={editor.close}
        onSaved={reload}
      />
    </Page>
  );
}

import { Checkbox, Form, Input, InputNumber } from 'antd';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import type { Category, CategoryInput } from '../../newsroom-types';

interface Values {
  name: string;
  slug?: string;
  description?: string;
  position?: number;
  active: boolean;
}

/** Adds a category (`category` undefined) or edits one. */
export function CategoryFormModal({ open, category, nextPosition, onClose, onSaved }: { open: boolean; category?: Category; nextPosition: number; onClose: () => void; onSaved: () => void }) {
  function submit(values: Values) {
    const body: CategoryInput = {
      name: values.name.trim(),
      ...(values.slug?.trim() ? { slug: values.slug.trim() } : {}),
      description: values.description?.trim() || null,
      ...(values.position !== undefined && values.position !== null ? { position: values.position } : {}),
      active: values.active,
    };
    return category ? api.put<Category>(`/api/categories/${category.id}`, body) : api.post<Category>('/api/categories', body);
  }
  return (
    <FormModal<Values, Category>
      title={category ? 'Sửa chuyên mục' : 'Thêm chuyên mục'}
      name="category"
      open={open}
      onClose={onClose}
      onSubmit={submit}
      onSaved={onSaved}
      initialValues={
        category
          ? { name: category.name, slug: category.slug, description: category.description ?? undefined, position: category.position, active: category.active }
          : { active: true, position: nextPosition }
      }
    >
      <Form.Item label="Tên chuyên mục" name="name" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên chuyên mục.' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label="Đường dẫn"
        name="slug"
        extra="Chữ không dấu, nối bằng dấu gạch ngang (ví dụ: cai-cach-thu-tuc-hanh-chinh). Để trống thì tạo từ tên."
        rules={[{ pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, message: 'Chỉ dùng chữ thường không dấu, số và dấu gạch ngang.' }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item label="Mô tả" name="description">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
      </Form.Item>
      <Form.Item label="Thứ tự hiển thị" name="position" extra="Số nhỏ đứng trước.">
        <InputNumber min={0} max={10_000} />
      </Form.Item>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>Đang dùng (hiện trên cổng thông tin và khi viết bài)</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

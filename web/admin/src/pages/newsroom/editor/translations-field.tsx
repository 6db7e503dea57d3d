import { PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Empty, Form, Input, Popconfirm, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { NewsroomLabels } from '../../../hooks/use-newsroom-vocabulary';
import type { Translation } from '../../../newsroom-types';
import { RichTextEditor } from './rich-text-editor';

interface Props {
  labels: NewsroomLabels;
  readOnly: boolean;
}

/**
 * Bản tiếng dân tộc: a tab per language version (Tày, Nùng, Dao…), each with its own title,
 * summary and body; the portal shows each under its own address with the right `lang`.
 */
export function TranslationsField({ labels, readOnly }: Props) {
  const form = Form.useFormInstance();
  const list = (Form.useWatch<Translation[] | undefined>('translations', form) ?? []) as Translation[];
  const [active, setActive] = useState<string>();
  const used = new Set(list.map((t) => t.lang));
  const available = Object.entries(labels.languages).filter(([code]) => code !== 'vi' && !used.has(code));

  return (
    <Form.List name="translations">
      {(fields, { add, remove }) => {
        const current = active && list.some((t) => t.lang === active) ? active : list[0]?.lang;
        const addButton = !readOnly && available.length > 0 && (
          <Dropdown
            menu={{
              items: available.map(([code, name]) => ({ key: code, label: name })),
              onClick: ({ key }) => {
                add({ lang: key, title: '', summary: '', bodyHtml: '' });
                setActive(key);
              },
            }}
          >
            <Button icon={<PlusOutlined />}>Thêm bản ngôn ngữ</Button>
          </Dropdown>
        );
        if (!fields.length) {
          return (
            <div className="translations-empty">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Bài chỉ có bản tiếng Việt." />
              {addButton}
            </div>
          );
        }
        return (
          <Tabs
            activeKey={current}
            onChange={setActive}
            tabBarExtraContent={addButton || undefined}
            items={fields.map((field) => {
              const lang = list[field.name]?.lang ?? '';
              const name = labels.languageName(lang);
              return {
                key: lang || String(field.key),
                label: name,
                forceRender: true,
                children: (
                  <div lang={lang} className="translation-pane">
                    <Form.Item name={[field.name, 'lang']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      label={`Tiêu đề (${name})`}
                      name={[field.name, 'title']}
                      rules={[{ required: true, whitespace: true, message: `Vui lòng nhập tiêu đề bản ${name}.` }]}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                    <Form.Item label={`Tóm tắt (${name})`} name={[field.name, 'summary']}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
                    </Form.Item>
                    <Form.Item label={`Nội dung (${name})`} name={[field.name, 'bodyHtml']}>
                      <RichTextEditor label={`Nội dung (${name})`} readOnly={readOnly} />
                    </Form.Item>
                    {!readOnly && (
                      <Popconfirm title={`Xóa bản ${name}?`} okText="Xóa" okButtonProps={{ danger: true }} cancelText="Hủy" onConfirm={() => remove(field.name)}>
                        <Button danger>Xóa bản {name}</Button>
                      </Popconfirm>
                    )}
                    <Typography.Paragraph type="secondary" className="translation-hint">
                      Bản này có địa chỉ riêng trên cổng, kèm đánh dấu ngôn ngữ để trình đọc màn hình đọc đúng.
                    </Typography.Paragraph>
                  </div>
                ),
              };
            })}
          />
        );
      }}
    </Form.List>
  );
}

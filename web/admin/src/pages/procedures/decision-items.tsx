import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { useNotify } from '../../hooks/use-notify';
import type { ProcedureLabels } from '../../hooks/use-procedure-vocabulary';
import { TAG_COLORS } from '../../layout/theme';
import type { ChangeKind, Procedure, ProcedureData } from '../../procedure-types';
import { ItemDataModal } from './item-data-modal';
import { ProcedureCodeInput } from './procedure-code-input';
import { adminPaths } from './procedure-paths';

/** A row of a decision being edited. */
export interface DraftItem {
  key: string;
  changeKind: ChangeKind;
  code: string;
  /** For 'replaced': the code of the procedure it replaces. */
  replacesCode: string;
  /** The procedure as announced (new, amended, replaced); null for abolished or not entered yet. */
  data: ProcedureData | null;
  /** The name to show (the data's, or the catalog's for an abolished procedure). */
  name: string;
}

export const CHANGE_KIND_ORDER: readonly ChangeKind[] = ['new', 'amended', 'replaced', 'abolished'];
const KIND_COLORS: Record<ChangeKind, string> = { new: TAG_COLORS.green, amended: TAG_COLORS.blue, replaced: TAG_COLORS.purple, abolished: TAG_COLORS.red };

let nextKey = 0;
export const draftKey = () => `item-${++nextKey}`;
export const needsData = (kind: ChangeKind) => kind !== 'abolished';

/** What is missing in a row before the decision can be saved; undefined when the row is complete. */
export function itemProblem(item: DraftItem): string | undefined {
  if (!item.code.trim()) return 'thiếu mã thủ tục';
  if (item.changeKind === 'replaced' && !item.replacesCode.trim()) return 'thiếu mã thủ tục bị thay thế';
  if (needsData(item.changeKind) && !item.data) return 'thiếu nội dung thủ tục';
  return undefined;
}

export function ChangeKindTag({ kind, labels }: { kind: string; labels: ProcedureLabels }) {
  return <Tag color={KIND_COLORS[kind as ChangeKind]}>{labels.changeKindLabel(kind)}</Tag>;
}

interface Props {
  items: DraftItem[];
  onChange: (items: DraftItem[]) => void;
  labels: ProcedureLabels;
  readOnly: boolean;
}

/**
 * The procedures a decision lists: change kind, code, the replaced code for "Thay thế", and the
 * procedure's text for new / amended / replaced (copied from the catalog, typed, or pasted as JSON).
 */
export function DecisionItems({ items, onChange, labels, readOnly }: Props) {
  const notify = useNotify();
  const [editing, setEditing] = useState<string>();
  const [copying, setCopying] = useState<string>();
  const editingItem = items.find((i) => i.key === editing);

  const update = (key: string, patch: Partial<DraftItem>) => onChange(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  /** The catalog's current text of `from` becomes the row's data (under the row's own code), then opens for editing. */
  async function copyFromCatalog(item: DraftItem, from: string) {
    if (!from.trim()) {
      notify.failed(new Error('Nhập mã thủ tục trước khi chép từ danh mục.'));
      return;
    }
    setCopying(item.key);
    try {
      const p = await api.get<Procedure>(`/api/procedures/${encodeURIComponent(from.trim())}`);
      if (!p.current) throw new Error(`Thủ tục ${p.code} không còn hiệu lực trong danh mục.`);
      update(item.key, { data: { ...p.data, code: item.code.trim() }, name: p.name });
      setEditing(item.key);
    } catch (error) {
      notify.failed(error);
    } finally {
      setCopying(undefined);
    }
  }

  const columns: TableColumnsType<DraftItem> = [
    { title: '#', key: 'n', width: 48, render: (_, __, i) => i + 1 },
    {
      title: 'Loại thay đổi',
      dataIndex: 'changeKind',
      width: 190,
      render: (kind: ChangeKind, item, i) =>
        readOnly ? (
          <ChangeKindTag kind={kind} labels={labels} />
        ) : (
          <Select
            aria-label={`Loại thay đổi dòng ${i + 1}`}
            value={kind}
            onChange={(changeKind: ChangeKind) => update(item.key, { changeKind, ...(changeKind === 'abolished' ? { data: null } : {}) })}
            options={CHANGE_KIND_ORDER.map((k) => ({ value: k, label: labels.changeKindLabel(k) }))}
            style={{ width: '100%' }}
          />
        ),
    },
    {
      title: 'Mã thủ tục',
      dataIndex: 'code',
      width: 200,
      render: (code: string, item, i) =>
        readOnly ? (
          <Link to={adminPaths.procedure(code)}>{code}</Link>
        ) : item.changeKind === 'new' || item.changeKind === 'replaced' ? (
          <Input
            aria-label={`Mã thủ tục dòng ${i + 1}`}
            value={code}
            maxLength={60}
            placeholder={item.changeKind === 'new' ? 'Mã thủ tục mới' : 'Mã thủ tục thay thế'}
            onChange={(e) => update(item.key, { code: e.target.value, ...(item.data ? { data: { ...item.data, code: e.target.value.trim() } } : {}) })}
          />
        ) : (
          <ProcedureCodeInput
            aria-label={`Mã thủ tục dòng ${i + 1}`}
            value={code}
            onChange={(v) => update(item.key, { code: v, ...(item.data ? { data: { ...item.data, code: v.trim() } } : {}) })}
            onPick={(p) => update(item.key, { code: p.code, name: p.name, ...(item.data ? { data: { ...item.data, code: p.code } } : {}) })}
          />
        ),
    },
    {
      title: 'Thay thế thủ tục',
      dataIndex: 'replacesCode',
      width: 200,
      render: (replacesCode: string, item, i) =>
        item.changeKind !== 'replaced' ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : readOnly ? (
          <Link to={adminPaths.procedure(replacesCode)}>{replacesCode}</Link>
        ) : (
          <ProcedureCodeInput aria-label={`Mã thủ tục bị thay thế dòng ${i + 1}`} value={replacesCode} onChange={(v) => update(item.key, { replacesCode: v })} />
        ),
    },
    {
      title: 'Nội dung thủ tục',
      key: 'data',
      render: (_, item, i) => {
        const name = item.data?.name || item.name;
        if (!needsData(item.changeKind)) return name || <Typography.Text type="secondary">Bãi bỏ: không cần nội dung</Typography.Text>;
        return (
          <Space orientation="vertical" size={4} className="full-width">
            {item.data ? <span>{item.data.name}</span> : name ? <span>{name}</span> : <Typography.Text type="danger">Chưa có nội dung</Typography.Text>}
            {!readOnly && (
              <Space wrap size={4}>
                {(item.changeKind === 'amended' || item.changeKind === 'replaced') && (
                  <Button
                    size="small"
                    loading={copying === item.key}
                    onClick={() => void copyFromCatalog(item, item.changeKind === 'replaced' ? item.replacesCode || item.code : item.code)}
                    aria-label={`Chép từ danh mục hiện hành dòng ${i + 1}`}
                  >
                    Chép từ danh mục hiện hành
                  </Button>
                )}
                <Button size="small" onClick={() => (item.code.trim() ? setEditing(item.key) : notify.failed(new Error('Nhập mã thủ tục trước.')))} aria-label={`${item.data ? 'Sửa' : 'Nhập'} nội dung dòng ${i + 1}`}>
                  {item.data ? 'Sửa nội dung' : 'Nhập nội dung'}
                </Button>
              </Space>
            )}
          </Space>
        );
      },
    },
  ];
  if (!readOnly) {
    columns.push({
      title: <span className="sr-only">Thao tác</span>,
      key: 'remove',
      width: 56,
      render: (_, item, i) => <Button icon={<DeleteOutlined />} aria-label={`Xóa dòng ${i + 1}`} onClick={() => onChange(items.filter((x) => x.key !== item.key))} />,
    });
  }

  return (
    <>
      <Table<DraftItem> rowKey="key" size="small" columns={columns} dataSource={items} pagination={false} locale={{ emptyText: 'Chưa có thủ tục nào trong quyết định' }} scroll={{ x: 1000 }} />
      {!readOnly && (
        <Button icon={<PlusOutlined />} className="text-list-add" onClick={() => onChange([...items, { key: draftKey(), changeKind: 'amended', code: '', replacesCode: '', data: null, name: '' }])}>
          Thêm dòng
        </Button>
      )}
      <ItemDataModal
        open={editingItem !== undefined}
        code={editingItem?.code.trim() ?? ''}
        data={editingItem?.data ?? null}
        labels={labels}
        onClose={() => setEditing(undefined)}
        onDone={(data) => {
          if (editingItem) update(editingItem.key, { data, name: data.name });
          setEditing(undefined);
        }}
      />
    </>
  );
}

import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { DATE_FORMAT, toYmd } from '../../date-input';
import type { NewsroomLabels } from '../../hooks/use-newsroom-vocabulary';
import type { Category } from '../../newsroom-types';

export interface ArticleFilter {
  status?: string;
  categoryId?: string;
  authorId?: string;
  /** YYYY-MM-DD */
  from?: string;
  to?: string;
  q?: string;
}

interface Props {
  value: ArticleFilter;
  onChange: (patch: Partial<ArticleFilter>) => void;
  labels: NewsroomLabels;
  categories: readonly Category[];
  authors: readonly { value: string; label: string }[];
}

/** Status, category, author, date range and a text search; every change goes to the address. */
export function ArticleFilters({ value, onChange, labels, categories, authors }: Props) {
  // The text is sent on Enter or the search button, not on every key.
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  return (
    <Space wrap className="filter-bar">
      <Input.Search
        aria-label="Tìm theo tiêu đề"
        placeholder="Tìm theo tiêu đề, tóm tắt"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 280 }}
      />
      <Select
        aria-label="Lọc theo trạng thái"
        placeholder="Mọi trạng thái"
        allowClear
        value={value.status}
        onChange={(status?: string) => onChange({ status })}
        options={Object.entries(labels.statuses).map(([v, label]) => ({ value: v, label }))}
        style={{ width: 170 }}
      />
      <Select
        aria-label="Lọc theo chuyên mục"
        placeholder="Mọi chuyên mục"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.categoryId}
        onChange={(categoryId?: string) => onChange({ categoryId })}
        options={categories.map((c) => ({ value: c.id, label: c.name }))}
        style={{ width: 240 }}
        popupMatchSelectWidth={false}
      />
      <Select
        aria-label="Lọc theo tác giả"
        placeholder="Mọi tác giả"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.authorId}
        onChange={(authorId?: string) => onChange({ authorId })}
        options={[...authors]}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
      />
      <DatePicker.RangePicker
        aria-label="Lọc theo ngày"
        format={DATE_FORMAT}
        placeholder={['Từ ngày', 'Đến ngày']}
        allowEmpty={[true, true]}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(range) => onChange({ from: range?.[0] ? toYmd(range[0]) : undefined, to: range?.[1] ? toYmd(range[1]) : undefined })}
      />
    </Space>
  );
}

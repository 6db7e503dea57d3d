import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { DATE_FORMAT, toYmd } from '../../date-input';
import type { ProcedureLabels } from '../../hooks/use-procedure-vocabulary';

export interface CatalogFilter {
  q?: string;
  /** A field's slug. */
  field?: string;
  level?: string;
  onlineLevel?: string;
  /** YYYY-MM-DD: the catalog as it stood that day; today when unset. */
  asOf?: string;
}

interface Props {
  value: CatalogFilter;
  onChange: (patch: Partial<CatalogFilter>) => void;
  labels: ProcedureLabels;
}

/** Text, field, level, online level and the day the catalog is read at; every change goes to the address. */
export function CatalogFilters({ value, onChange, labels }: Props) {
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  return (
    <Space wrap className="filter-bar">
      <Input.Search
        aria-label="Tìm thủ tục"
        placeholder="Tìm theo mã hoặc tên thủ tục"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 300 }}
      />
      <Select
        aria-label="Lọc theo lĩnh vực"
        placeholder="Mọi lĩnh vực"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.field}
        onChange={(field?: string) => onChange({ field })}
        options={labels.fields.map((f) => ({ value: f.slug, label: f.name }))}
        style={{ width: 240 }}
        popupMatchSelectWidth={false}
      />
      <Select
        aria-label="Lọc theo cấp thực hiện"
        placeholder="Mọi cấp thực hiện"
        allowClear
        value={value.level}
        onChange={(level?: string) => onChange({ level })}
        options={labels.levels.map((l) => ({ value: l, label: l }))}
        style={{ width: 180 }}
      />
      <Select
        aria-label="Lọc theo mức độ trực tuyến"
        placeholder="Mọi mức độ trực tuyến"
        allowClear
        value={value.onlineLevel}
        onChange={(onlineLevel?: string) => onChange({ onlineLevel })}
        options={[
          ...Object.entries(labels.onlineLevels).map(([v, label]) => ({ value: v, label })),
          { value: 'none', label: 'Chưa cung cấp trực tuyến' },
        ]}
        style={{ width: 210 }}
        popupMatchSelectWidth={false}
      />
      <DatePicker
        aria-label="Danh mục tại ngày"
        format={DATE_FORMAT}
        placeholder="Danh mục tại ngày (hôm nay)"
        value={value.asOf ? dayjs(value.asOf) : null}
        onChange={(day) => onChange({ asOf: day ? toYmd(day) : undefined })}
        style={{ width: 250 }}
      />
    </Space>
  );
}

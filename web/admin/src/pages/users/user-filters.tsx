import { Input, Select, Space } from 'antd';
import type { Role, Unit } from '../../types';

export interface UserFilter {
  q?: string;
  unitId?: string;
  role?: string;
  active?: 'true' | 'false';
}

interface Props {
  value: UserFilter;
  onChange: (value: UserFilter) => void;
  units: readonly Unit[];
  roles: readonly Role[];
}

const ACTIVE_OPTIONS = [
  { value: 'true', label: 'Đang hoạt động' },
  { value: 'false', label: 'Đã vô hiệu hóa' },
];

export function UserFilters({ value, onChange, units, roles }: Props) {
  const set = (patch: UserFilter) => onChange({ ...value, ...patch });
  return (
    <Space wrap className="filter-bar">
      <Input.Search
        aria-label="Tìm kiếm người dùng"
        placeholder="Tìm theo họ tên hoặc email"
        allowClear
        enterButton="Tìm"
        maxLength={100}
        onSearch={(text) => set({ q: text.trim() || undefined })}
        style={{ width: 300 }}
      />
      <Select
        aria-label="Lọc theo đơn vị"
        placeholder="Tất cả đơn vị"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.unitId}
        onChange={(unitId?: string) => set({ unitId })}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        style={{ width: 240 }}
      />
      <Select
        aria-label="Lọc theo vai trò"
        placeholder="Tất cả vai trò"
        allowClear
        value={value.role}
        onChange={(role?: string) => set({ role })}
        options={roles.map((r) => ({ value: r.code, label: r.label }))}
        style={{ width: 220 }}
      />
      <Select
        aria-label="Lọc theo trạng thái"
        placeholder="Mọi trạng thái"
        allowClear
        value={value.active}
        onChange={(active?: UserFilter['active']) => set({ active })}
        options={ACTIVE_OPTIONS}
        style={{ width: 180 }}
      />
    </Space>
  );
}

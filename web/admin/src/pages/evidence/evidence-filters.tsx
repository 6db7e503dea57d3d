import { Checkbox, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { PlanPicker } from '../../components/plan-picker';
import { DATE_FORMAT } from '../../date-input';
import type { PlanSummary, TaskRow } from '../../plan-types';
import type { Unit } from '../../types';
import { taskLabel } from '../../hooks/use-plan-tasks';

export interface EvidenceFilter {
  taskId?: string;
  unitId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  includeWithdrawn?: boolean;
}

interface Props {
  plans: readonly PlanSummary[];
  planId: string | undefined;
  onPlan: (planId: string) => void;
  tasks: readonly TaskRow[];
  units: readonly Unit[];
  value: EvidenceFilter;
  onChange: (value: EvidenceFilter) => void;
}

export function EvidenceFilters({ plans, planId, onPlan, tasks, units, value, onChange }: Props) {
  const set = (patch: EvidenceFilter) => onChange({ ...value, ...patch });
  return (
    <Space wrap className="filter-bar">
      <PlanPicker plans={plans} value={planId} onChange={onPlan} />
      <Select
        aria-label="Lọc theo nhiệm vụ"
        placeholder="Tất cả nhiệm vụ"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.taskId}
        onChange={(taskId?: string) => set({ taskId })}
        options={tasks.map((t) => ({ value: t.id, label: taskLabel(t, 70) }))}
        style={{ width: 320 }}
        popupMatchSelectWidth={false}
      />
      <Select
        aria-label="Lọc theo đơn vị"
        placeholder="Tất cả đơn vị"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.unitId}
        onChange={(unitId?: string) => set({ unitId })}
        options={units.map((u) => ({ value: u.id, label: u.shortName || u.name }))}
        style={{ width: 200 }}
      />
      <DatePicker.RangePicker
        aria-label="Lọc theo ngày"
        format={DATE_FORMAT}
        placeholder={['Từ ngày', 'Đến ngày']}
        allowEmpty={[true, true]}
        value={value.range ?? null}
        onChange={(range) => set({ range })}
      />
      <Checkbox checked={value.includeWithdrawn ?? false} onChange={(e) => set({ includeWithdrawn: e.target.checked })}>
        Hiện cả minh chứng đã rút
      </Checkbox>
    </Space>
  );
}

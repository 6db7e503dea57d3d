import { Checkbox, DatePicker, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { PlanPicker } from '../../components/plan-picker';
import { DATE_FORMAT } from '../../date-input';
import type { PlanSummary, TaskRow } from '../../plan-types';
import type { Unit } from '../../types';
import { TaskFilterSelect, UnitFilterSelect } from '../../components/filter-selects';

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
      <TaskFilterSelect tasks={tasks} value={value.taskId} onChange={(taskId) => set({ taskId })} placeholder="Tất cả nhiệm vụ" />
      <UnitFilterSelect units={units} value={value.unitId} onChange={(unitId) => set({ unitId })} placeholder="Tất cả đơn vị" width={200} />
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

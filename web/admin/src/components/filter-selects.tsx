import { Select } from 'antd';
import { taskLabel } from '../hooks/use-plan-tasks';
import type { TaskRow } from '../plan-types';
import type { Unit } from '../types';

/** A list filter by plan task (searchable, labelled by number and content), as the filter bars use it. */
export function TaskFilterSelect({ tasks, value, onChange, placeholder }: { tasks: readonly TaskRow[]; value: string | undefined; onChange: (taskId?: string) => void; placeholder: string }) {
  return (
    <Select
      aria-label="Lọc theo nhiệm vụ"
      placeholder={placeholder}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      options={tasks.map((t) => ({ value: t.id, label: taskLabel(t, 70) }))}
      style={{ width: 320 }}
      popupMatchSelectWidth={false}
    />
  );
}

/** A list filter by unit (short name when it has one). */
export function UnitFilterSelect({ units, value, onChange, placeholder, width }: { units: readonly Unit[]; value: string | undefined; onChange: (unitId?: string) => void; placeholder: string; width: number }) {
  return (
    <Select
      aria-label="Lọc theo đơn vị"
      placeholder={placeholder}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      options={units.map((u) => ({ value: u.id, label: u.shortName || u.name }))}
      style={{ width }}
    />
  );
}

import { Select, Space } from 'antd';
import { TaskFilterSelect, UnitFilterSelect } from '../../components/filter-selects';
import type { TaskRow } from '../../plan-types';
import type { Unit } from '../../types';
import type { Area } from './event-types';
import type { EventsVocabularyLookup } from './use-events-vocabulary';

export interface EventFilter {
  year: number;
  kind?: string;
  unitId?: string;
  areaId?: string;
  taskId?: string;
}

interface Props {
  value: EventFilter;
  onChange: (value: EventFilter) => void;
  vocabulary: EventsVocabularyLookup;
  units: readonly Unit[];
  communes: readonly Area[];
  tasks: readonly TaskRow[];
}

const thisYear = new Date().getFullYear();
/** The years offered: from the seed plan's 2024 to next year, newest first. */
export const YEARS = Array.from({ length: Math.max(thisYear + 1, 2025) - 2020 + 1 }, (_, i) => Math.max(thisYear + 1, 2025) - i);

export function EventFilters({ value, onChange, vocabulary, units, communes, tasks }: Props) {
  const set = (patch: Partial<EventFilter>) => onChange({ ...value, ...patch });
  return (
    <Space wrap className="filter-bar">
      <Select aria-label="Năm" value={value.year} onChange={(year: number) => set({ year })} options={YEARS.map((y) => ({ value: y, label: `Năm ${y}` }))} style={{ width: 120 }} />
      <Select aria-label="Lọc theo hình thức" placeholder="Mọi hình thức" allowClear value={value.kind} onChange={(kind?: string) => set({ kind })} options={vocabulary.kinds.map((k) => ({ value: k.code, label: k.label }))} style={{ width: 220 }} />
      <UnitFilterSelect units={units} value={value.unitId} onChange={(unitId) => set({ unitId })} placeholder="Mọi đơn vị" width={180} />
      <Select
        aria-label="Lọc theo xã, phường"
        placeholder="Mọi xã, phường"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.areaId}
        onChange={(areaId?: string) => set({ areaId })}
        options={communes.map((a) => ({ value: a.id, label: a.name }))}
        style={{ width: 240 }}
        popupMatchSelectWidth={false}
      />
      <TaskFilterSelect tasks={tasks} value={value.taskId} onChange={(taskId) => set({ taskId })} placeholder="Mọi nhiệm vụ" />
    </Space>
  );
}

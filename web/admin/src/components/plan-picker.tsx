import { Select } from 'antd';
import type { PlanSummary } from '../plan-types';

/** Picks the plan a page is about; the plan in force is marked. */
export function PlanPicker({ plans, value, onChange }: { plans: readonly PlanSummary[]; value: string | undefined; onChange: (planId: string) => void }) {
  return (
    <Select
      aria-label="Kế hoạch"
      placeholder="Chọn kế hoạch"
      value={value}
      onChange={onChange}
      options={plans.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}${p.status === 'in_force' ? ' (đang thực hiện)' : ''}` }))}
      style={{ width: 420, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

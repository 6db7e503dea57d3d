import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api';
import { useCan } from '../../../auth/me-context';
import { useAction } from '../../../hooks/use-action';
import type { Plan, PlanStatus } from '../../../plan-types';
import type { AskReason } from './reason-prompt';

interface Transition {
  to: PlanStatus;
  label: string;
  confirm: string;
  permission: 'plans.approve' | 'plans.write';
  done: string;
  /** Going back is a revision worth explaining. */
  asksReason?: boolean;
  danger?: boolean;
}

const TRANSITIONS: Record<PlanStatus, Transition[]> = {
  draft: [{ to: 'approved', label: 'Phê duyệt', confirm: 'Phê duyệt kế hoạch này?', permission: 'plans.approve', done: 'Đã phê duyệt kế hoạch' }],
  approved: [
    { to: 'in_force', label: 'Ban hành thực hiện', confirm: 'Ban hành để các đơn vị thực hiện kế hoạch?', permission: 'plans.write', done: 'Kế hoạch đã được ban hành thực hiện' },
    { to: 'draft', label: 'Trả lại dự thảo', confirm: 'Trả kế hoạch về dự thảo để sửa?', permission: 'plans.approve', done: 'Đã trả lại dự thảo', asksReason: true, danger: true },
  ],
  in_force: [{ to: 'closed', label: 'Kết thúc', confirm: 'Kết thúc kế hoạch? Sau đó không sửa được nữa.', permission: 'plans.write', done: 'Kế hoạch đã kết thúc', danger: true }],
  closed: [],
};

function TransitionButton({ plan, step, askReason, onChanged }: { plan: Plan; step: Transition; askReason: AskReason; onChanged: (plan: Plan) => void }) {
  const run = useAction();
  const [busy, setBusy] = useState(false);
  async function go() {
    setBusy(true);
    const changed = await run(async () => {
      const reason = step.asksReason ? await askReason() : undefined;
      return api.post<Plan>(`/api/plans/${plan.id}/status`, { status: step.to, ...(reason ? { reason } : {}) });
    }, step.done);
    setBusy(false);
    if (changed) onChanged(changed);
  }
  return (
    <Popconfirm title={step.confirm} okText="Đồng ý" cancelText="Hủy" onConfirm={go}>
      <Button type={step.danger ? 'default' : 'primary'} danger={step.danger} loading={busy}>
        {step.label}
      </Button>
    </Popconfirm>
  );
}

/** Status changes the user may make, and the downloads (plain links, so the browser saves the files). */
export function PlanActions({ plan, askReason, onChanged }: { plan: Plan; askReason: AskReason; onChanged: (plan: Plan) => void }) {
  const canApprove = useCan('plans.approve');
  const canWrite = useCan('plans.write');
  const allowed = TRANSITIONS[plan.status].filter((t) => (t.permission === 'plans.approve' ? canApprove : canWrite));
  const base = `/api/plans/${plan.id}`;
  return (
    <Space wrap>
      {allowed.map((step) => (
        <TransitionButton key={step.to} plan={plan} step={step} askReason={askReason} onChanged={onChanged} />
      ))}
      <Button href={`${base}/export?format=docx`} download>
        Xuất DOCX
      </Button>
      <Button href={`${base}/export?format=xlsx`} download>
        Xuất XLSX
      </Button>
      {plan.originalFile && (
        <Button href={`${base}/original`} download title={plan.originalFile.name}>
          Tải tệp gốc
        </Button>
      )}
    </Space>
  );
}

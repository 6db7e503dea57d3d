import { Alert, Form, Select } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useApiGet } from '../../../hooks/use-api-get';
import { taskLabel, usePlanTasks } from '../../../hooks/use-plan-tasks';
import type { PlanSummary } from '../../../plan-types';

const ARTICLE_EXTRA = 'Khi bài được đăng, bài được ghi làm minh chứng cho các nhiệm vụ này; gỡ bài thì rút minh chứng.';
const articleYearWarning = (planYear: number, year: number) =>
  `Kế hoạch năm ${planYear}: minh chứng được ghi theo ngày đăng bài, nên bài đăng trong năm ${year} có thể không được nhận làm minh chứng của kế hoạch này.`;

interface Props {
  readOnly: boolean;
  /** What linking does, under the task select (default: the article's evidence). */
  extra?: ReactNode;
  /** The year the evidence will be dated in (default: this year). */
  evidenceYear?: number;
  /** The warning when the plan is of another year than `evidenceYear`. */
  yearWarning?: (planYear: number, evidenceYear: number) => string;
}

/**
 * Nhiệm vụ liên quan: a plan, then tasks of its table (code and content). Publishing records the
 * article (or whatever the form is about, see `extra`) as evidence on these tasks.
 */
export function LinkedTasksField({ readOnly, extra = ARTICLE_EXTRA, evidenceYear, yearWarning = articleYearWarning }: Props) {
  const form = Form.useFormInstance();
  const { data: plans } = useApiGet<PlanSummary[]>('/api/plans');
  const planId = Form.useWatch<string | undefined>('planId', form);
  const { tasks } = usePlanTasks(planId);
  const taskIds = Form.useWatch<string[] | undefined>('taskIds', form) ?? [];
  const planYear = plans?.find((p) => p.id === planId)?.year;
  const thisYear = evidenceYear ?? Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

  // Without linked tasks, the plan in force is offered (only picks the tasks: not a change to save).
  const inForce = plans?.find((p) => p.status === 'in_force')?.id;
  useEffect(() => {
    if (inForce && !planId && !(form.getFieldValue('taskIds') as string[] | undefined)?.length) form.setFieldValue('planId', inForce);
  }, [form, inForce, planId]);
  return (
    <>
      <Form.Item label="Kế hoạch" name="planId">
        <Select
          aria-label="Kế hoạch"
          placeholder="Chọn kế hoạch"
          disabled={readOnly}
          options={(plans ?? []).map((p) => ({ value: p.id, label: `${p.year} — ${p.title}${p.status === 'in_force' ? ' (đang thực hiện)' : ''}` }))}
          // Tasks belong to one plan: another plan starts a new choice.
          onChange={() => form.setFieldValue('taskIds', [])}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item label="Nhiệm vụ" name="taskIds" extra={extra}>
        <Select
          mode="multiple"
          aria-label="Nhiệm vụ"
          placeholder={planId ? 'Chọn nhiệm vụ' : 'Chọn kế hoạch trước'}
          disabled={readOnly || !planId}
          showSearch={{ optionFilterProp: 'label' }}
          options={tasks.map((t) => ({ value: t.id, label: taskLabel(t, 140) }))}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      {taskIds.length > 0 && planYear !== undefined && planYear !== thisYear && (
        <Alert type="warning" showIcon title={yearWarning(planYear, thisYear)} />
      )}
    </>
  );
}

import { Button, Card } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useCan, useMe } from '../../auth/me-context';
import { CommentModal } from '../../components/comment-modal';
import { Page } from '../../components/page';
import { toYmd } from '../../date-input';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { usePlanChoice } from '../../hooks/use-plan-choice';
import { usePlanTasks } from '../../hooks/use-plan-tasks';
import { useUnits } from '../../hooks/use-units';
import { useVocabulary } from '../../hooks/use-vocabulary';
import type { Evidence } from '../../reporting-types';
import { EvidenceFilters, type EvidenceFilter } from './evidence-filters';
import { EvidenceFormModal } from './evidence-form-modal';
import { EvidenceTable } from './evidence-table';

/** Evidence of a plan's tasks: filter, record ("Ghi minh chứng"), withdraw ("Rút", kept visible). */
export function EvidencePage() {
  const me = useMe();
  const canWrite = useCan('evidence.write');
  const anyUnit = useCan('evidence.any_unit');
  const { plans, plan, choose } = usePlanChoice();
  const { tasks, taskName } = usePlanTasks(plan?.id);
  const { units, unitName } = useUnits();
  const vocabulary = useVocabulary();
  const [filter, setFilter] = useState<EvidenceFilter>({});
  const recorder = useModalTarget<void>();
  const withdrawing = useModalTarget<Evidence>();

  const [from, to] = filter.range ?? [];
  const list = useApiGet<Evidence[]>(plan ? '/api/evidence' : null, {
    planId: plan?.id,
    taskId: filter.taskId,
    unitId: filter.unitId,
    from: from ? toYmd(from) : undefined,
    to: to ? toYmd(to) : undefined,
    includeWithdrawn: filter.includeWithdrawn || undefined,
  });

  function pickPlan(planId: string) {
    // A task belongs to one plan.
    setFilter((f) => ({ ...f, taskId: undefined }));
    choose(planId);
  }

  return (
    <Page
      title="Minh chứng"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => recorder.openFor()} disabled={!plan}>
            Ghi minh chứng
          </Button>
        )
      }
    >
      <Card>
        <EvidenceFilters plans={plans} planId={plan?.id} onPlan={pickPlan} tasks={tasks} units={units} value={filter} onChange={setFilter} />
        <EvidenceTable
          rows={list.data ?? []}
          loading={list.loading}
          failed={list.failed}
          vocabulary={vocabulary}
          unitName={unitName}
          taskName={taskName}
          canWithdraw={(row) => !row.source && (anyUnit || row.unitId === me.unit?.id)}
          onWithdraw={canWrite ? withdrawing.openFor : undefined}
        />
      </Card>
      <EvidenceFormModal
        open={recorder.open}
        plans={plans}
        planId={plan?.id}
        units={units}
        vocabulary={vocabulary}
        onClose={recorder.close}
        onSaved={list.reload}
      />
      <CommentModal<Evidence>
        title="Rút minh chứng"
        name="withdraw-evidence"
        label="Lý do rút"
        requiredMessage="Vui lòng ghi lý do rút minh chứng."
        intro={withdrawing.target && `"${withdrawing.target.title}" sẽ không còn được tính vào tiến độ và báo cáo, nhưng vẫn hiện trong danh sách (khi chọn hiện cả minh chứng đã rút).`}
        open={withdrawing.open}
        successMessage="Đã rút minh chứng"
        okText="Rút"
        onClose={withdrawing.close}
        onSubmit={(reason) => api.post<Evidence>(`/api/evidence/${withdrawing.target!.id}/withdraw`, { reason })}
        onSaved={list.reload}
      />
    </Page>
  );
}

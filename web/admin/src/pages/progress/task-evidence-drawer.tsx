import { Drawer } from 'antd';
import { useApiGet } from '../../hooks/use-api-get';
import { taskLabel } from '../../hooks/use-plan-tasks';
import type { Vocabulary } from '../../hooks/use-vocabulary';
import type { Evidence, TaskProgress } from '../../reporting-types';
import { EvidenceTable } from '../evidence/evidence-table';

interface Props {
  planId: string;
  task: TaskProgress | undefined;
  open: boolean;
  onClose: () => void;
  vocabulary: Vocabulary;
  unitName: (unitId: string | null) => string;
}

function TaskEvidence({ planId, taskId, vocabulary, unitName }: { planId: string; taskId: string; vocabulary: Vocabulary; unitName: Props['unitName'] }) {
  const { data, loading, failed } = useApiGet<Evidence[]>('/api/evidence', { planId, taskId, includeWithdrawn: true });
  return <EvidenceTable rows={data ?? []} loading={loading} failed={failed} vocabulary={vocabulary} unitName={unitName} />;
}

/** The evidence behind one task's figures, withdrawn pieces included (struck through). */
export function TaskEvidenceDrawer({ planId, task, open, onClose, vocabulary, unitName }: Props) {
  return (
    <Drawer title={task ? `Minh chứng: ${taskLabel(task, 120)}` : 'Minh chứng'} open={open} onClose={onClose} size={900} destroyOnHidden>
      {task && <TaskEvidence planId={planId} taskId={task.taskId} vocabulary={vocabulary} unitName={unitName} />}
    </Drawer>
  );
}

import { Button, Card, List, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { PlanPicker } from '../../components/plan-picker';
import { Page } from '../../components/page';
import { TaskStatusTag } from '../../components/status-tags';
import { formatDate, formatQuantities } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { usePlanChoice } from '../../hooks/use-plan-choice';
import { taskLabel } from '../../hooks/use-plan-tasks';
import { useUnits } from '../../hooks/use-units';
import { useVocabulary } from '../../hooks/use-vocabulary';
import type { PlanProgress, TaskProgress } from '../../reporting-types';
import { MonthChart } from './month-chart';
import { ProgressCards } from './progress-cards';
import { TaskEvidenceDrawer } from './task-evidence-drawer';
import { TaskProgressTable } from './task-progress-table';
import { UnitsTable } from './units-table';

function ProgressView({ progress, year, onOpen }: { progress: PlanProgress; year: number; onOpen: (task: TaskProgress) => void }) {
  const vocabulary = useVocabulary();
  const late = progress.tasks.filter((t) => t.status === 'overdue' || t.status === 'at_risk');
  return (
    <>
      <ProgressCards progress={progress} />
      <Card title="Theo đơn vị chủ trì">
        <UnitsTable units={progress.units} />
      </Card>
      <Card title="Nhiệm vụ quá hạn hoặc có nguy cơ chậm">
        <List
          dataSource={late}
          locale={{ emptyText: 'Không có nhiệm vụ quá hạn hay có nguy cơ chậm.' }}
          renderItem={(task) => (
            <List.Item extra={<TaskStatusTag status={task.status} />}>
              <Space orientation="vertical" size={0}>
                <Typography.Link onClick={() => onOpen(task)}>{taskLabel(task, 160)}</Typography.Link>
                <Typography.Text type="secondary">
                  {task.leadText || 'Chưa có chủ trì'} · {task.dueText || 'Chưa có thời hạn'}
                  {task.dueEnd ? ` (hạn ${formatDate(task.dueEnd)})` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title="Minh chứng theo tháng">
        <MonthChart year={year} months={progress.months} />
        <Typography.Paragraph type="secondary">Cả năm: {formatQuantities(progress.totals, vocabulary.measureLabel)}.</Typography.Paragraph>
      </Card>
      <Card title="Tiến độ từng nhiệm vụ">
        <TaskProgressTable tasks={progress.tasks} measureLabel={vocabulary.measureLabel} onOpen={onOpen} />
      </Card>
    </>
  );
}

/** How the plan is going: headline figures, units, late tasks, months, and every task. */
export function ProgressPage() {
  const { plans, plan, choose, failed: plansFailed, loading: plansLoading } = usePlanChoice();
  const { data: progress, failed } = useApiGet<PlanProgress>(plan ? `/api/plans/${plan.id}/progress` : null);
  const drawer = useModalTarget<TaskProgress>();
  const vocabulary = useVocabulary();
  const { unitName } = useUnits();
  const ready = plan && progress?.planId === plan.id;

  let body;
  if (ready) body = <ProgressView progress={progress} year={plan.year} onOpen={drawer.openFor} />;
  else if (!plansLoading && !plansFailed && !plan) {
    body = (
      <Typography.Paragraph>
        Chưa có kế hoạch nào. <Link to="/plans">Nhập kế hoạch</Link> để theo dõi tiến độ.
      </Typography.Paragraph>
    );
  } else if (failed || plansFailed) body = <Typography.Paragraph type="danger">Không tải được tiến độ. Vui lòng tải lại trang.</Typography.Paragraph>;
  else body = <Spin />;

  return (
    <Page
      title="Tiến độ"
      extra={
        <Space wrap>
          <PlanPicker plans={plans} value={plan?.id} onChange={choose} />
          {plan && (
            <Button href={`/api/plans/${plan.id}/par-pack`} download>
              Tải hồ sơ minh chứng PAR Index
            </Button>
          )}
        </Space>
      }
    >
      {body}
      {plan && <TaskEvidenceDrawer planId={plan.id} task={drawer.target} open={drawer.open} onClose={drawer.close} vocabulary={vocabulary} unitName={unitName} />}
    </Page>
  );
}

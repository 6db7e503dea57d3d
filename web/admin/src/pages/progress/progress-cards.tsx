import { Card, Statistic } from 'antd';
import { TASK_STATUS_LABELS, TASK_STATUS_ORDER } from '../../components/status-tags';
import { formatDate, formatPercent } from '../../format';
import type { PlanProgress } from '../../reporting-types';

/** The headline figures: completion rate, tasks due, tasks by status. */
export function ProgressCards({ progress }: { progress: PlanProgress }) {
  return (
    <div className="stat-cards">
      <Card size="small">
        <Statistic title="Tỉ lệ hoàn thành đúng hạn" value={formatPercent(progress.completionRate)} />
        <div className="evidence-note">
          {progress.completionRate === null ? 'Chưa có nhiệm vụ đến hạn' : `${progress.tasksDoneOnTime}/${progress.tasksDue} nhiệm vụ đến hạn`} (tính đến {formatDate(progress.asOf)})
        </div>
      </Card>
      <Card size="small">
        <Statistic title="Nhiệm vụ đến hạn" value={progress.tasksDue} suffix={`/ ${progress.tasks.length}`} />
      </Card>
      {TASK_STATUS_ORDER.map((status) => (
        <Card size="small" key={status}>
          <Statistic title={TASK_STATUS_LABELS[status]} value={progress.byStatus[status] ?? 0} />
        </Card>
      ))}
    </div>
  );
}

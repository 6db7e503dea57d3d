import { Button, Card, Result, Space, Spin, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../auth/me-context';
import { Page } from '../../../components/page';
import { formatDate, formatDateTime } from '../../../format';
import { useApiGet } from '../../../hooks/use-api-get';
import type { Plan } from '../../../plan-types';
import { PlanStatusTag } from '../plan-tags';
import { HistoryTab } from './history-tab';
import { InfoTab } from './info-tab';
import { PlanActions } from './plan-actions';
import { useReasonPrompt } from './reason-prompt';
import { SectionsTab } from './sections-tab';
import { TasksTab } from './tasks-tab';

function PlanView({ plan, onSaved, reload }: { plan: Plan; onSaved: (plan: Plan) => void; reload: () => void }) {
  const canWrite = useCan('plans.write');
  // Once a plan has left draft, every change is a revision that needs a reason.
  const reason = useReasonPrompt(plan.status !== 'draft');
  const editable = canWrite && plan.status !== 'closed';
  const taskCount = plan.tasks.filter((t) => t.kind === 'task').length;
  const flagged = plan.tasks.filter((t) => t.flags.length > 0).length;

  return (
    <Page title={plan.title} extra={<PlanActions plan={plan} askReason={reason.ask} onChanged={onSaved} />}>
      <Space wrap className="plan-meta">
        <PlanStatusTag status={plan.status} />
        <span>Năm {plan.year}</span>
        <span>Số: {plan.numberText || '—'}</span>
        {plan.signDate && <span>Ngày ký: {formatDate(plan.signDate)}</span>}
        {plan.revision > 0 && <span>Phiên bản: {plan.revision}</span>}
        <Typography.Text type="secondary">Cập nhật {formatDateTime(plan.updatedAt)}</Typography.Text>
      </Space>
      {plan.status === 'closed' && <Typography.Text type="secondary">Kế hoạch đã kết thúc: chỉ xem, không sửa được nữa.</Typography.Text>}
      <Card>
        <Tabs
          defaultActiveKey="tasks"
          items={[
            { key: 'info', label: 'Thông tin', children: <InfoTab plan={plan} editable={editable} askReason={reason.ask} onSaved={onSaved} /> },
            {
              key: 'tasks',
              label: `Nhiệm vụ (${taskCount})`,
              children: (
                <>
                  {flagged > 0 && (
                    <Typography.Paragraph type="warning">{flagged} dòng có cảnh báo (nhãn màu cam) cần xem lại.</Typography.Paragraph>
                  )}
                  <TasksTab plan={plan} editable={editable} askReason={reason.ask} onChanged={reload} />
                </>
              ),
            },
            { key: 'sections', label: 'Các mục', children: <SectionsTab plan={plan} editable={editable} askReason={reason.ask} onSaved={onSaved} /> },
            { key: 'history', label: 'Lịch sử', children: <HistoryTab plan={plan} /> },
          ]}
        />
      </Card>
      {reason.modal}
    </Page>
  );
}

/** One plan: header with status actions and downloads; tabs for its information, tasks, sections and history. */
export function PlanPage() {
  const { id } = useParams();
  const { data: plan, failed, reload, setData } = useApiGet<Plan>(`/api/plans/${id}`);
  if (plan && plan.id === id) return <PlanView plan={plan} onSaved={setData} reload={reload} />;
  if (failed) {
    return (
      <Page title="Kế hoạch">
        <Result
          status="error"
          title="Không tải được kế hoạch"
          extra={
            <Space>
              <Button onClick={reload}>Thử lại</Button>
              <Link to="/plans">Về danh sách kế hoạch</Link>
            </Space>
          }
        />
      </Page>
    );
  }
  return <Spin />;
}

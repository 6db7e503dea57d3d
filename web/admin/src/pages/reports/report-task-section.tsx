import { Card, Form, Input, List, Tag, Typography } from 'antd';
import { DemoTag } from '../../components/demo-tag';
import { formatDate, formatQuantities } from '../../format';
import { taskLabel } from '../../hooks/use-plan-tasks';
import { TAG_COLORS } from '../../layout/theme';
import type { ReportTask } from '../../reporting-types';

interface Props {
  task: ReportTask;
  editable: boolean;
  measureLabel: (measure: string) => string;
}

/** One task of the unit report: the evidence of the period (read-only, from the server) and what the unit writes. */
export function ReportTaskSection({ task, editable, measureLabel }: Props) {
  const name = taskLabel(task, 400);
  return (
    <section aria-label={name} className="report-task">
      <Card size="small">
        <h3 className="report-task-heading">{name}</h3>
        <Typography.Paragraph type="secondary">
          {task.role === 'lead' ? <Tag color={TAG_COLORS.blue}>Chủ trì</Tag> : <Tag>Phối hợp</Tag>}
          Thời hạn: {task.dueText || '—'}
        </Typography.Paragraph>
        <List
          size="small"
          header={<strong>Minh chứng trong kỳ ({task.evidence.length})</strong>}
          dataSource={task.evidence}
          locale={{ emptyText: 'Chưa có minh chứng trong kỳ.' }}
          renderItem={(e) => (
            <List.Item>
              <span>
                {formatDate(e.date)} — {e.link ? <a href={e.link} target="_blank" rel="noreferrer">{e.title}</a> : e.title}
                {e.isDemo && <> <DemoTag /></>}
                <Typography.Text type="secondary" className="evidence-note">{formatQuantities(e.quantities, measureLabel)}</Typography.Text>
              </span>
            </List.Item>
          )}
        />
        <Typography.Paragraph className="report-task-totals">
          <strong>Tổng trong kỳ:</strong> {formatQuantities(task.totals, measureLabel)}
        </Typography.Paragraph>
        {editable ? (
          <Form.Item label="Kết quả thực hiện" name={['narratives', task.taskId]} extra="Đơn vị mô tả kết quả; các số liệu trên lấy từ minh chứng.">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20_000} />
          </Form.Item>
        ) : (
          <Typography.Paragraph>
            <strong>Kết quả thực hiện:</strong> {task.narrative || '—'}
          </Typography.Paragraph>
        )}
      </Card>
    </section>
  );
}

import { Alert, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { api } from '../../api';
import { useCan, useMe } from '../../auth/me-context';
import { LateTag, ReportStatusTag } from '../../components/status-tags';
import { formatDate, formatDateTime } from '../../format';
import { useAction } from '../../hooks/use-action';
import { useApiGet } from '../../hooks/use-api-get';
import { useVocabulary } from '../../hooks/use-vocabulary';
import type { Period, UnitReport } from '../../reporting-types';
import { ReportActions } from './report-actions';
import { ReportHistory } from './report-history';
import { ReportTaskSection } from './report-task-section';

interface ReportValues {
  narratives?: Record<string, string>;
  difficulties?: string;
  proposals?: string;
}

/** Why the content cannot be changed now, in the words the user needs; undefined when it can. */
function readOnlyReason(report: UnitReport, period: Period, mayWrite: boolean): string | undefined {
  if (report.status === 'pending_approval') return 'Báo cáo đang chờ trưởng phòng duyệt nên tạm thời không sửa được.';
  if (report.status === 'submitted') return 'Báo cáo đã được duyệt và gửi Phòng HC-TH; chỉ xem, không sửa được trừ khi bị trả lại.';
  if (report.status === 'accepted') return 'Phòng HC-TH đã tiếp nhận báo cáo; chỉ xem, không sửa được trừ khi bị trả lại.';
  if (period.status !== 'open') return 'Kỳ báo cáo không còn mở; chỉ xem.';
  if (!report.editable && period.locked) return `Kỳ báo cáo đã khóa sổ từ ngày ${formatDate(period.lockDate)}; chỉ Phòng HC-TH mở lại được.`;
  if (!report.editable) return 'Báo cáo không sửa được trong kỳ này.';
  if (!mayWrite) return 'Chỉ cán bộ và trưởng phòng của đơn vị được soạn báo cáo này; bạn chỉ xem.';
  return undefined;
}

/** A unit's report of the period: evidence per task (from the server), what the unit writes, the workflow, the history. */
export function UnitReportView({ period, unitId }: { period: Period; unitId: string }) {
  const me = useMe();
  const mayEdit = useCan('reports.edit');
  const vocabulary = useVocabulary();
  const run = useAction();
  const [form] = Form.useForm<ReportValues>();
  const { data: report, failed, setData } = useApiGet<UnitReport>(`/api/periods/${period.id}/reports/${unitId}`);

  if (!report || report.unitId !== unitId) return failed ? <Typography.Paragraph type="danger">Không tải được báo cáo. Vui lòng tải lại trang.</Typography.Paragraph> : <Spin />;

  const ownUnit = me.unit?.id === unitId;
  const canEdit = report.editable && mayEdit && ownUnit;
  const reason = readOnlyReason(report, period, mayEdit && ownUnit);

  async function save() {
    const values = form.getFieldsValue();
    const saved = await run(
      () => api.put<UnitReport>(`/api/periods/${period.id}/reports/${unitId}`, { narratives: values.narratives ?? {}, difficulties: values.difficulties ?? '', proposals: values.proposals ?? '' }),
      'Đã lưu báo cáo',
    );
    if (saved) setData(saved);
    return saved;
  }

  return (
    <>
      <Space wrap>
        <ReportStatusTag status={report.status} label={report.statusLabel} />
        {report.late && <LateTag />}
        {report.submittedAt && <span>Gửi lúc {formatDateTime(report.submittedAt)}</span>}
      </Space>
      {reason && <Alert type="info" showIcon title={reason} />}
      <Form<ReportValues>
        // A new version from the server (after a save or a step) resets what the form shows.
        key={`${report.status}-${report.history.length}`}
        form={form}
        name="unit-report"
        layout="vertical"
        initialValues={{
          narratives: Object.fromEntries(report.tasks.map((t) => [t.taskId, t.narrative])),
          difficulties: report.difficulties,
          proposals: report.proposals,
        }}
      >
        <Card title={`Nhiệm vụ của đơn vị (${report.tasks.length})`}>
          {report.tasks.length === 0 && <Typography.Paragraph>Đơn vị không chủ trì hay phối hợp nhiệm vụ nào của kế hoạch.</Typography.Paragraph>}
          {report.tasks.map((task) => (
            <ReportTaskSection key={task.taskId} task={task} editable={canEdit} measureLabel={vocabulary.measureLabel} />
          ))}
        </Card>
        <Card title="Khó khăn, vướng mắc và đề xuất" className="report-task">
          {canEdit ? (
            <>
              <Form.Item label="Khó khăn, vướng mắc" name="difficulties">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20_000} />
              </Form.Item>
              <Form.Item label="Đề xuất" name="proposals">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20_000} />
              </Form.Item>
            </>
          ) : (
            <>
              <Typography.Paragraph>
                <strong>Khó khăn, vướng mắc:</strong> {report.difficulties || '—'}
              </Typography.Paragraph>
              <Typography.Paragraph>
                <strong>Đề xuất:</strong> {report.proposals || '—'}
              </Typography.Paragraph>
            </>
          )}
        </Card>
      </Form>
      <ReportActions period={period} report={report} canEdit={canEdit} ownUnit={ownUnit} save={save} onChanged={setData} />
      <Card title="Lịch sử">
        <ReportHistory history={report.history} />
      </Card>
    </>
  );
}

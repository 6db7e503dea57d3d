import { Alert, Card, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useUnitDirectory } from '../../../hooks/use-unit-directory';
import type { DocumentTask, ImportPreview, PlanDocument } from '../../../plan-types';
import { reviewRows, unitMatcher, warningCount, withTask, type ReviewWarnings } from './review-model';
import { ReviewMetaForm } from './review-meta-form';
import { ReviewTasksTable } from './review-tasks-table';

interface Props {
  preview: ImportPreview;
  document: PlanDocument;
  warnings: ReviewWarnings;
  onChange: (update: (doc: PlanDocument) => PlanDocument) => void;
  onValidator: (validate: () => Promise<unknown>) => void;
}

/** Step 2: what the server read, with every warning on its place, corrected in place. */
export function ReviewStep({ preview, document, warnings, onChange, onValidator }: Props) {
  const units = useUnitDirectory();
  const matched = useMemo(() => unitMatcher(preview.units, units.matches), [preview.units, units]);
  const rows = useMemo(() => reviewRows(document.appendix), [document.appendix]);
  const changeTask = useCallback((index: number, patch: Partial<DocumentTask>) => onChange((doc) => withTask(doc, index, patch)), [onChange]);
  const changeMeta = useCallback((patch: Partial<PlanDocument>) => onChange((doc) => ({ ...doc, ...patch })), [onChange]);

  const sections = document.sections.length;
  const groups = document.appendix?.groups.length ?? 0;
  const tasks = document.appendix?.tasks.length ?? 0;
  const remaining = warningCount(warnings);
  const unmatched = (document.appendix?.tasks ?? []).reduce((n, t) => n + [t.lead, ...t.coop].filter((name) => !matched(name)).length, 0);

  return (
    <div className="page-stack">
      <Typography.Paragraph className="import-summary" role="status">
        Đã đọc được {sections} mục, {groups} nhóm và {tasks} nhiệm vụ.{' '}
        {remaining ? `Còn ${remaining} cảnh báo cần xem lại.` : 'Không còn cảnh báo nào.'}
        {unmatched > 0 && ` ${unmatched} tên đơn vị không khớp với đơn vị nào của cơ quan (vẫn lưu được, tên được giữ nguyên văn).`}
      </Typography.Paragraph>
      {warnings.general.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="Cần kiểm tra"
          description={
            <ul className="warning-list">
              {warnings.general.map((w) => (
                <li key={`${w.path}:${w.message}`}>{w.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card title="Thông tin kế hoạch" size="small">
        <ReviewMetaForm document={document} warnings={warnings.meta} onChange={changeMeta} onValidator={onValidator} />
      </Card>
      <Card title={`Bảng nhiệm vụ (${tasks})`} size="small">
        <ReviewTasksTable rows={rows} warnings={warnings.rows} units={units} matched={matched} onChange={changeTask} />
      </Card>
    </div>
  );
}

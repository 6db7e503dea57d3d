import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { CommentModal } from '../../components/comment-modal';
import { useAction } from '../../hooks/use-action';
import { useModalTarget } from '../../hooks/use-modal-target';
import type { Period, UnitReport } from '../../reporting-types';

type Review = 'accept' | 'return' | 'reopen';

const REVIEWS: Record<Review, { title: string; label: string; okText: string; done: string; required?: string }> = {
  accept: { title: 'Tiếp nhận báo cáo', label: 'Ý kiến (không bắt buộc)', okText: 'Tiếp nhận', done: 'Đã tiếp nhận báo cáo' },
  return: { title: 'Trả lại báo cáo', label: 'Lý do trả lại', okText: 'Trả lại', done: 'Đã trả lại báo cáo', required: 'Vui lòng ghi lý do trả lại để đơn vị sửa.' },
  reopen: { title: 'Mở lại báo cáo', label: 'Ý kiến (không bắt buộc)', okText: 'Mở lại', done: 'Đã mở lại báo cáo' },
};

interface Props {
  period: Period;
  report: UnitReport;
  /** Whether this user may change the content now (own unit, editable state). */
  canEdit: boolean;
  ownUnit: boolean;
  /** Saves the form; resolves to the saved report, or undefined when it failed. */
  save: () => Promise<UnitReport | undefined>;
  onChanged: (report: UnitReport) => void;
}

/** The workflow buttons this user may press on this report now. */
export function ReportActions({ period, report, canEdit, ownUnit, save, onChanged }: Props) {
  const canApprove = useCan('reports.approve');
  const canReview = useCan('reports.review');
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const review = useModalTarget<Review>();
  const base = `/api/periods/${period.id}/reports/${report.unitId}`;

  async function step(path: string, done: string) {
    setBusy(true);
    // What is on screen is saved first, so nothing typed is lost by sending.
    const saved = canEdit ? await save() : report;
    const changed = saved && (await run(() => api.post<UnitReport>(`${base}/${path}`), done));
    setBusy(false);
    if (changed) onChanged(changed);
  }

  const open = ['draft', 'returned'].includes(report.status);
  const approvable = canApprove && ownUnit && (report.status === 'pending_approval' || (open && canEdit));
  const spec = review.target ? REVIEWS[review.target] : undefined;

  return (
    <Space wrap>
      {canEdit && (
        <Button onClick={() => void save()} loading={busy}>
          Lưu
        </Button>
      )}
      {canEdit && !canApprove && open && (
        <Popconfirm title="Trình trưởng phòng duyệt báo cáo?" description="Trong lúc chờ duyệt, báo cáo không sửa được." okText="Đồng ý" cancelText="Hủy" onConfirm={() => step('request-approval', 'Đã trình trưởng phòng duyệt')}>
          <Button type="primary" loading={busy}>
            Trình trưởng phòng duyệt
          </Button>
        </Popconfirm>
      )}
      {approvable && (
        <Popconfirm title="Duyệt và gửi báo cáo cho Phòng HC-TH?" okText="Đồng ý" cancelText="Hủy" onConfirm={() => step('submit', 'Đã duyệt và gửi báo cáo')}>
          <Button type="primary" loading={busy}>
            Duyệt và gửi
          </Button>
        </Popconfirm>
      )}
      {canReview && report.status === 'submitted' && (
        <Button type="primary" onClick={() => review.openFor('accept')}>
          Tiếp nhận
        </Button>
      )}
      {canReview && ['submitted', 'accepted'].includes(report.status) && (
        <Button danger onClick={() => review.openFor('return')}>
          Trả lại
        </Button>
      )}
      {canReview && period.locked && !report.editable && <Button onClick={() => review.openFor('reopen')}>Mở lại</Button>}
      <CommentModal<UnitReport>
        title={spec?.title ?? ''}
        name="review-report"
        label={spec?.label ?? ''}
        requiredMessage={spec?.required}
        okText={spec?.okText}
        successMessage={spec?.done}
        open={review.open}
        onClose={review.close}
        onSubmit={(comment) => api.post<UnitReport>(`${base}/${review.target}`, comment || review.target === 'return' ? { comment } : {})}
        onSaved={onChanged}
      />
    </Space>
  );
}

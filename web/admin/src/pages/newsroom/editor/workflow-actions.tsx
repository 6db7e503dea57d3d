import { Button, DatePicker, Form, Popconfirm, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api';
import { CommentModal } from '../../../components/comment-modal';
import { FormModal } from '../../../components/form-modal';
import { useAction } from '../../../hooks/use-action';
import { useModalTarget } from '../../../hooks/use-modal-target';
import type { Article, ArticleAction } from '../../../newsroom-types';
import { DATE_TIME_FORMAT, fromVnPicker, toVnPicker } from '../vn-time';

type Step = Exclude<ArticleAction, 'edit' | 'preview' | 'schedule'>;

interface StepSpec {
  label: string;
  /** The route under /api/articles/:id/ */
  path: string;
  done: string;
  /** 'note': optional comment; 'reason': required; 'confirm': a yes/no question. */
  ask: 'note' | 'reason' | 'confirm';
  title: string;
  fieldLabel?: string;
  required?: string;
  intro?: string;
  primary?: boolean;
  danger?: boolean;
}

const STEPS: Record<Step, StepSpec> = {
  submit: { label: 'Gửi duyệt', path: 'submit', done: 'Đã gửi duyệt', ask: 'note', title: 'Gửi duyệt bài', fieldLabel: 'Ghi chú cho người duyệt (không bắt buộc)', primary: true },
  approve: { label: 'Duyệt', path: 'approve', done: 'Đã duyệt bài', ask: 'note', title: 'Duyệt bài', fieldLabel: 'Ý kiến (không bắt buộc)', primary: true },
  return: {
    label: 'Trả lại',
    path: 'return',
    done: 'Đã trả lại bài',
    ask: 'reason',
    title: 'Trả lại bài',
    fieldLabel: 'Lý do trả lại',
    required: 'Vui lòng ghi lý do trả lại để tác giả sửa.',
    danger: true,
  },
  publish: { label: 'Đăng ngay', path: 'publish', done: 'Đã đăng bài', ask: 'confirm', title: 'Đăng bài ngay lên cổng thông tin?', primary: true },
  'cancel-schedule': { label: 'Hủy hẹn giờ', path: 'cancel-schedule', done: 'Đã hủy hẹn giờ', ask: 'confirm', title: 'Hủy lịch đăng? Bài trở về trạng thái đã duyệt.' },
  'force-publish': {
    label: 'Đăng khẩn',
    path: 'force-publish',
    done: 'Đã đăng khẩn',
    ask: 'reason',
    title: 'Đăng khẩn (không qua duyệt)',
    fieldLabel: 'Lý do đăng khẩn',
    required: 'Vui lòng ghi lý do đăng khẩn.',
    intro: 'Bài được đăng ngay mà chưa được duyệt, và được đánh dấu cho đến khi có người xem lại.',
    danger: true,
  },
  'review-forced': { label: 'Xác nhận đã xem lại', path: 'review-forced', done: 'Đã xác nhận xem lại', ask: 'note', title: 'Xem lại bài đăng khẩn', fieldLabel: 'Ý kiến (không bắt buộc)' },
  unpublish: {
    label: 'Gỡ bài',
    path: 'unpublish',
    done: 'Đã gỡ bài',
    ask: 'reason',
    title: 'Gỡ bài khỏi cổng thông tin',
    fieldLabel: 'Lý do gỡ bài',
    required: 'Vui lòng ghi lý do gỡ bài.',
    intro: 'Bài không còn trên cổng thông tin, trong RSS và kết quả tìm kiếm; minh chứng trên các nhiệm vụ liên quan được rút.',
    danger: true,
  },
  archive: { label: 'Lưu trữ', path: 'archive', done: 'Đã chuyển bài vào lưu trữ', ask: 'note', title: 'Lưu trữ bài', fieldLabel: 'Ghi chú (không bắt buộc)' },
  restore: { label: 'Khôi phục', path: 'restore', done: 'Đã khôi phục bài', ask: 'confirm', title: 'Khôi phục bài về bản nháp?' },
};

/** The order the buttons stand in. */
const ORDER: (Step | 'schedule')[] = ['submit', 'approve', 'publish', 'schedule', 'return', 'cancel-schedule', 'review-forced', 'force-publish', 'unpublish', 'archive', 'restore'];

interface Props {
  article: Article;
  /** Saves what is on screen first (when changed); false when that failed. */
  saveFirst: () => Promise<boolean>;
  onChanged: (article: Article) => void;
}

/** The next steps this user may take (`article.actions`), each asking what it needs first. */
export function WorkflowActions({ article, saveFirst, onChanged }: Props) {
  const run = useAction();
  const [busy, setBusy] = useState<string>();
  const asking = useModalTarget<Step>();
  const [scheduling, setScheduling] = useState(false);
  const base = `/api/articles/${article.id}`;
  const allowed = new Set(article.actions);

  async function open(step: Step | 'schedule') {
    setBusy(step);
    const ok = await saveFirst();
    setBusy(undefined);
    if (!ok) return;
    if (step === 'schedule') setScheduling(true);
    else asking.openFor(step);
  }

  async function confirmStep(step: Step) {
    setBusy(step);
    const ok = await saveFirst();
    const changed = ok ? await run(() => api.post<Article>(`${base}/${STEPS[step].path}`, {}), STEPS[step].done) : undefined;
    setBusy(undefined);
    if (changed) onChanged(changed);
  }

  const spec = asking.target ? STEPS[asking.target] : undefined;

  return (
    <Space wrap>
      {ORDER.filter((step) => allowed.has(step)).map((step) => {
        if (step === 'schedule') {
          return (
            <Button key={step} onClick={() => open('schedule')} loading={busy === step}>
              Hẹn giờ đăng
            </Button>
          );
        }
        const s = STEPS[step];
        const button = (
          <Button key={step} type={s.primary ? 'primary' : 'default'} danger={s.danger} loading={busy === step} onClick={s.ask === 'confirm' ? undefined : () => open(step)}>
            {s.label}
          </Button>
        );
        return s.ask === 'confirm' ? (
          <Popconfirm key={step} title={s.title} okText="Đồng ý" cancelText="Hủy" onConfirm={() => confirmStep(step)}>
            {button}
          </Popconfirm>
        ) : (
          button
        );
      })}
      <CommentModal<Article>
        title={spec?.title ?? ''}
        name="article-step"
        label={spec?.fieldLabel ?? ''}
        requiredMessage={spec?.required}
        intro={spec?.intro}
        okText={spec?.label}
        successMessage={spec?.done}
        open={asking.open}
        onClose={asking.close}
        onSubmit={(text) => {
          const s = spec!;
          const body = s.ask === 'reason' ? { reason: text } : text ? { note: text } : {};
          return api.post<Article>(`${base}/${s.path}`, body);
        }}
        onSaved={onChanged}
      />
      <ScheduleModal article={article} open={scheduling} onClose={() => setScheduling(false)} onSaved={onChanged} />
    </Space>
  );
}

/** The next full hour, at least 30 minutes ahead, in Vietnamese time. */
function defaultTime(): Dayjs {
  return toVnPicker(new Date(Date.now() + 90 * 60_000)).startOf('hour');
}

function ScheduleModal({ article, open, onClose, onSaved }: { article: Article; open: boolean; onClose: () => void; onSaved: (a: Article) => void }) {
  return (
    <FormModal<{ at: Dayjs }, Article>
      title="Hẹn giờ đăng bài"
      name="schedule"
      open={open}
      onClose={onClose}
      okText="Hẹn giờ"
      successMessage="Đã hẹn giờ đăng"
      initialValues={{ at: article.scheduledAt ? toVnPicker(article.scheduledAt) : defaultTime() }}
      onSubmit={({ at }) => api.post<Article>(`/api/articles/${article.id}/publish`, { at: fromVnPicker(at) })}
      onSaved={onSaved}
    >
      <Form.Item
        label="Thời điểm đăng (giờ Việt Nam)"
        name="at"
        rules={[
          { required: true, message: 'Vui lòng chọn thời điểm đăng.' },
          {
            validator: (_, at: Dayjs | undefined) =>
              at && new Date(fromVnPicker(at)).getTime() <= Date.now() ? Promise.reject(new Error('Thời điểm đăng phải ở tương lai.')) : Promise.resolve(),
          },
        ]}
        extra="Đến giờ, hệ thống tự đăng bài; trạng thái lệnh đăng hiện trong trang Hẹn giờ."
      >
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format={DATE_TIME_FORMAT}
          placeholder="dd/mm/yyyy hh:mm"
          disabledDate={(d) => d.isBefore(toVnPicker(new Date()), 'day')}
          needConfirm={false}
        />
      </Form.Item>
    </FormModal>
  );
}

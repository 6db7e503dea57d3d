import { Form, Input } from 'antd';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import type { Consolidated, ReportDocument } from '../../reporting-types';

interface Values {
  planReference: string;
  units: { name: string; difficulties: string; proposals: string }[];
  nextTasks: string;
  recipients: string;
  authority: string;
  title: string;
  name: string;
}

/** "content | lead | due" per line: how the next-period tasks are typed in one box. */
const taskLine = (t: ReportDocument['nextTasks'][number]) => [t.content, t.lead, t.dueText].join(' | ');
function parseTasks(text: string): ReportDocument['nextTasks'] {
  return text
    .split('\n')
    .map((l) => l.split('|').map((p) => p.trim()))
    .filter(([content]) => content)
    .map(([content, lead, dueText]) => ({ content: content!, lead: lead ?? '', dueText: dueText ?? '' }));
}
const lines = (text: string) => text.split('\n').map((l) => l.replace(/^-\s*/, '').trim()).filter(Boolean);

/** Edits the draft's words before it is issued; the figures always come from evidence. */
export function DraftEditModal({ open, periodId, document, onClose, onSaved }: { open: boolean; periodId: string; document: ReportDocument; onClose: () => void; onSaved: (c: Consolidated) => void }) {
  const initialValues: Values = {
    planReference: document.planReference,
    units: document.units.map((u) => ({ name: u.name, difficulties: u.difficulties, proposals: u.proposals })),
    nextTasks: document.nextTasks.map(taskLine).join('\n'),
    recipients: document.recipients.join('\n'),
    authority: document.signer?.authority ?? '',
    title: document.signer?.title ?? '',
    name: document.signer?.name ?? '',
  };
  return (
    <FormModal<Values, Consolidated>
      title="Sửa lời văn dự thảo báo cáo"
      name="draft-edit"
      width={760}
      open={open}
      initialValues={initialValues}
      onClose={onClose}
      onSaved={onSaved}
      onSubmit={(v) =>
        api.put<Consolidated>(`/api/periods/${periodId}/consolidated/draft`, {
          planReference: v.planReference,
          units: v.units,
          nextTasks: parseTasks(v.nextTasks),
          recipients: lines(v.recipients),
          signer: v.title.trim() || v.name.trim() ? { authority: v.authority.trim() || null, title: v.title.trim(), name: v.name.trim() } : null,
        })
      }
    >
      <p>Số liệu được tính từ minh chứng và không sửa ở đây.</p>
      <Form.Item label="Căn cứ kế hoạch" name="planReference" rules={[{ required: true, message: 'Hãy ghi căn cứ.' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.List name="units">
        {(fields) =>
          fields.map((f) => (
            <div key={f.key}>
              <Form.Item label={`Khó khăn, vướng mắc — ${initialValues.units[f.name]?.name ?? ''}`} name={[f.name, 'difficulties']}>
                <Input.TextArea autoSize={{ minRows: 1 }} />
              </Form.Item>
              <Form.Item label={`Đề xuất — ${initialValues.units[f.name]?.name ?? ''}`} name={[f.name, 'proposals']}>
                <Input.TextArea autoSize={{ minRows: 1 }} />
              </Form.Item>
            </div>
          ))
        }
      </Form.List>
      <Form.Item label="Nhiệm vụ kỳ tới" name="nextTasks" extra="Mỗi dòng một nhiệm vụ: nội dung | đơn vị chủ trì | thời hạn">
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
      <Form.Item label="Nơi nhận" name="recipients" extra="Mỗi dòng một nơi nhận; dòng cuối thường là “Lưu: VT, …”">
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
      <Form.Item label="Thẩm quyền ký (KT., TM.…)" name="authority">
        <Input />
      </Form.Item>
      <Form.Item label="Chức vụ người ký" name="title">
        <Input />
      </Form.Item>
      <Form.Item label="Họ tên người ký" name="name">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

import { Button, DatePicker, Form, Input, Select, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { useApiGet } from '../../hooks/use-api-get';
import { taskLabel, usePlanTasks } from '../../hooks/use-plan-tasks';
import type { PlanSummary } from '../../plan-types';
import { fileProblem, readBase64 } from '../newsroom/uploads';
import { NETWORK_LABELS } from './social-types';

const SCREENSHOT_TYPES = '.png,.jpg,.jpeg,.webp';
const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024;

interface ManualValues {
  network: string;
  url: string;
  date: Dayjs;
  title: string;
  planId: string;
  taskIds: string[];
  screenshot?: UploadFile[];
}

/** Records a post made by hand (any network) with its screenshot, as evidence on chosen tasks. */
export function ManualModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { data: plans } = useApiGet<PlanSummary[]>(open ? '/api/plans' : null);
  const [planId, setPlanId] = useState<string>();
  const { tasks } = usePlanTasks(planId);

  async function submit(v: ManualValues) {
    const file = v.screenshot?.[0]?.originFileObj;
    if (file) {
      const problem = fileProblem(file, SCREENSHOT_TYPES, SCREENSHOT_MAX_BYTES);
      if (problem) throw new Error(problem);
    }
    const screenshot = file ? { name: file.name, base64: await readBase64(file) } : undefined;
    return api.post<{ id: string }>('/api/social/manual', { network: v.network, url: v.url, date: toYmd(v.date), title: v.title, planId: v.planId, taskIds: v.taskIds, screenshot });
  }

  return (
    <FormModal<ManualValues, { id: string }> title="Ghi bài đăng thủ công" name="social-manual" open={open} onClose={onClose} onSubmit={submit} onSaved={onSaved} successMessage="Đã ghi bài đăng làm minh chứng" width={640} initialValues={{ network: 'facebook' }}>
      <Form.Item name="network" label="Mạng xã hội" rules={[{ required: true }]}>
        <Select options={Object.entries(NETWORK_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="url" label="Địa chỉ bài đăng" rules={[{ required: true, message: 'Nhập địa chỉ bài đăng' }]}>
        <Input placeholder="https://…" />
      </Form.Item>
      <Form.Item name="date" label="Ngày đăng" rules={[{ required: true, message: 'Chọn ngày đăng' }]}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Form.Item name="title" label="Nội dung tóm tắt" rules={[{ required: true, message: 'Nhập nội dung tóm tắt' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="planId" label="Kế hoạch" rules={[{ required: true, message: 'Chọn kế hoạch' }]}>
        <Select onChange={(id: string) => setPlanId(id)} options={(plans ?? []).map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` }))} />
      </Form.Item>
      <Form.Item name="taskIds" label="Nhiệm vụ" rules={[{ required: true, message: 'Chọn ít nhất một nhiệm vụ' }]}>
        <Select mode="multiple" options={tasks.map((t) => ({ value: t.id, label: taskLabel(t) }))} />
      </Form.Item>
      <Form.Item name="screenshot" label="Ảnh chụp bài đăng (PNG, JPEG, WebP; tối đa 5 MB)" valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}>
        <Upload accept={SCREENSHOT_TYPES} beforeUpload={() => false} maxCount={1}>
          <Button>Chọn ảnh</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}

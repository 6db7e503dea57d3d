import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { api } from '../../api';
import { useCan, useMe } from '../../auth/me-context';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { formatDate } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { taskLabel, usePlanTasks } from '../../hooks/use-plan-tasks';
import type { PlanSection, PlanSummary } from '../../plan-types';
import type { Unit } from '../../types';
import type { Area, OutreachEvent } from './event-types';
import type { EventsVocabularyLookup } from './use-events-vocabulary';

interface EventValues {
  kind: string;
  title: string;
  startDate: Dayjs;
  endDate: Dayjs;
  areaId: string;
  address?: string;
  unitId?: string;
  audiences: string[];
  participantsTotal: number;
  participantsWomen: number;
  participantsEthnic: number;
  planId?: string;
  taskIds: string[];
  contentItems: string[];
  note?: string;
}

interface Props {
  open: boolean;
  event: OutreachEvent | undefined;
  plans: readonly PlanSummary[];
  defaultPlanId: string | undefined;
  units: readonly Unit[];
  vocabulary: EventsVocabularyLookup;
  onClose: () => void;
  onSaved: (event: OutreachEvent) => void;
}

/** The commune list follows the event's first day: before 1/7/2025 the old communes, after it the merged ones. */
function CommuneField() {
  const start = Form.useWatch<Dayjs | undefined>('startDate');
  const day = start ? toYmd(start) : undefined;
  const { data } = useApiGet<Area[]>(day ? '/api/events/areas' : null, { level: 'commune', on: day });
  return (
    <Form.Item
      label="Xã, phường"
      name="areaId"
      rules={[{ required: true, message: 'Chọn xã, phường nơi tổ chức.' }]}
      extra={day ? `Danh sách xã, phường có hiệu lực ngày ${formatDate(day)}.` : 'Chọn ngày bắt đầu trước: danh sách xã, phường thay đổi từ 01/7/2025.'}
    >
      <Select aria-label="Xã, phường" disabled={!day} showSearch={{ optionFilterProp: 'label' }} options={(data ?? []).map((a) => ({ value: a.id, label: a.name }))} placeholder="Chọn xã, phường" />
    </Form.Item>
  );
}

/** The numbered items of the plan's "Nội dung tuyên truyền" section, cut to a readable length. */
function contentItemsOf(sections: readonly PlanSection[]): string[] {
  const section = sections.find((x) => /nội dung tuyên truyền/i.test(x.heading));
  if (!section) return [];
  return section.children.map((c) => {
    const text = `${c.number}. ${c.heading.replace(/\s+/g, ' ').trim()}`;
    return text.length > 160 ? `${text.slice(0, 159)}…` : text;
  });
}

/** Tasks of the plan picked and the plan's content items; a new plan starts a new choice. */
function PlanTasksFields({ plans }: { plans: readonly PlanSummary[] }) {
  const form = Form.useFormInstance();
  const planId = Form.useWatch<string | undefined>('planId');
  const { tasks, plan } = usePlanTasks(planId);
  const options = useMemo(() => tasks.map((t) => ({ value: t.id, label: taskLabel(t, 120) })), [tasks]);
  const contentOptions = useMemo(() => contentItemsOf(plan?.sections ?? []).map((c) => ({ value: c, label: c })), [plan]);
  return (
    <>
      <Form.Item label="Kế hoạch" name="planId" extra="Sự kiện gắn nhiệm vụ được ghi thành minh chứng, tính vào tiến độ và báo cáo.">
        <Select aria-label="Kế hoạch" allowClear options={plans.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` }))} onChange={() => form.setFieldValue('taskIds', [])} />
      </Form.Item>
      <Form.Item label="Nhiệm vụ" name="taskIds" extra={plan ? `Sự kiện phải diễn ra trong năm ${plan.year} của kế hoạch.` : undefined}>
        <Select mode="multiple" aria-label="Nhiệm vụ" disabled={!planId} options={options} showSearch={{ optionFilterProp: 'label' }} placeholder="Chọn nhiệm vụ" />
      </Form.Item>
      <Form.Item label="Nội dung kế hoạch được lồng ghép" name="contentItems" extra="Chọn trong mục Nội dung tuyên truyền của kế hoạch, hoặc gõ rồi nhấn Enter.">
        <Select mode="tags" aria-label="Nội dung kế hoạch được lồng ghép" options={contentOptions} tokenSeparators={[';']} />
      </Form.Item>
    </>
  );
}

const atMost = (what: string) => ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
  validator(_: unknown, value: number | null) {
    const total = Number(getFieldValue('participantsTotal') ?? 0);
    return value !== null && value !== undefined && value > total ? Promise.reject(new Error(`${what} không được lớn hơn tổng số người tham dự (${total}).`)) : Promise.resolve();
  },
});

/** "Ghi sự kiện" / "Sửa sự kiện". */
export function EventFormModal({ open, event, plans, defaultPlanId, units, vocabulary, onClose, onSaved }: Props) {
  const me = useMe();
  const anyUnit = useCan('events.any_unit');

  function submit(v: EventValues) {
    const body = {
      kind: v.kind, title: v.title.trim(), startDate: toYmd(v.startDate), endDate: toYmd(v.endDate), areaId: v.areaId, address: v.address?.trim() || null,
      ...(anyUnit ? { unitId: v.unitId ?? null } : {}), audiences: v.audiences ?? [], participantsTotal: v.participantsTotal ?? 0, participantsWomen: v.participantsWomen ?? 0,
      participantsEthnic: v.participantsEthnic ?? 0, contentItems: v.contentItems ?? [], planId: v.planId ?? null, taskIds: v.planId ? (v.taskIds ?? []) : [], note: v.note?.trim() || null,
    };
    return event ? api.put<OutreachEvent>(`/api/events/${event.id}`, body) : api.post<OutreachEvent>('/api/events', body);
  }

  const initial: Partial<EventValues> = event
    ? {
      kind: event.kind, title: event.title, startDate: dayjs(event.startDate), endDate: dayjs(event.endDate), areaId: event.area.id, address: event.address ?? undefined, unitId: event.unitId ?? undefined,
      audiences: event.audiences, participantsTotal: event.participantsTotal, participantsWomen: event.participantsWomen, participantsEthnic: event.participantsEthnic,
      planId: event.planId ?? undefined, taskIds: event.taskIds, contentItems: event.contentItems, note: event.note ?? undefined,
    }
    : { planId: defaultPlanId, unitId: me.unit?.id, audiences: [], taskIds: [], contentItems: [], participantsTotal: 0, participantsWomen: 0, participantsEthnic: 0 };

  return (
    <FormModal<EventValues, OutreachEvent>
      title={event ? 'Sửa sự kiện' : 'Ghi sự kiện'}
      name="event"
      open={open}
      onClose={onClose}
      onSubmit={submit}
      onSaved={onSaved}
      successMessage={event ? 'Đã lưu sự kiện' : 'Đã ghi sự kiện'}
      initialValues={initial}
      width={760}
    >
      <Form.Item label="Hình thức" name="kind" rules={[{ required: true, message: 'Chọn hình thức.' }]}>
        <Select aria-label="Hình thức" options={vocabulary.kinds.map((k) => ({ value: k.code, label: k.label }))} placeholder="Chọn hình thức" />
      </Form.Item>
      <Form.Item label="Tên sự kiện" name="title" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên sự kiện.' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Space wrap size="large">
        <Form.Item label="Từ ngày" name="startDate" rules={[{ required: true, message: 'Chọn ngày bắt đầu.' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item
          label="Đến ngày"
          name="endDate"
          dependencies={['startDate']}
          rules={[
            { required: true, message: 'Chọn ngày kết thúc.' },
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | undefined) => (value && getFieldValue('startDate') && value.isBefore(getFieldValue('startDate'), 'day') ? Promise.reject(new Error('Ngày kết thúc không được trước ngày bắt đầu.')) : Promise.resolve()),
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
        </Form.Item>
      </Space>
      <CommuneField />
      <Form.Item label="Địa chỉ" name="address">
        <Input maxLength={500} placeholder="Thôn, bản, nhà văn hoá, hội trường…" />
      </Form.Item>
      {anyUnit ? (
        <Form.Item label="Đơn vị tổ chức" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
          <Select aria-label="Đơn vị tổ chức" showSearch={{ optionFilterProp: 'label' }} options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.shortName || u.name }))} />
        </Form.Item>
      ) : (
        <Form.Item label="Đơn vị tổ chức" extra="Sự kiện được ghi cho đơn vị của bạn.">
          <Input aria-label="Đơn vị tổ chức" value={me.unit?.name ?? 'Chưa thuộc đơn vị nào'} disabled />
        </Form.Item>
      )}
      <Form.Item label="Đối tượng" name="audiences">
        <Select mode="multiple" aria-label="Đối tượng" options={vocabulary.audiences.map((a) => ({ value: a.code, label: a.label }))} placeholder="Chọn đối tượng tuyên truyền" />
      </Form.Item>
      <Space wrap size="large">
        <Form.Item label="Số người tham dự" name="participantsTotal" rules={[{ required: true, message: 'Nhập số người tham dự.' }]}>
          <InputNumber min={0} max={1_000_000} precision={0} />
        </Form.Item>
        <Form.Item label="Trong đó nữ" name="participantsWomen" dependencies={['participantsTotal']} rules={[atMost('Số nữ')]}>
          <InputNumber min={0} max={1_000_000} precision={0} />
        </Form.Item>
        <Form.Item label="Người dân tộc thiểu số" name="participantsEthnic" dependencies={['participantsTotal']} rules={[atMost('Số người dân tộc thiểu số')]}>
          <InputNumber min={0} max={1_000_000} precision={0} />
        </Form.Item>
      </Space>
      <PlanTasksFields plans={plans} />
      <Form.Item label="Ghi chú" name="note">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

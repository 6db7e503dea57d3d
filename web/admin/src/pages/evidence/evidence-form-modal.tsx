import { DatePicker, Form, Input, Select, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { api } from '../../api';
import { useCan, useMe } from '../../auth/me-context';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { useApiGet } from '../../hooks/use-api-get';
import { taskLabel, usePlanTasks } from '../../hooks/use-plan-tasks';
import type { Vocabulary } from '../../hooks/use-vocabulary';
import type { PlanSummary, TaskRow, UnitRef } from '../../plan-types';
import type { Evidence } from '../../reporting-types';
import type { Unit, UnitGroup } from '../../types';
import { readImportFile } from '../plans/import/read-file';
import { FilesField } from './files-field';
import { QuantitiesField } from './quantities-field';

interface EvidenceValues {
  planId: string;
  taskIds: string[];
  kind: string;
  date: Dayjs;
  unitId?: string;
  title: string;
  description?: string;
  link?: string;
  quantities?: { measure: string; quantity: number }[];
  files?: UploadFile[];
}

interface Props {
  open: boolean;
  plans: readonly PlanSummary[];
  planId: string | undefined;
  units: readonly Unit[];
  vocabulary: Vocabulary;
  onClose: () => void;
  onSaved: (evidence: Evidence) => void;
}

/** Tasks the unit leads or co-operates on, directly or through a unit group. */
function tasksOfUnit(tasks: readonly TaskRow[], unitId: string, groups: readonly UnitGroup[]): TaskRow[] {
  const covers = (ref: UnitRef) => ref.unitId === unitId || (ref.groupId !== null && groups.some((g) => g.id === ref.groupId && g.unitIds.includes(unitId)));
  return tasks.filter((t) => covers(t.lead) || t.coop.some(covers));
}

/** The plan-dependent inputs: the task list and the year hint follow the plan picked; `children` go between them. */
function TaskSelect({ anyUnit, children }: { anyUnit: boolean; children: ReactNode }) {
  const me = useMe();
  const planId = Form.useWatch<string | undefined>('planId');
  const { tasks, plan } = usePlanTasks(planId);
  const { data: groups } = useApiGet<UnitGroup[]>(anyUnit ? null : '/api/unit-groups');
  const options = useMemo(() => {
    const mine = anyUnit || !me.unit ? tasks : tasksOfUnit(tasks, me.unit.id, groups ?? []);
    return mine.map((t) => ({ value: t.id, label: taskLabel(t, 120) }));
  }, [anyUnit, me.unit, tasks, groups]);
  return (
    <>
      <Form.Item
        label="Nhiệm vụ"
        name="taskIds"
        rules={[{ required: true, message: 'Chọn ít nhất một nhiệm vụ.' }]}
        extra={anyUnit ? undefined : 'Chỉ các nhiệm vụ đơn vị của bạn chủ trì hoặc phối hợp.'}
      >
        <Select mode="multiple" aria-label="Nhiệm vụ" options={options} showSearch={{ optionFilterProp: 'label' }} placeholder="Chọn nhiệm vụ" />
      </Form.Item>
      {children}
      <Form.Item label="Ngày" name="date" rules={[{ required: true, message: 'Chọn ngày.' }]} extra={plan ? `Trong năm ${plan.year} của kế hoạch.` : undefined}>
        <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
      </Form.Item>
    </>
  );
}

function quantitiesOf(rows: EvidenceValues['quantities']): Record<string, number> | undefined {
  if (!rows?.length) return undefined;
  const out: Record<string, number> = {};
  for (const { measure, quantity } of rows) out[measure] = (out[measure] ?? 0) + Number(quantity);
  return out;
}

async function filesOf(files: UploadFile[] | undefined) {
  const picked = (files ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => Boolean(f));
  return Promise.all(picked.map((f) => readImportFile(f)));
}

/** "Ghi minh chứng": one piece of evidence on one or more tasks of a plan. */
export function EvidenceFormModal({ open, plans, planId, units, vocabulary, onClose, onSaved }: Props) {
  const me = useMe();
  const anyUnit = useCan('evidence.any_unit');

  async function submit(values: EvidenceValues) {
    const files = await filesOf(values.files);
    const quantities = quantitiesOf(values.quantities);
    return api.post<Evidence>('/api/evidence', {
      planId: values.planId,
      taskIds: values.taskIds,
      kind: values.kind,
      date: toYmd(values.date),
      ...(anyUnit ? { unitId: values.unitId ?? null } : {}),
      title: values.title.trim(),
      ...(values.description?.trim() ? { description: values.description.trim() } : {}),
      ...(values.link?.trim() ? { link: values.link.trim() } : {}),
      ...(quantities ? { quantities } : {}),
      ...(files.length ? { files } : {}),
    });
  }

  return (
    <FormModal<EvidenceValues, Evidence>
      title="Ghi minh chứng"
      name="evidence"
      open={open}
      onClose={onClose}
      onSubmit={submit}
      onSaved={onSaved}
      successMessage="Đã ghi minh chứng"
      initialValues={{ planId, unitId: me.unit?.id, taskIds: [], quantities: [] }}
      width={720}
    >
      <PlanField plans={plans} />
      <TaskSelect anyUnit={anyUnit}>
        <Form.Item label="Loại" name="kind" rules={[{ required: true, message: 'Chọn loại minh chứng.' }]}>
          <Select aria-label="Loại" options={Object.entries(vocabulary.kinds).map(([value, label]) => ({ value, label }))} placeholder="Chọn loại" />
        </Form.Item>
      </TaskSelect>
      {anyUnit ? (
        <Form.Item label="Đơn vị" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
          <Select
            aria-label="Đơn vị"
            showSearch={{ optionFilterProp: 'label' }}
            options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.shortName || u.name }))}
          />
        </Form.Item>
      ) : (
        <Form.Item label="Đơn vị" extra="Minh chứng được ghi cho đơn vị của bạn.">
          <Input aria-label="Đơn vị" value={me.unit?.name ?? 'Chưa thuộc đơn vị nào'} disabled />
        </Form.Item>
      )}
      <Form.Item label="Tiêu đề" name="title" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tiêu đề.' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item label="Mô tả" name="description">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10_000} />
      </Form.Item>
      <Form.Item label="Liên kết" name="link" rules={[{ pattern: /^https?:\/\/\S+$/, message: 'Liên kết phải bắt đầu bằng http:// hoặc https://.' }]}>
        <Input maxLength={1000} placeholder="https://" />
      </Form.Item>
      <QuantitiesField measures={vocabulary.measures} />
      <FilesField />
    </FormModal>
  );
}

function PlanField({ plans }: { plans: readonly PlanSummary[] }) {
  const form = Form.useFormInstance();
  return (
    <Form.Item label="Kế hoạch" name="planId" rules={[{ required: true, message: 'Chọn kế hoạch.' }]}>
      <Select
        aria-label="Kế hoạch"
        options={plans.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` }))}
        // Tasks belong to one plan: a new plan starts a new choice.
        onChange={() => form.setFieldValue('taskIds', [])}
      />
    </Form.Item>
  );
}

import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Result, Row, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { DemoTag } from '../../components/demo-tag';
import { Page } from '../../components/page';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { formatDate, formatDateTime } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useNotify } from '../../hooks/use-notify';
import { useProcedureVocabulary, type ProcedureLabels } from '../../hooks/use-procedure-vocabulary';
import type { Plan, PlanSummary } from '../../plan-types';
import type { Decision, DecisionInput, ProcedureData } from '../../procedure-types';
import { LinkedTasksField } from '../newsroom/editor/linked-tasks-field';
import { useUnsavedGuard } from '../newsroom/editor/use-unsaved-guard';
import { DecisionFileField, type DecisionFile } from './decision-file-field';
import { DecisionItems, draftKey, itemProblem, needsData, type DraftItem } from './decision-items';
import { DecisionStatusTag, PostingTag } from './decision-tags';
import { PostedButton } from './posted-button';
import { adminPaths } from './procedure-paths';
import './procedures.css';

const UNSAVED = 'Quyết định có thay đổi chưa lưu. Rời trang này và bỏ các thay đổi?';

interface MetaValues {
  numberSymbol: string;
  issuer: string;
  signedOn?: Dayjs;
  effectiveOn?: Dayjs;
  file: DecisionFile | null;
  planId?: string;
  taskIds: string[];
}

/** A decision item as the server answers it; `data` when the server sends the announced text back. */
type ServerItem = Decision['items'][number] & { data?: ProcedureData | null };

/**
 * The rows last saved from this page, by decision: the server does not send the announced texts
 * back, so they survive a save (and the page's switch from "new" to the saved decision) only here.
 */
const savedRows = new Map<string, DraftItem[]>();

/** The rows of a loaded decision; a text the server does not send back is kept from the rows on screen. */
function itemsOf(decision: Decision, current: readonly DraftItem[]): DraftItem[] {
  return (decision.items as ServerItem[]).map((i) => {
    const kept = current.find((c) => c.code.trim() === i.code && c.changeKind === i.changeKind);
    return {
      key: kept?.key ?? draftKey(),
      changeKind: i.changeKind as DraftItem['changeKind'],
      code: i.code,
      replacesCode: i.replacesCode ?? '',
      data: i.data ?? kept?.data ?? null,
      name: i.name,
    };
  });
}

function metaOf(d: Decision): Omit<MetaValues, 'planId'> {
  return { numberSymbol: d.numberSymbol, issuer: d.issuer, signedOn: dayjs(d.signedOn), effectiveOn: dayjs(d.effectiveOn), file: d.file, taskIds: [...d.taskIds] };
}

/** The plan the linked tasks belong to (the decision stores tasks, not their plan): looked up among the agency's plans. */
async function planOfTasks(taskIds: readonly string[]): Promise<string | undefined> {
  if (taskIds.length === 0) return undefined;
  const plans = await api.get<PlanSummary[]>('/api/plans');
  for (const p of [...plans].sort((a, b) => b.year - a.year)) {
    const plan = await api.get<Plan>(`/api/plans/${p.id}`);
    if (plan.tasks.some((t) => t.id === taskIds[0])) return plan.id;
  }
  return undefined;
}

/** What applying will do, one line per row, for the confirm dialog. */
function applyLines(items: readonly DraftItem[]): string[] {
  return items.map((i) => {
    const name = i.data?.name || i.name;
    const named = name ? `${i.code} — ${name}` : i.code;
    switch (i.changeKind) {
      case 'new':
        return `Thêm thủ tục mới ${named}.`;
      case 'amended':
        return `Tạo phiên bản mới (sửa đổi, bổ sung) của thủ tục ${named}.`;
      case 'replaced':
        return `Bãi bỏ thủ tục ${i.replacesCode} và thêm thủ tục thay thế ${named}.`;
      default:
        return `Bãi bỏ thủ tục ${named}: không còn trong danh mục đang hiệu lực, vẫn giữ trong lịch sử.`;
    }
  });
}

interface EditorProps {
  decision: Decision | undefined;
  labels: ProcedureLabels;
  onSaved: (decision: Decision) => void;
}

function DecisionEditor({ decision, labels, onSaved }: EditorProps) {
  const canDecide = useCan('procedures.decide');
  const navigate = useNavigate();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [form] = Form.useForm<MetaValues>();
  const [items, setItems] = useState<DraftItem[]>(() => (decision ? itemsOf(decision, savedRows.get(decision.id) ?? []) : [{ key: draftKey(), changeKind: 'amended', code: '', replacesCode: '', data: null, name: '' }]));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'apply'>();
  useUnsavedGuard(dirty, UNSAVED);

  const editable = canDecide && decision?.status !== 'applied';
  const signedOn = Form.useWatch('signedOn', form);

  // A decision from the server (loaded, saved, applied, posted) is what the page shows.
  const shown = useRef<Decision>(undefined);
  useEffect(() => {
    if (!decision || shown.current === decision) return;
    const first = shown.current?.id !== decision.id;
    shown.current = decision;
    form.setFieldsValue(metaOf(decision));
    setItems((current) => itemsOf(decision, current));
    setDirty(false);
    if (first && decision.taskIds.length > 0) {
      planOfTasks(decision.taskIds).then(
        (planId) => planId && form.setFieldValue('planId', planId),
        () => undefined,
      );
    }
  }, [decision, form]);

  function changeItems(next: DraftItem[]) {
    setItems(next);
    setDirty(true);
  }

  /** Saves the decision; the saved decision, or undefined (problems shown) when it failed. */
  async function save(): Promise<Decision | undefined> {
    let values: MetaValues;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true) as MetaValues;
    } catch {
      notify.failed(new Error('Vui lòng kiểm tra các trường được đánh dấu đỏ.'));
      return undefined;
    }
    if (items.length === 0) {
      notify.failed(new Error('Quyết định cần ít nhất một thủ tục.'));
      return undefined;
    }
    const problems = items.map((i, n) => [n + 1, itemProblem(i)] as const).filter(([, p]) => p);
    if (problems.length) {
      notify.failed(new Error(problems.map(([n, p]) => `Dòng ${n}: ${p}`).join('; ') + '.'));
      return undefined;
    }
    const body: DecisionInput = {
      numberSymbol: values.numberSymbol.trim(),
      issuer: values.issuer.trim(),
      signedOn: toYmd(values.signedOn!),
      effectiveOn: toYmd(values.effectiveOn!),
      fileId: values.file?.fileId ?? null,
      items: items.map((i) => ({
        changeKind: i.changeKind,
        code: i.code.trim(),
        replacesCode: i.changeKind === 'replaced' ? i.replacesCode.trim() : null,
        data: needsData(i.changeKind) && i.data ? { ...i.data, code: i.code.trim() } : null,
      })),
      taskIds: values.taskIds ?? [],
    };
    setBusy('save');
    try {
      const saved = decision ? await api.put<Decision>(`/api/procedure-decisions/${decision.id}`, body) : await api.post<Decision>('/api/procedure-decisions', body);
      savedRows.set(saved.id, items);
      setDirty(false);
      notify.saved('Đã lưu quyết định');
      onSaved(saved);
      if (!decision) navigate(adminPaths.decision(saved.id), { replace: true });
      return saved;
    } catch (error) {
      notify.failed(error);
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }

  async function apply() {
    const current = dirty || !decision ? await save() : decision;
    if (!current) return;
    const taskCount = (form.getFieldValue('taskIds') as string[] | undefined)?.length ?? 0;
    modal.confirm({
      title: `Áp dụng Quyết định ${current.numberSymbol} vào danh mục?`,
      width: 640,
      content: (
        <div className="apply-summary">
          <p>
            Từ ngày hiệu lực <strong>{formatDate(current.effectiveOn)}</strong>, danh mục thủ tục hành chính (và cổng thông tin) sẽ:
          </p>
          <ul>
            {applyLines(items).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>
            {taskCount > 0
              ? `Ghi minh chứng “công bố, cập nhật thủ tục hành chính” cho ${taskCount} nhiệm vụ đã liên kết.`
              : 'Chưa liên kết nhiệm vụ nào của kế hoạch: sẽ không ghi minh chứng.'}
          </p>
          <p>
            Hạn công khai, niêm yết: {formatDate(current.postingDueOn)}. Sau khi áp dụng, quyết định không sửa được nữa; phiên bản cũ của các thủ tục vẫn giữ trong lịch sử.
          </p>
        </div>
      ),
      okText: 'Áp dụng',
      cancelText: 'Hủy',
      onOk: async () => {
        setBusy('apply');
        try {
          const applied = await api.post<Decision>(`/api/procedure-decisions/${current.id}/apply`);
          notify.saved('Đã áp dụng quyết định vào danh mục');
          onSaved(applied);
        } catch (error) {
          notify.failed(error);
        } finally {
          setBusy(undefined);
        }
      },
    });
  }

  const title = decision ? `Quyết định ${decision.numberSymbol}` : 'Thêm quyết định công bố';
  const signedYear = signedOn ? signedOn.year() : undefined;

  return (
    <Page
      title={title}
      extra={
        <Space wrap>
          {editable && (
            <Button type={decision ? 'default' : 'primary'} onClick={() => void save()} loading={busy === 'save'}>
              {decision ? 'Lưu' : 'Lưu bản nháp'}
            </Button>
          )}
          {editable && decision && (
            <Button type="primary" onClick={() => void apply()} loading={busy === 'apply'}>
              Áp dụng vào danh mục
            </Button>
          )}
          {canDecide && decision && !decision.postedOn && <PostedButton decision={decision} onPosted={onSaved} />}
        </Space>
      }
    >
      <Space wrap className="procedure-meta">
        <Link to={adminPaths.decisions}>← Quyết định công bố</Link>
        {decision && <DecisionStatusTag status={decision.status} />}
        {decision && <PostingTag decision={decision} />}
        {decision && <span>Hạn niêm yết {formatDate(decision.postingDueOn)}</span>}
        {decision?.appliedAt && <Typography.Text type="secondary">Áp dụng lúc {formatDateTime(decision.appliedAt)}</Typography.Text>}
        {decision?.isDemo && <DemoTag />}
        {dirty && <Typography.Text type="warning">Có thay đổi chưa lưu</Typography.Text>}
      </Space>
      {decision?.postingOverdue && (
        <Alert type="error" showIcon title={`Quá hạn niêm yết: hạn công khai, niêm yết các thủ tục của quyết định là ${formatDate(decision.postingDueOn)}.`} />
      )}
      {decision?.status === 'applied' && (
        <Alert
          type="success"
          showIcon
          title={`Đã áp dụng vào danh mục, hiệu lực từ ${formatDate(decision.effectiveOn)}.`}
          description="Quyết định đã áp dụng không sửa được. Muốn thay đổi tiếp, nhập một quyết định mới."
        />
      )}

      <Form<MetaValues> form={form} name="decision" layout="vertical" disabled={!editable} initialValues={{ numberSymbol: '', issuer: '', file: null, taskIds: [] }} onValuesChange={() => setDirty(true)}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card title="Quyết định">
              <div className="form-row">
                <Form.Item label="Số, ký hiệu" name="numberSymbol" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số, ký hiệu.' }]}>
                  <Input maxLength={100} placeholder="Ví dụ: 123/QĐ-UBND" style={{ width: 240 }} />
                </Form.Item>
                <Form.Item label="Ngày ký" name="signedOn" rules={[{ required: true, message: 'Vui lòng chọn ngày ký.' }]}>
                  <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
                </Form.Item>
                <Form.Item
                  label="Ngày hiệu lực"
                  name="effectiveOn"
                  dependencies={['signedOn']}
                  rules={[
                    { required: true, message: 'Vui lòng chọn ngày hiệu lực.' },
                    ({ getFieldValue }) => ({
                      validator: (_, value: Dayjs | undefined) => {
                        const signed = getFieldValue('signedOn') as Dayjs | undefined;
                        return value && signed && value.isBefore(signed, 'day') ? Promise.reject(new Error('Ngày hiệu lực không được trước ngày ký.')) : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
                </Form.Item>
              </div>
              <Form.Item label="Cơ quan ban hành" name="issuer" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập cơ quan ban hành.' }]}>
                <Input maxLength={300} placeholder="Ủy ban nhân dân tỉnh" />
              </Form.Item>
              <Form.Item label="Tệp quyết định" name="file">
                <DecisionFileField readOnly={!editable} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card title="Nhiệm vụ liên quan">
              <LinkedTasksField
                readOnly={!editable}
                extra="Khi áp dụng quyết định, việc công bố, cập nhật thủ tục được ghi làm minh chứng cho các nhiệm vụ này."
                evidenceYear={signedYear}
                yearWarning={(planYear, year) => `Kế hoạch năm ${planYear}, quyết định ký năm ${year}: minh chứng có thể không được nhận cho kế hoạch của năm khác.`}
              />
            </Card>
          </Col>
        </Row>
      </Form>

      <Card title={`Các thủ tục trong quyết định (${items.length})`}>
        <DecisionItems items={items} onChange={changeItems} labels={labels} readOnly={!editable} />
      </Card>
    </Page>
  );
}

/** `/procedures/decisions/new` and `/procedures/decisions/:id`: a decision, its procedures, applying and posting it. */
export function DecisionPage() {
  const { id } = useParams();
  const labels = useProcedureVocabulary();
  const { data, failed, reload, setData } = useApiGet<Decision>(id ? `/api/procedure-decisions/${id}` : null);
  if (!id) return <DecisionEditor key="new" decision={undefined} labels={labels} onSaved={setData} />;
  if (data && data.id === id) return <DecisionEditor key={id} decision={data} labels={labels} onSaved={setData} />;
  if (failed) {
    return (
      <Page title="Quyết định công bố">
        <Result
          status="error"
          title="Không tải được quyết định"
          extra={
            <Space>
              <Button onClick={reload}>Thử lại</Button>
              <Link to={adminPaths.decisions}>Về danh sách quyết định</Link>
            </Space>
          }
        />
      </Page>
    );
  }
  return <Spin />;
}

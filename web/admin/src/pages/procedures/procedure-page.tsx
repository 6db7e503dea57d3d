import { Alert, Button, Card, DatePicker, Form, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api';
import { useCan } from '../../auth/me-context';
import { DemoTag } from '../../components/demo-tag';
import { Page } from '../../components/page';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { formatDate } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useNotify } from '../../hooks/use-notify';
import { useProcedureVocabulary, type ProcedureLabels } from '../../hooks/use-procedure-vocabulary';
import { TAG_COLORS } from '../../layout/theme';
import type { Procedure } from '../../procedure-types';
import { useUnsavedGuard } from '../newsroom/editor/use-unsaved-guard';
import { OnlineLevelTag } from './online-level-tag';
import { ProcedureFields } from './procedure-fields';
import { dataOf, EMPTY_VALUES, valuesOf, type ProcedureValues } from './procedure-model';
import { adminPaths, publicPaths } from './procedure-paths';
import { ProcessEditor } from './process-editor';
import { VersionHistory } from './version-history';
import './procedures.css';

const UNSAVED = 'Thủ tục có thay đổi chưa lưu. Rời trang này và bỏ các thay đổi?';
/** Fields the server may name in a 400 ("data.name"), when they are fields of the form as they are. */
const SIMPLE_FIELDS = new Set(['code', 'name', 'field', 'level', 'implementingAgency', 'processingDays', 'applicants', 'result', 'conditions']);

interface EditorProps {
  procedure: Procedure | undefined;
  /** The day whose text is shown, when not today (then nothing is edited). */
  asOf: string | undefined;
  labels: ProcedureLabels;
  onSaved: (procedure: Procedure) => void;
  onShowDay: (day: string | undefined) => void;
}

function ProcedureEditor({ procedure, asOf, labels, onSaved, onShowDay }: EditorProps) {
  const canWrite = useCan('procedures.write');
  const navigate = useNavigate();
  const notify = useNotify();
  const [form] = Form.useForm<ProcedureValues>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [effectiveFrom, setEffectiveFrom] = useState<Dayjs>(() => dayjs());
  const [tab, setTab] = useState('content');
  useUnsavedGuard(dirty, UNSAVED);

  const editable = canWrite && !asOf;

  // The form shows what the server answered last (a save, another version); the same version again never undoes typing.
  const shown = useRef<string>(undefined);
  useEffect(() => {
    if (!procedure) return;
    const key = `${procedure.code}:${procedure.versionNo}:${asOf ?? ''}`;
    if (shown.current === key) return;
    shown.current = key;
    form.setFieldsValue(valuesOf(procedure.data));
    setDirty(false);
  }, [procedure, asOf, form]);

  async function save() {
    try {
      await form.validateFields();
    } catch {
      setTab('content');
      notify.failed(new Error('Vui lòng kiểm tra các trường được đánh dấu đỏ.'));
      return;
    }
    const data = dataOf({ ...EMPTY_VALUES, ...(form.getFieldsValue(true) as Partial<ProcedureValues>) });
    if (procedure) data.code = procedure.code;
    setSaving(true);
    try {
      const saved = await api.post<Procedure>('/api/procedures', { data, effectiveFrom: toYmd(effectiveFrom) });
      setDirty(false);
      if (procedure && saved.versionNo === procedure.versionNo && saved.effectiveFrom === procedure.effectiveFrom) {
        notify.saved('Không có thay đổi so với phiên bản đang hiệu lực: không tạo phiên bản mới.');
      } else {
        notify.saved(`Đã lưu phiên bản ${saved.versionNo}, hiệu lực từ ${formatDate(saved.effectiveFrom)}`);
      }
      onSaved(saved);
      if (!procedure) navigate(adminPaths.procedure(saved.code), { replace: true });
    } catch (error) {
      if (error instanceof ApiError) {
        const onForm = error.fieldProblems
          .map((p) => ({ name: p.field.split(/[./]/).filter(Boolean).filter((x) => x !== 'data')[0] ?? '', errors: [p.message] }))
          .filter((p) => SIMPLE_FIELDS.has(p.name));
        if (onForm.length) form.setFields(onForm as Parameters<typeof form.setFields>[0]);
      }
      notify.failed(error);
    } finally {
      setSaving(false);
    }
  }

  const title = procedure ? procedure.name : 'Thêm thủ tục';
  const fieldNames = labels.fields.map((f) => f.name);

  const content = (
    <Form<ProcedureValues>
      form={form}
      name="procedure"
      layout="vertical"
      initialValues={procedure ? valuesOf(procedure.data) : { ...EMPTY_VALUES, channels: { ...EMPTY_VALUES.channels, in_person: { enabled: true, processingTime: '', fee: 'Không', description: '' } } }}
      onValuesChange={() => setDirty(true)}
      disabled={!editable}
    >
      <ProcedureFields fieldNames={fieldNames} levels={labels.levels} codeLocked={procedure !== undefined} readOnly={!editable} />
    </Form>
  );

  return (
    <Page
      title={title}
      extra={
        editable &&
        (!procedure || tab === 'content') && (
          <Space wrap>
            <label className="inline-label" htmlFor="procedure-effective-from">
              Hiệu lực từ ngày
            </label>
            <DatePicker id="procedure-effective-from" format={DATE_FORMAT} allowClear={false} value={effectiveFrom} onChange={(d) => d && setEffectiveFrom(d)} />
            <Button type="primary" onClick={() => void save()} loading={saving}>
              {procedure ? 'Lưu phiên bản mới' : 'Lưu thủ tục'}
            </Button>
          </Space>
        )
      }
    >
      <Space wrap className="procedure-meta">
        <Link to={adminPaths.catalog}>← Danh mục TTHC</Link>
        {procedure && <span>Mã {procedure.code}</span>}
        {procedure && <span>Phiên bản {procedure.versionNo}</span>}
        {procedure && <span>Hiệu lực từ {formatDate(procedure.effectiveFrom)}</span>}
        {procedure && (procedure.current ? <Tag color={TAG_COLORS.green}>Đang hiệu lực</Tag> : <Tag color={TAG_COLORS.red}>Không còn hiệu lực</Tag>)}
        {procedure && <OnlineLevelTag level={procedure.onlineLevel} label={labels.onlineLevelLabel(procedure.onlineLevel)} />}
        {procedure?.isDemo && <DemoTag />}
        {procedure && !asOf && (
          <a href={publicPaths.procedure(procedure.code)} target="_blank" rel="noopener noreferrer">
            Xem trên cổng thông tin
          </a>
        )}
        {procedure?.current && !asOf && (
          <>
            <a href={publicPaths.postingSheet(procedure.code)} target="_blank" rel="noopener noreferrer">
              In phiếu niêm yết
            </a>
            <a href={publicPaths.postingSheetPdf(procedure.code)} target="_blank" rel="noopener noreferrer">
              Phiếu niêm yết (PDF)
            </a>
          </>
        )}
        {dirty && <Typography.Text type="warning">Có thay đổi chưa lưu</Typography.Text>}
      </Space>

      {asOf && (
        <Alert
          type="info"
          showIcon
          title={`Đang xem nội dung có hiệu lực ngày ${formatDate(asOf)} (chỉ xem).`}
          action={
            <Button size="small" onClick={() => onShowDay(undefined)}>
              Về nội dung hiện hành
            </Button>
          }
        />
      )}
      {procedure && !procedure.current && !asOf && (
        <Alert
          type="warning"
          showIcon
          title="Thủ tục đã bị bãi bỏ hoặc thay thế: không còn trong danh mục đang hiệu lực."
          description="Đây là nội dung cuối cùng trước khi bãi bỏ. Lưu phiên bản mới sẽ đưa thủ tục trở lại danh mục từ ngày hiệu lực đã chọn."
        />
      )}
      {editable && procedure && (
        <Typography.Text type="secondary">
          Mỗi lần lưu tạo một phiên bản mới, có hiệu lực từ ngày đã chọn; phiên bản trước vẫn giữ trong lịch sử. Thay đổi theo quyết định công bố nên nhập ở mục “Quyết định công bố”.
        </Typography.Text>
      )}

      {procedure ? (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'content', label: 'Nội dung thủ tục', children: content, forceRender: true },
              {
                key: 'process',
                label: 'Quy trình nội bộ',
                children: <ProcessEditor procedure={procedure} readOnly={!canWrite} onSaved={onSaved} />,
              },
              {
                key: 'versions',
                label: `Lịch sử phiên bản (${procedure.versions.length})`,
                children: <VersionHistory procedure={procedure} labels={labels} onShow={onShowDay} />,
              },
            ]}
          />
        </Card>
      ) : (
        content
      )}
    </Page>
  );
}

/** `/procedures/new` and `/procedures/catalog/:code` (`?asOf=` for the text of a past day): content, internal process, versions. */
export function ProcedurePage() {
  const { code } = useParams();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const labels = useProcedureVocabulary();
  const { data, failed, reload, setData } = useApiGet<Procedure>(code ? `/api/procedures/${encodeURIComponent(code)}` : null, { asOf });

  function showDay(day: string | undefined) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (day) next.set('asOf', day);
        else next.delete('asOf');
        return next;
      },
      { replace: false },
    );
  }

  function saved(procedure: Procedure) {
    setData(procedure);
    labels.reloadFields();
  }

  if (!code) return <ProcedureEditor key="new" procedure={undefined} asOf={undefined} labels={labels} onSaved={saved} onShowDay={showDay} />;
  if (data && data.code === code) return <ProcedureEditor key={code} procedure={data} asOf={asOf} labels={labels} onSaved={saved} onShowDay={showDay} />;
  if (failed) {
    return (
      <Page title="Thủ tục hành chính">
        <Result
          status="error"
          title="Không tải được thủ tục"
          extra={
            <Space>
              <Button onClick={reload}>Thử lại</Button>
              <Link to={adminPaths.catalog}>Về danh mục TTHC</Link>
            </Space>
          }
        />
      </Page>
    );
  }
  return <Spin />;
}

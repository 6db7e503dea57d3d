import { Button, Card, Result, Space, Spin, Steps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../api';
import { useCan } from '../../../auth/me-context';
import { Page } from '../../../components/page';
import { errorText, useNotify } from '../../../hooks/use-notify';
import type { ImportFile, ImportPreview, Plan, PlanDocument } from '../../../plan-types';
import { reviewWarnings, warningCount } from './review-model';
import { ReviewStep } from './review-step';
import { SaveStep } from './save-step';
import { SourceStep } from './source-step';

const STEPS = [{ title: 'Chọn tệp' }, { title: 'Kiểm tra' }, { title: 'Lưu' }];

interface Reading {
  preview: ImportPreview;
  file: ImportFile | undefined;
  /** The document as the user corrected it; `preview.document` stays as read. */
  document: PlanDocument;
}

/** Asks before leaving the page (reload, close, typed address) while a read plan is unsaved. */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

/** Import wizard: read a signed plan, let the user check and correct it, then save it as a draft. */
export function ImportPlanPage() {
  const canImport = useCan('plans.import');
  const navigate = useNavigate();
  const notify = useNotify();
  const [step, setStep] = useState(0);
  const [reading, setReading] = useState<Reading>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const validateMeta = useRef<() => Promise<unknown>>(undefined);
  useLeaveWarning(reading !== undefined && !saving);

  const warnings = useMemo(() => reading && reviewWarnings(reading.preview.document, reading.document), [reading]);
  const onValidator = useCallback((validate: () => Promise<unknown>) => {
    validateMeta.current = validate;
  }, []);
  const onChange = useCallback((update: (doc: PlanDocument) => PlanDocument) => {
    setReading((r) => r && { ...r, document: update(r.document) });
  }, []);

  if (!canImport) {
    return <Result status="403" title="Không có quyền truy cập" subTitle="Tài khoản của bạn không được phép nhập kế hoạch." />;
  }

  function read(preview: ImportPreview, file: ImportFile | undefined) {
    setReading({ preview, file, document: preview.document });
    setSaveError(undefined);
    setStep(1);
  }

  async function toSave() {
    try {
      await validateMeta.current?.();
    } catch {
      return; // The form shows what is missing.
    }
    setStep(2);
  }

  async function save() {
    if (!reading || !warnings) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const document = { ...reading.document, title: reading.document.title.trim(), warnings: [] };
      const plan = await api.post<Plan>('/api/plans/import', { document, ...(reading.file ? { file: reading.file } : {}) });
      notify.saved('Đã lưu kế hoạch (dự thảo)');
      navigate(`/plans/${plan.id}`);
    } catch (error) {
      setSaveError(errorText(error));
      setSaving(false);
    }
  }

  return (
    <Page title="Nhập kế hoạch">
      <Card>
        <Steps current={step} items={STEPS} className="import-steps" />
        {step === 0 && <SourceStep onRead={read} />}
        {step === 1 && reading && warnings && (
          <>
            <ReviewStep preview={reading.preview} document={reading.document} warnings={warnings} onChange={onChange} onValidator={onValidator} />
            <Space className="step-actions">
              <Button onClick={() => setStep(0)}>Chọn tệp khác</Button>
              <Button type="primary" onClick={toSave}>
                Tiếp tục
              </Button>
            </Space>
          </>
        )}
        {step === 2 && reading && warnings && (
          <Spin spinning={saving} description="Đang lưu kế hoạch…">
            <SaveStep document={reading.document} file={reading.file} remainingWarnings={warningCount(warnings)} error={saveError} />
            <Space className="step-actions">
              <Button onClick={() => setStep(1)} disabled={saving}>
                Quay lại kiểm tra
              </Button>
              <Button type="primary" onClick={save} loading={saving}>
                Lưu kế hoạch
              </Button>
            </Space>
          </Spin>
        )}
      </Card>
    </Page>
  );
}

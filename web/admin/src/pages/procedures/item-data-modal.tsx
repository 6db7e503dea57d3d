import { Alert, Form, Input, Modal, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ProcedureLabels } from '../../hooks/use-procedure-vocabulary';
import type { ProcedureData } from '../../procedure-types';
import { ProcedureFields } from './procedure-fields';
import { dataOf, EMPTY_DATA, EMPTY_VALUES, parseProcedureJson, procedureJson, valuesOf, type ProcedureValues } from './procedure-model';

interface Props {
  open: boolean;
  /** The row's code: the data's code follows it. */
  code: string;
  data: ProcedureData | null;
  labels: ProcedureLabels;
  onClose: () => void;
  onDone: (data: ProcedureData) => void;
}

/**
 * The procedure as a decision announces it: the same fields as the catalog in one column, or
 * pasted as JSON (e.g. one entry of the catalog's JSON export).
 */
export function ItemDataModal({ open, code, data, labels, onClose, onDone }: Props) {
  const [form] = Form.useForm<ProcedureValues>();
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string>();

  useEffect(() => {
    if (!open) return;
    const start = data ?? { ...EMPTY_DATA, code };
    form.setFieldsValue({ ...EMPTY_VALUES, ...valuesOf({ ...start, code }) });
    setJson(procedureJson({ ...start, code }));
    setJsonError(undefined);
    setTab('form');
  }, [open, data, code, form]);

  function switchTab(next: string) {
    // What was typed on one side carries over to the other.
    if (next === 'json') {
      setJson(procedureJson({ ...dataOf({ ...EMPTY_VALUES, ...(form.getFieldsValue(true) as Partial<ProcedureValues>) }), code }));
      setJsonError(undefined);
    } else {
      try {
        form.setFieldsValue(valuesOf({ ...parseProcedureJson(json), code }));
      } catch (error) {
        setJsonError((error as Error).message);
        return;
      }
    }
    setTab(next as 'form' | 'json');
  }

  async function done() {
    if (tab === 'json') {
      try {
        onDone({ ...parseProcedureJson(json), code });
      } catch (error) {
        setJsonError((error as Error).message);
      }
      return;
    }
    try {
      await form.validateFields();
    } catch {
      return;
    }
    onDone({ ...dataOf({ ...EMPTY_VALUES, ...(form.getFieldsValue(true) as Partial<ProcedureValues>) }), code });
  }

  return (
    <Modal title={`Nội dung thủ tục ${code}`} open={open} width={920} okText="Xong" cancelText="Hủy" onOk={() => void done()} onCancel={onClose} destroyOnHidden={false} forceRender>
      <Tabs
        activeKey={tab}
        onChange={switchTab}
        items={[
          {
            key: 'form',
            label: 'Nhập theo biểu mẫu',
            forceRender: true,
            children: (
              <Form<ProcedureValues> form={form} name="decision-item-data" layout="vertical">
                <ProcedureFields fieldNames={labels.fields.map((f) => f.name)} levels={labels.levels} codeLocked compact />
              </Form>
            ),
          },
          {
            key: 'json',
            label: 'Dán JSON',
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  Dán một thủ tục dạng JSON (ví dụ một mục của tệp JSON xuất từ danh mục). Mã thủ tục lấy theo dòng của quyết định: {code}.
                </Typography.Paragraph>
                <Input.TextArea aria-label="Nội dung thủ tục dạng JSON" value={json} onChange={(e) => setJson(e.target.value)} autoSize={{ minRows: 14, maxRows: 28 }} className="json-input" spellCheck={false} />
                {jsonError && <Alert className="json-error" type="error" showIcon title={jsonError} />}
              </>
            ),
          },
        ]}
      />
    </Modal>
  );
}

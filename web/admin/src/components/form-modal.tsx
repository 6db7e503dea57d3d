import { Form, Modal, type FormInstance } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { useNotify } from '../hooks/use-notify';

export interface FormModalProps<V, R> {
  title: string;
  /** Prefixes the input ids, so two forms on one page never share an id. */
  name: string;
  open: boolean;
  initialValues?: Partial<V>;
  onClose: () => void;
  onSubmit: (values: V) => Promise<R>;
  /** Called with what `onSubmit` resolved to, after the modal closed. */
  onSaved?: (result: R) => void;
  successMessage?: string;
  /** Wider dialogs for long forms; antd's default otherwise. */
  width?: number;
  /** The confirm button's text; "Lưu" unless the dialog does something else (e.g. "Trả lại"). */
  okText?: string;
  children: ReactNode;
}

/** A modal holding one form: "Lưu" validates and submits, server field errors land on their fields. */
export function FormModal<V extends object, R = unknown>(props: FormModalProps<V, R>) {
  const { title, name, open, initialValues, onClose, onSubmit, onSaved, successMessage, width, okText = 'Lưu', children } = props;
  // No shared form instance: each opening mounts a fresh form (the modal is destroyed when hidden),
  // so the values of the last opening can never leak into the next one's initial values.
  const formRef = useRef<FormInstance<V>>(null);
  const [saving, setSaving] = useState(false);
  const notify = useNotify();

  async function save(values: V) {
    setSaving(true);
    try {
      const result = await onSubmit(values);
      notify.saved(successMessage);
      onClose();
      onSaved?.(result);
    } catch (error) {
      showFieldProblems(error);
      notify.failed(error);
    } finally {
      setSaving(false);
    }
  }

  function showFieldProblems(error: unknown) {
    const form = formRef.current;
    if (!form || !(error instanceof ApiError)) return;
    const fields = new Set(Object.keys(form.getFieldsValue()));
    // The server names nested fields "roles.0"; the form knows only "roles".
    const onForm = error.fieldProblems
      .map((p) => ({ name: p.field.split('.')[0] ?? p.field, errors: [p.message] }))
      .filter((p) => fields.has(p.name));
    if (onForm.length) form.setFields(onForm as Parameters<typeof form.setFields>[0]);
  }

  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => formRef.current?.submit()}
      onCancel={onClose}
      width={width}
      destroyOnHidden
    >
      <Form<V> ref={formRef} name={name} layout="vertical" initialValues={initialValues} onFinish={save} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}

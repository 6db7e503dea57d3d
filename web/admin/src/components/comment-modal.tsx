import { Form, Input } from 'antd';
import { FormModal } from './form-modal';

interface Props<R> {
  title: string;
  /** Prefixes the input id. */
  name: string;
  label: string;
  /** The message shown when a required comment is left empty; none makes it optional. */
  requiredMessage?: string;
  open: boolean;
  intro?: string;
  successMessage?: string;
  okText?: string;
  onClose: () => void;
  onSubmit: (comment: string) => Promise<R>;
  onSaved?: (result: R) => void;
}

/** A dialog asking for one text (a reason, a comment) before a write. */
export function CommentModal<R>({ title, name, label, requiredMessage, open, intro, successMessage, okText, onClose, onSubmit, onSaved }: Props<R>) {
  return (
    <FormModal<{ comment?: string }, R>
      title={title}
      name={name}
      open={open}
      onClose={onClose}
      onSubmit={(values) => onSubmit(values.comment?.trim() ?? '')}
      onSaved={onSaved}
      successMessage={successMessage}
      okText={okText}
    >
      {intro && <p>{intro}</p>}
      <Form.Item label={label} name="comment" rules={requiredMessage ? [{ required: true, whitespace: true, message: requiredMessage }] : []}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

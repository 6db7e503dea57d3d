import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';

/** Addresses a body link may point to: the web, e-mail, telephone, or a page of this site. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:|tel:)\S+$/i.test(href) || (href.startsWith('/') && !href.startsWith('//'));
}

interface Props {
  open: boolean;
  initial: string;
  onClose: () => void;
  /** An address, or '' to remove the link. */
  onDone: (href: string) => void;
}

/** Asks for a link's address; an empty one removes the link. */
export function LinkModal({ open, initial, onClose, onDone }: Props) {
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (open) {
      setHref(initial);
      setError(undefined);
    }
  }, [open, initial]);

  function ok() {
    const value = href.trim();
    if (value && !isSafeHref(value)) {
      setError('Liên kết phải bắt đầu bằng http://, https://, mailto:, tel: hoặc / (trang trong cổng).');
      return;
    }
    onDone(value);
    onClose();
  }

  return (
    <Modal title="Chèn liên kết" open={open} onOk={ok} onCancel={onClose} okText="Đồng ý" cancelText="Hủy" destroyOnHidden>
      <Form layout="vertical" onFinish={ok}>
        <Form.Item label="Địa chỉ liên kết" htmlFor="link-href" validateStatus={error ? 'error' : undefined} help={error ?? 'Để trống để bỏ liên kết.'}>
          <Input id="link-href" value={href} onChange={(e) => setHref(e.target.value)} placeholder="https://" autoFocus onPressEnter={ok} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Form, Input, Modal } from 'antd';
import { useCallback, useState } from 'react';
import { Cancelled } from '../../../hooks/use-notify';

interface Pending {
  resolve: (reason: string) => void;
  reject: (error: Cancelled) => void;
}

function ReasonModal({ pending, onDone }: { pending: Pending | undefined; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      title="Lý do điều chỉnh"
      open={pending !== undefined}
      okText="Xác nhận"
      cancelText="Hủy"
      // Above the edit dialog that asked for it.
      zIndex={1100}
      onOk={() => form.submit()}
      onCancel={() => {
        pending?.reject(new Cancelled());
        onDone();
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        name="change-reason"
        layout="vertical"
        preserve={false}
        onFinish={({ reason }) => {
          pending?.resolve(reason.trim());
          onDone();
        }}
      >
        <p>Kế hoạch đã được phê duyệt: mỗi thay đổi được ghi thành một phiên bản mới kèm lý do.</p>
        <Form.Item label="Lý do điều chỉnh" name="reason" rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi lý do điều chỉnh.' }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Asks "Lý do điều chỉnh" before a change to a plan that has left draft. `ask` resolves to the
 * reason (undefined when none is needed) or rejects with `Cancelled`; render `modal` once.
 */
export function useReasonPrompt(needed: boolean) {
  const [pending, setPending] = useState<Pending>();
  const ask = useCallback(
    (): Promise<string | undefined> => (needed ? new Promise<string>((resolve, reject) => setPending({ resolve, reject })) : Promise.resolve(undefined)),
    [needed],
  );
  const modal = <ReasonModal pending={pending} onDone={() => setPending(undefined)} />;
  return { ask, modal };
}

export type AskReason = () => Promise<string | undefined>;

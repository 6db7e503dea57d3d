import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useNotify } from '../../hooks/use-notify';
import { fileProblem, readBase64 } from '../newsroom/uploads';
import type { AreaImportReport } from './event-types';

const TYPES = '.xlsx,.csv';
const MAX_BYTES = 10 * 1024 * 1024;

/** Imports the province's list of administrative areas; a file with a bad row writes nothing and is reported by row. */
export function AreasImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const notify = useNotify();
  const [report, setReport] = useState<AreaImportReport>();
  const [busy, setBusy] = useState(false);

  function close() {
    setReport(undefined);
    onClose();
  }

  async function send(file: File) {
    const problem = fileProblem(file, TYPES, MAX_BYTES);
    if (problem) return notify.failed(new Error(problem));
    setBusy(true);
    try {
      const result = await api.post<AreaImportReport>('/api/events/areas/import', { name: file.name, base64: await readBase64(file) });
      setReport(result);
      if (result.written) {
        notify.saved(result.message);
        onImported();
      }
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="Nhập danh sách đơn vị hành chính" open={open} onCancel={close} footer={<Button onClick={close}>Đóng</Button>} width={820} destroyOnHidden>
      <Space orientation="vertical" size="middle" className="full-width">
        <Typography.Paragraph type="secondary">
          Tệp XLSX hoặc CSV (UTF-8) có dòng tiêu đề với các cột: Mã, Tên, Cấp (Tỉnh, Huyện, Xã/Phường/Thị trấn), Mã cấp trên, Hiệu lực từ, Hiệu lực đến, Thay bằng (mã đơn vị mới). Ngày ghi dd/mm/yyyy.
          Ví dụ: các xã trước sắp xếp có &quot;Hiệu lực đến&quot; 01/07/2025 và &quot;Thay bằng&quot; mã xã mới; xã mới có &quot;Hiệu lực từ&quot; 01/07/2025. Tệp có dòng lỗi không được nhập dòng nào.
        </Typography.Paragraph>
        <Upload.Dragger accept={TYPES} maxCount={1} showUploadList={false} disabled={busy} beforeUpload={(file) => (void send(file), false)}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>Kéo thả hoặc bấm để chọn tệp XLSX, CSV</p>
        </Upload.Dragger>
        {report && <Alert type={report.written ? 'success' : 'error'} title={report.message} showIcon />}
        {report && report.warnings.length > 0 && (
          <Alert type="warning" showIcon title="Lưu ý (đã nhập, hãy kiểm tra)" description={<ul>{report.warnings.slice(0, 50).map((w) => <li key={w}>{w}</li>)}</ul>} />
        )}
        {report && report.errors.length > 0 && (
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.message}`}
            dataSource={report.errors}
            pagination={report.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 70 },
              { title: 'Lỗi', dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}

import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useNotify } from '../../hooks/use-notify';
import { FileDrop } from '../../components/file-drop';
import { readBase64 } from '../newsroom/uploads';
import type { IndexImportReport } from './index-types';

const TYPES = '.xlsx';
const MAX_BYTES = 2 * 1024 * 1024;

/** Imports index values from the XLSX template: all rows or none, errors listed by row. */
export function IndexImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const notify = useNotify();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<IndexImportReport>();
  const [busy, setBusy] = useState(false);

  async function send() {
    if (!file) return;
    setBusy(true);
    try {
      const result = await api.post<IndexImportReport>('/api/indices/import', { name: file.name, base64: await readBase64(file) });
      setReport(result);
      if (result.written) {
        notify.saved(`Đã nhập ${result.created} giá trị chỉ số`);
        onImported();
      }
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title="Nhập chỉ số từ tệp Excel"
      open
      width={820}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{report?.written ? 'Đóng' : 'Hủy'}</Button>
          {!report?.written && (
            <Button type="primary" disabled={!file || busy} loading={busy} onClick={() => void send()}>
              Kiểm tra và nhập
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" className="full-width">
        <Typography.Paragraph type="secondary">
          Tệp XLSX theo <a href="/api/indices/template.xlsx" download>tệp mẫu</a>, mỗi dòng một giá trị: Chỉ số (PAR Index, PCI, PAPI, SIPAS, Chỉ số CCHC của cơ quan), Thành phần (để trống là tổng điểm), Năm, Giá trị (ví dụ 88,54), Xếp hạng, Trên tổng số, Nguồn, Đường dẫn nguồn. Tệp còn dòng lỗi hoặc trùng giá trị đã có thì không ghi gì.
        </Typography.Paragraph>
        <FileDrop
          accept={TYPES}
          maxBytes={MAX_BYTES}
          file={file}
          prompt="Bấm hoặc kéo tệp XLSX vào đây"
          hint="Tối đa 2 MB."
          onPick={(picked) => {
            setFile(picked);
            setReport(undefined);
          }}
        />
        {report && (
          <div aria-live="polite">
            {report.written ? (
              <Alert type="success" showIcon title={`Đã nhập ${report.created} giá trị.`} />
            ) : (
              <Alert type="error" showIcon title={`Chưa nhập: tệp có ${report.errors.length} lỗi trong ${report.dataRows} dòng số liệu. Sửa tệp rồi chọn lại.`} />
            )}
            {report.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.message}`}
                dataSource={report.errors}
                pagination={false}
                columns={[
                  { title: 'Dòng', dataIndex: 'row', width: 70, render: (r: number | null) => r ?? '—' },
                  { title: 'Lỗi', dataIndex: 'message' },
                ]}
              />
            )}
          </div>
        )}
      </Space>
    </Modal>
  );
}

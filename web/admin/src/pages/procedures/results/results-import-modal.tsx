import { Alert, Button, DatePicker, Form, Modal, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api';
import { useNotify } from '../../../hooks/use-notify';
import type { ResultsImportReport } from '../../../procedure-types';
import { FileDrop } from '../../../components/file-drop';
import { readBase64 } from '../../newsroom/uploads';
import { FIGURES, monthText } from './figures';

const RESULT_TYPES = '.xlsx,.csv';
const MAX_RESULT_BYTES = 10 * 1024 * 1024;

type Issue = ResultsImportReport['errors'][number];

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (months: string[]) => void;
}

function IssueTable({ issues, caption }: { issues: Issue[]; caption: string }) {
  return (
    <Table<Issue & { key: number }>
      size="small"
      rowKey="key"
      title={() => caption}
      dataSource={issues.map((i, key) => ({ ...i, key }))}
      pagination={issues.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { title: 'Dòng', dataIndex: 'row', width: 70, render: (r: number | null) => r ?? '—' },
        { title: 'Cột', dataIndex: 'column', width: 200, render: (c: string | null) => c ?? '—' },
        { title: 'Nội dung', dataIndex: 'message' },
      ]}
    />
  );
}

/**
 * Imports the one-stop software's XLSX/CSV export: a clean file is written at once; a file with
 * errors writes nothing and is reported row by row, then may be imported without its bad rows.
 */
export function ResultsImportModal({ open, onClose, onImported }: Props) {
  const notify = useNotify();
  const [file, setFile] = useState<File>();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [report, setReport] = useState<ResultsImportReport>();
  const [busy, setBusy] = useState<'import' | 'skip'>();

  function close() {
    setFile(undefined);
    setMonth(null);
    setReport(undefined);
    onClose();
  }

  async function send(skipBadRows: boolean) {
    if (!file) return;
    setBusy(skipBadRows ? 'skip' : 'import');
    try {
      const result = await api.post<ResultsImportReport>('/api/service-stats/import', {
        name: file.name,
        base64: await readBase64(file),
        ...(month ? { month: month.format('YYYY-MM') } : {}),
        skipBadRows,
      });
      setReport(result);
      if (result.written) {
        notify.saved(`Đã nhập ${result.created + result.updated} dòng số liệu (${result.created} mới, ${result.updated} cập nhật)`);
        onImported(result.months);
      }
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(undefined);
    }
  }

  const canSkip = report !== undefined && !report.written && report.badRows > 0 && report.goodRows > 0;

  return (
    <Modal
      title="Nhập kết quả giải quyết từ tệp"
      open={open}
      width={900}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={close}>{report?.written ? 'Đóng' : 'Hủy'}</Button>
          {canSkip && (
            <Button danger loading={busy === 'skip'} onClick={() => void send(true)}>
              Nhập, bỏ qua dòng lỗi
            </Button>
          )}
          {!report?.written && (
            <Button type="primary" disabled={!file || busy !== undefined} loading={busy === 'import'} onClick={() => void send(false)}>
              Kiểm tra và nhập
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" className="full-width">
        <Typography.Paragraph type="secondary" className="import-hint">
          Tệp XLSX hoặc CSV xuất từ phần mềm một cửa điện tử, mỗi dòng số liệu một tháng của một thủ tục (theo mã) hoặc một lĩnh vực. Tệp không có lỗi được nhập ngay; tệp có lỗi không ghi gì và hiện lỗi theo từng dòng.
          Các cột: Tháng, Mã thủ tục hoặc Lĩnh vực, {FIGURES.map((f) => f.label).join(', ')}.
        </Typography.Paragraph>
        <FileDrop
          accept={RESULT_TYPES}
          maxBytes={MAX_RESULT_BYTES}
          file={file}
          prompt="Bấm hoặc kéo tệp XLSX, CSV vào đây"
          hint="Tối đa 10 MB."
          onPick={(picked) => {
            setFile(picked);
            setReport(undefined);
          }}
        />
        <Form layout="inline">
          <Form.Item label="Tháng của số liệu (khi tệp không có cột Tháng)" htmlFor="results-import-month">
            <DatePicker id="results-import-month" picker="month" format="MM/YYYY" value={month} onChange={setMonth} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
          </Form.Item>
        </Form>
        {report && (
          <div aria-live="polite" className="import-report">
            {report.written ? (
              <Alert
                type={report.unbalanced > 0 || report.badRows > 0 ? 'warning' : 'success'}
                showIcon
                title={`Đã nhập ${report.created} dòng mới, cập nhật ${report.updated} dòng${report.months.length ? `, tháng ${report.months.map(monthText).join(', ')}` : ''}.`}
                description={[
                  report.badRows > 0 ? `Bỏ qua ${report.badRows} dòng lỗi.` : '',
                  report.unbalanced > 0 ? `${report.unbalanced} dòng số liệu không cân đối: đã được đánh dấu để kiểm tra lại.` : '',
                ]
                  .filter(Boolean)
                  .join(' ') || undefined}
              />
            ) : (
              <Alert
                type="error"
                showIcon
                title={`Chưa nhập: tệp có ${report.errors.length} lỗi ở ${report.badRows} dòng (${report.goodRows} dòng hợp lệ trong ${report.dataRows} dòng số liệu).`}
                description={report.goodRows > 0 ? 'Sửa tệp rồi chọn lại, hoặc “Nhập, bỏ qua dòng lỗi” để chỉ nhập các dòng hợp lệ.' : 'Sửa tệp rồi chọn lại.'}
              />
            )}
            {report.errors.length > 0 && <IssueTable issues={report.errors} caption="Lỗi" />}
            {report.warnings.length > 0 && <IssueTable issues={report.warnings} caption="Lưu ý" />}
          </div>
        )}
      </Space>
    </Modal>
  );
}

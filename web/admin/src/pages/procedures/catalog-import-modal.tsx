import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Space, Table, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { useNotify } from '../../hooks/use-notify';
import type { CatalogImportReport } from '../../procedure-types';
import { fileProblem, readBase64 } from '../newsroom/uploads';

const CATALOG_TYPES = '.xlsx,.csv,.json';
const MAX_CATALOG_BYTES = 20 * 1024 * 1024;

type ReportRow = CatalogImportReport['rows'][number];

interface Values {
  effectiveFrom: Dayjs;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

async function send(file: File, effectiveFrom: Dayjs | undefined, opts: { dryRun: boolean; skipBadRows: boolean }): Promise<CatalogImportReport> {
  return api.post<CatalogImportReport>('/api/procedures/import', { name: file.name, base64: await readBase64(file), effectiveFrom: toYmd(effectiveFrom ?? dayjs()), ...opts });
}

/** How many rows the report counts as bad: rows skipped when bad rows are skipped (none when the file itself is unreadable). */
const badRowsOf = (r: CatalogImportReport) => (r.fileProblems.length > 0 ? 0 : r.skipped);

/**
 * "Nhập từ tệp": the picked file is checked first (nothing written) and its report shown row by
 * row; "Nhập" then writes it when it is clean, "Nhập, bỏ qua dòng lỗi" writes only its good rows.
 */
export function CatalogImportModal({ open, onClose, onImported }: Props) {
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<CatalogImportReport>();

  function close() {
    setFile(undefined);
    setReport(undefined);
    onClose();
  }

  async function submit(values: Values): Promise<CatalogImportReport> {
    if (!file) throw new Error('Vui lòng chọn tệp danh mục.');
    const result = await send(file, values.effectiveFrom, { dryRun: false, skipBadRows: false });
    if (!result.written) {
      setReport(result);
      throw new Error(result.fileProblems.length > 0 || result.skipped > 0 ? 'Chưa nhập: tệp còn lỗi. Xem báo cáo theo dòng.' : 'Không có gì mới để nhập.');
    }
    return result;
  }

  return (
    <FormModal<Values, CatalogImportReport>
      title="Nhập danh mục từ tệp"
      name="catalog-import"
      open={open}
      width={880}
      okText="Nhập"
      initialValues={{ effectiveFrom: dayjs() }}
      onClose={close}
      onSubmit={submit}
      onSaved={() => {
        setFile(undefined);
        setReport(undefined);
        onImported();
      }}
      successMessage="Đã nhập danh mục thủ tục"
    >
      <ImportBody
        file={file}
        report={report}
        onFile={setFile}
        onReport={setReport}
        onSkipped={() => {
          close();
          onImported();
        }}
      />
    </FormModal>
  );
}

interface BodyProps {
  file: File | undefined;
  report: CatalogImportReport | undefined;
  onFile: (file: File) => void;
  onReport: (report: CatalogImportReport | undefined) => void;
  /** After the good rows were imported without the bad ones. */
  onSkipped: () => void;
}

/** The file, the effective date, the check's report and the import without bad rows (inside the dialog's form). */
function ImportBody({ file, report, onFile, onReport, onSkipped }: BodyProps) {
  const form = Form.useFormInstance<Values>();
  const notify = useNotify();
  const [busy, setBusy] = useState<'check' | 'skip'>();

  async function check(picked: File) {
    setBusy('check');
    onReport(undefined);
    try {
      // Checked as if bad rows were skipped, so the report also counts what the good rows would do.
      onReport(await send(picked, form.getFieldValue('effectiveFrom') as Dayjs | undefined, { dryRun: true, skipBadRows: true }));
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(undefined);
    }
  }

  async function importGoodRows() {
    if (!file) return;
    setBusy('skip');
    try {
      const result = await send(file, form.getFieldValue('effectiveFrom') as Dayjs | undefined, { dryRun: false, skipBadRows: true });
      if (!result.written) {
        onReport(result);
        notify.failed(new Error('Chưa nhập được: không còn dòng hợp lệ nào.'));
        return;
      }
      notify.saved(`Đã nhập ${result.created} thủ tục mới, ${result.changed} cập nhật; bỏ qua ${result.skipped} dòng lỗi`);
      onSkipped();
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(undefined);
    }
  }

  const badRows = report ? badRowsOf(report) : 0;
  const toWrite = (report?.created ?? 0) + (report?.changed ?? 0);
  const canSkip = report !== undefined && report.fileProblems.length === 0 && badRows > 0 && toWrite > 0;

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Typography.Paragraph type="secondary" className="import-hint">
        Tệp XLSX hoặc CSV theo mẫu (lấy mẫu bằng nút “Xuất”: mỗi dòng một thủ tục, tiêu đề cột tiếng Việt), hoặc JSON. Tệp được kiểm tra ngay khi chọn; chưa có gì được ghi cho tới khi bấm “Nhập”. Thủ tục
        đã có mà nội dung khác sẽ có phiên bản mới từ ngày hiệu lực dưới đây.
      </Typography.Paragraph>
      <Upload.Dragger
        accept={CATALOG_TYPES}
        maxCount={1}
        showUploadList={false}
        beforeUpload={(picked) => {
          const problem = fileProblem(picked, CATALOG_TYPES, MAX_CATALOG_BYTES);
          if (problem) notify.failed(new Error(problem));
          else {
            onFile(picked);
            void check(picked);
          }
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? `Đã chọn: ${file.name}` : 'Bấm hoặc kéo tệp XLSX, CSV, JSON vào đây'}</p>
        <p className="ant-upload-hint">Tối đa 20 MB.</p>
      </Upload.Dragger>
      <div className="form-row">
        <Form.Item label="Hiệu lực từ ngày" name="effectiveFrom" rules={[{ required: true, message: 'Chọn ngày hiệu lực.' }]}>
          <DatePicker format={DATE_FORMAT} allowClear={false} />
        </Form.Item>
        {file && (
          <Form.Item label=" ">
            <Button onClick={() => void check(file)} loading={busy === 'check'}>
              Kiểm tra lại
            </Button>
          </Form.Item>
        )}
      </div>
      {busy === 'check' && <Typography.Text type="secondary">Đang kiểm tra tệp…</Typography.Text>}
      {report && <ImportReportView report={report} badRows={badRows} />}
      {canSkip && (
        <Button danger loading={busy === 'skip'} onClick={() => void importGoodRows()}>
          Nhập, bỏ qua dòng lỗi
        </Button>
      )}
    </Space>
  );
}

function ImportReportView({ report, badRows }: { report: CatalogImportReport; badRows: number }) {
  const fileBroken = report.fileProblems.length > 0;
  return (
    <div className="import-report" aria-live="polite">
      {fileBroken ? (
        <Alert
          type="error"
          showIcon
          title="Tệp không đọc được theo mẫu"
          description={
            <ul className="warning-list">
              {report.fileProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert
          type={badRows > 0 ? 'warning' : 'success'}
          showIcon
          title={`Tệp ${report.format.toUpperCase()}: ${report.created} thủ tục thêm mới, ${report.changed} thủ tục có phiên bản mới, ${report.unchanged} thủ tục không đổi${badRows > 0 ? `, ${badRows} dòng lỗi` : ''}.`}
          description={
            badRows > 0
              ? 'Sửa tệp rồi chọn lại, hoặc “Nhập, bỏ qua dòng lỗi” để chỉ nhập các dòng đúng.'
              : report.created + report.changed === 0
                ? 'Không có gì mới để nhập: danh mục đã giống tệp.'
                : 'Tệp hợp lệ. Bấm “Nhập” để ghi vào danh mục.'
          }
        />
      )}
      {report.rows.length > 0 && (
        <Table<ReportRow>
          className="import-report-table"
          size="small"
          rowKey="row"
          pagination={report.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          dataSource={report.rows}
          columns={[
            { title: 'Dòng', dataIndex: 'row', width: 70 },
            { title: 'Mã thủ tục', dataIndex: 'code', width: 140, render: (code: string | null) => code ?? '—' },
            {
              title: 'Vấn đề',
              key: 'problems',
              render: (_, r) => (
                <ul className="problem-list">
                  {r.problems.map((p, i) => (
                    <li key={i} className={p.message.startsWith('Lưu ý:') ? 'problem-warning' : 'problem-error'}>
                      {p.column ? <strong>{p.column}: </strong> : null}
                      {p.message}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

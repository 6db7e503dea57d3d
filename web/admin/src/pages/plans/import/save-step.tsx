import { Alert, Descriptions } from 'antd';
import { formatDate } from '../../../format';
import type { ImportFile, PlanDocument } from '../../../plan-types';

interface Props {
  document: PlanDocument;
  file: ImportFile | undefined;
  remainingWarnings: number;
  error: string | undefined;
}

/** Step 3: what will be saved, as a new draft plan. */
export function SaveStep({ document, file, remainingWarnings, error }: Props) {
  return (
    <div className="page-stack">
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'title', label: 'Trích yếu', children: document.title },
          { key: 'year', label: 'Năm', children: document.year ?? '—' },
          { key: 'number', label: 'Số ký hiệu', children: document.numberText || '—' },
          { key: 'date', label: 'Ngày ký', children: formatDate(document.signDate) || '—' },
          { key: 'sections', label: 'Số mục', children: document.sections.length },
          { key: 'groups', label: 'Số nhóm nhiệm vụ', children: document.appendix?.groups.length ?? 0 },
          { key: 'tasks', label: 'Số nhiệm vụ', children: document.appendix?.tasks.length ?? 0 },
          { key: 'file', label: 'Tệp gốc', children: file?.name ?? 'Không có (nội dung dán vào)' },
        ]}
      />
      {remainingWarnings > 0 && (
        <Alert
          type="info"
          showIcon
          title={`Còn ${remainingWarnings} cảnh báo chưa xử lý.`}
          description="Vẫn có thể lưu: kế hoạch được lưu ở trạng thái Dự thảo, các dòng còn vướng được đánh dấu để sửa tiếp trên trang kế hoạch."
        />
      )}
      {error && <Alert type="error" showIcon title="Không lưu được kế hoạch" description={error} />}
    </div>
  );
}

import { Button, Card, Descriptions, Space, Spin, Tag } from 'antd';
import { useCan } from '../../auth/me-context';
import { formatPercent, formatQuantities } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { TAG_COLORS } from '../../layout/theme';
import type { Consolidated } from '../../reporting-types';
import { DraftEditModal } from './draft-edit-modal';
import { FinalizeModal } from './finalize-modal';

/** The agency's report of the period: a draft computed from evidence until it is issued with a number. */
export function ConsolidatedCard({ periodId }: { periodId: string }) {
  const canReview = useCan('reports.review');
  const { data, setData } = useApiGet<Consolidated>(`/api/periods/${periodId}/consolidated`);
  const finalizer = useModalTarget<void>();
  const editor = useModalTarget<void>();
  const base = `/api/periods/${periodId}/consolidated/file`;
  const doc = data?.document;
  return (
    <Card
      title="Báo cáo tổng hợp của cơ quan"
      extra={data && (data.final ? <Tag color={TAG_COLORS.green}>Đã ban hành số {data.numberText}</Tag> : <Tag>Dự thảo</Tag>)}
    >
      {doc ? (
        <Space orientation="vertical" size="middle" className="full-width">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'title', label: 'Trích yếu', children: doc.title },
              { key: 'totals', label: 'Kết quả trong kỳ', children: formatQuantities(doc.totals, (m) => doc.measureLabels[m] ?? m) },
              { key: 'rate', label: 'Tỉ lệ hoàn thành đúng hạn', children: formatPercent(doc.completionRate) },
              { key: 'units', label: 'Báo cáo đơn vị đã đưa vào', children: doc.units.length ? doc.units.map((u) => u.name).join(', ') : 'Chưa có (chỉ đưa vào báo cáo đã gửi hoặc đã tiếp nhận)' },
            ]}
          />
          <Space wrap>
            <Button href={`${base}?format=docx`} download>
              {data.final ? 'Tải báo cáo DOCX' : 'Tải dự thảo DOCX'}
            </Button>
            <Button href={`${base}?format=xlsx`} download>
              Tải phụ lục XLSX
            </Button>
            {canReview && !data.final && <Button onClick={() => editor.openFor()}>Sửa lời văn</Button>}
            {canReview && !data.final && (
              <Button type="primary" onClick={() => finalizer.openFor()}>
                Ban hành
              </Button>
            )}
          </Space>
        </Space>
      ) : (
        <Spin />
      )}
      {doc && <DraftEditModal open={editor.open} periodId={periodId} document={doc} onClose={editor.close} onSaved={setData} />}
      {doc && <FinalizeModal open={finalizer.open} periodId={periodId} draftNumber={doc.numberText} onClose={finalizer.close} onSaved={setData} />}
    </Card>
  );
}

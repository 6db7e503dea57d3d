import { Button, Card, DatePicker, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../auth/me-context';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { formatDate } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { AreasImportModal } from './areas-import-modal';
import type { Area } from './event-types';
import { useEventsVocabulary } from './use-events-vocabulary';

/** The province's administrative areas as of a day (effective-dated: the 2025 reorganisation merged communes). */
export function AreasPage() {
  const canImport = useCan('events.areas');
  const vocabulary = useEventsVocabulary();
  const [on, setOn] = useState<Dayjs | null>(null);
  const [level, setLevel] = useState<string>();
  const list = useApiGet<Area[]>('/api/events/areas', { on: on ? toYmd(on) : undefined, level });
  const importer = useModalTarget<void>();
  return (
    <Page
      title="Đơn vị hành chính"
      extra={
        canImport && (
          <Button type="primary" onClick={() => importer.openFor()}>
            Nhập từ tệp
          </Button>
        )
      }
    >
      <Card>
        <Space wrap className="filter-bar">
          <DatePicker aria-label="Có hiệu lực ngày" format={DATE_FORMAT} placeholder="Có hiệu lực ngày" value={on} onChange={setOn} />
          <Select aria-label="Lọc theo cấp" placeholder="Mọi cấp" allowClear value={level} onChange={setLevel} options={vocabulary.levels.map((l) => ({ value: l.code, label: l.label }))} style={{ width: 200 }} />
        </Space>
        <Table<Area>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data ?? []}
          locale={emptyTextFor(list.failed)}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { title: 'Mã', dataIndex: 'code', width: 120 },
            { title: 'Tên', key: 'name', render: (_, a) => <Space wrap>{a.name}{a.isDemo && <DemoTag />}</Space> },
            { title: 'Cấp', key: 'level', width: 170, render: (_, a) => vocabulary.levelLabel(a.level) },
            { title: 'Cấp trên', dataIndex: 'parentCode', width: 110, render: (v: string | null) => v ?? '—' },
            { title: 'Hiệu lực từ', key: 'from', width: 120, render: (_, a) => formatDate(a.effectiveFrom) },
            { title: 'Hiệu lực đến', key: 'to', width: 120, render: (_, a) => (a.effectiveTo ? formatDate(a.effectiveTo) : '—') },
            { title: 'Thay bằng', dataIndex: 'replacedBy', width: 110, render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      <AreasImportModal open={importer.open} onClose={importer.close} onImported={list.reload} />
    </Page>
  );
}

import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { formatDate, formatNumber } from '../../format';
import type { OutreachEvent } from './event-types';
import type { EventsVocabularyLookup } from './use-events-vocabulary';

interface Props {
  rows: OutreachEvent[];
  loading: boolean;
  failed: boolean;
  vocabulary: EventsVocabularyLookup;
  unitName: (id: string | null) => string;
  taskName: (id: string) => string;
  canChange: (row: OutreachEvent) => boolean;
  onEdit: (row: OutreachEvent) => void;
  onFiles: (row: OutreachEvent) => void;
  onDelete: (row: OutreachEvent) => void;
}

const dates = (e: OutreachEvent) => (e.startDate === e.endDate ? formatDate(e.startDate) : `${formatDate(e.startDate)} – ${formatDate(e.endDate)}`);

export function EventTable({ rows, loading, failed, vocabulary, unitName, taskName, canChange, onEdit, onFiles, onDelete }: Props) {
  return (
    <Table<OutreachEvent>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      locale={emptyTextFor(failed)}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { title: 'Ngày', key: 'date', width: 130, render: (_, e) => dates(e) },
        {
          title: 'Sự kiện',
          key: 'title',
          render: (_, e) => (
            <Space orientation="vertical" size={2}>
              <span>{e.title}</span>
              <Space size={4} wrap>
                <Tag>{vocabulary.kindLabel(e.kind)}</Tag>
                {e.isDemo && <DemoTag />}
              </Space>
            </Space>
          ),
        },
        { title: 'Xã, phường', key: 'area', width: 200, render: (_, e) => e.area.name },
        { title: 'Đơn vị', key: 'unit', width: 120, render: (_, e) => unitName(e.unitId) },
        { title: 'Tham dự (nữ / DTTS)', key: 'people', width: 150, render: (_, e) => `${formatNumber(e.participantsTotal)} (${formatNumber(e.participantsWomen)} / ${formatNumber(e.participantsEthnic)})` },
        { title: 'Nhiệm vụ', key: 'tasks', render: (_, e) => (e.taskIds.length ? e.taskIds.map(taskName).join('; ') : 'Chưa gắn nhiệm vụ') },
        {
          title: 'Thao tác',
          key: 'actions',
          width: 200,
          render: (_, e) =>
            canChange(e) ? (
              <Space size={0} wrap>
                <Button type="link" onClick={() => onEdit(e)}>
                  Sửa
                </Button>
                <Button type="link" onClick={() => onFiles(e)}>
                  Tài liệu ({e.files.length})
                </Button>
                <Popconfirm title="Xoá sự kiện này?" description="Minh chứng của sự kiện sẽ được rút khỏi tiến độ và báo cáo." okText="Xoá" cancelText="Hủy" onConfirm={() => onDelete(e)}>
                  <Button type="link" danger>
                    Xoá
                  </Button>
                </Popconfirm>
              </Space>
            ) : (
              <Button type="link" onClick={() => onFiles(e)}>
                Tài liệu ({e.files.length})
              </Button>
            ),
        },
      ]}
    />
  );
}

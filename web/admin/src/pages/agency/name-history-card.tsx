import { Button, Card, DatePicker, Form, Input, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { useCan } from '../../auth/me-context';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toYmd } from '../../date-input';
import { formatDate } from '../../format';
import { TAG_COLORS } from '../../layout/theme';
import type { Agency, NameVersion } from '../../types';

interface NewName {
  validFrom: Dayjs;
  name: string;
  shortName: string;
  abbreviation: string;
  parentName?: string;
  place: string;
  source?: string;
}

const required = (what: string) => [{ required: true, whitespace: true, message: `Vui lòng nhập ${what}.` }];

export function NameHistoryCard({ agency, onSaved }: { agency: Agency; onSaved: (agency: Agency) => void }) {
  const canWrite = useCan('org.agency.write');
  const [adding, setAdding] = useState(false);

  const columns: TableColumnsType<NameVersion> = [
    {
      title: 'Tên',
      dataIndex: 'name',
      render: (name: string, row: NameVersion) => (
        <>
          {name} {row.id === agency.current.id && <Tag color={TAG_COLORS.green}>Hiện hành</Tag>}
        </>
      ),
    },
    { title: 'Tên ngắn', dataIndex: 'shortName' },
    { title: 'Viết tắt', dataIndex: 'abbreviation' },
    { title: 'Cơ quan chủ quản', dataIndex: 'parentName', render: (v: string | null) => v ?? '—' },
    { title: 'Địa danh', dataIndex: 'place' },
    { title: 'Hiệu lực từ', dataIndex: 'validFrom', render: (v: string | null) => formatDate(v) || 'Từ đầu' },
    { title: 'Đến', dataIndex: 'validTo', render: (v: string | null) => formatDate(v) || 'Nay' },
    { title: 'Nguồn', dataIndex: 'source', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card
      title="Lịch sử tên gọi"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setAdding(true)}>
            Thêm tên mới
          </Button>
        )
      }
    >
      <Table<NameVersion> rowKey="id" columns={columns} dataSource={agency.names} pagination={false} scroll={{ x: true }} size="middle" />
      <FormModal<NewName, Agency>
        title="Thêm tên mới"
        name="agency-name"
        open={adding}
        onClose={() => setAdding(false)}
        initialValues={{ parentName: agency.current.parentName ?? undefined, place: agency.current.place }}
        onSubmit={({ validFrom, parentName, source, ...rest }) =>
          api.post<Agency>('/api/agency/names', { ...rest, validFrom: toYmd(validFrom), parentName: parentName?.trim() || null, source: source?.trim() || null })
        }
        onSaved={onSaved}
      >
        <Form.Item label="Hiệu lực từ" name="validFrom" rules={[{ required: true, message: 'Vui lòng chọn ngày hiệu lực.' }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Tên" name="name" rules={required('tên cơ quan')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label="Tên ngắn" name="shortName" rules={required('tên ngắn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="Viết tắt" name="abbreviation" rules={required('tên viết tắt')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="Cơ quan chủ quản" name="parentName">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label="Địa danh" name="place" rules={required('địa danh')} extra="Dùng trong dòng địa danh, ngày tháng của văn bản.">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="Nguồn" name="source" extra="Ví dụ: số, ngày của quyết định đổi tên.">
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

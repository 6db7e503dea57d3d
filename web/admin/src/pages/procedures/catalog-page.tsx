import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/me-context';
import { DemoTag } from '../../components/demo-tag';
import { emptyTextFor } from '../../components/load-failed';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { useApiGet } from '../../hooks/use-api-get';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useProcedureVocabulary } from '../../hooks/use-procedure-vocabulary';
import type { Paged } from '../../newsroom-types';
import type { ProcedureSummary } from '../../procedure-types';
import { useListParams } from '../newsroom/use-list-params';
import { CatalogFilters, type CatalogFilter } from './catalog-filters';
import { CatalogImportModal } from './catalog-import-modal';
import { ExportButton } from './export-button';
import { OnlineLevelTag } from './online-level-tag';
import { adminPaths } from './procedure-paths';
import './procedures.css';

const PAGE_SIZE = 50;
const FILTER_KEYS = ['q', 'field', 'level', 'onlineLevel', 'asOf'] as const;

/** "Danh mục TTHC": the procedures in force (today or on a chosen day), filtered; import, export, add. */
export function CatalogPage() {
  const canWrite = useCan('procedures.write');
  const navigate = useNavigate();
  const labels = useProcedureVocabulary();
  const { filter, page, setFilter, setPage } = useListParams<CatalogFilter & Record<string, string | undefined>>(FILTER_KEYS);
  const list = useApiGet<Paged<ProcedureSummary>>('/api/procedures', { ...filter, page, pageSize: PAGE_SIZE });
  const importer = useModalTarget<undefined>();

  const columns: TableColumnsType<ProcedureSummary> = [
    {
      title: 'Mã thủ tục',
      dataIndex: 'code',
      width: 130,
      render: (code: string) => <Link to={adminPaths.procedure(code) + (filter.asOf ? `?asOf=${filter.asOf}` : '')}>{code}</Link>,
    },
    {
      title: 'Tên thủ tục',
      dataIndex: 'name',
      render: (name: string, p) => (
        <>
          {name} {p.isDemo && <DemoTag />}
        </>
      ),
    },
    { title: 'Lĩnh vực', dataIndex: 'field', width: 170 },
    { title: 'Cấp thực hiện', dataIndex: 'level', width: 110 },
    {
      title: 'Mức độ trực tuyến',
      dataIndex: 'onlineLevel',
      width: 140,
      render: (level: string | null) => <OnlineLevelTag level={level} label={labels.onlineLevelLabel(level)} />,
    },
    { title: 'Phiên bản', dataIndex: 'versionNo', width: 85, align: 'right' },
    { title: 'Hiệu lực từ', dataIndex: 'effectiveFrom', width: 110, render: (d: string) => formatDate(d) },
  ];

  const filtered = Object.entries(filter).some(([k, v]) => k !== 'asOf' && v);
  return (
    <Page
      title="Danh mục TTHC"
      extra={
        <Space wrap>
          {canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => importer.openFor()}>
              Nhập từ tệp
            </Button>
          )}
          <ExportButton asOf={filter.asOf} />
          {canWrite && (
            <Button type="primary" onClick={() => navigate(adminPaths.newProcedure)}>
              Thêm thủ tục
            </Button>
          )}
        </Space>
      }
    >
      <Card>
        <CatalogFilters value={filter} onChange={setFilter} labels={labels} />
        {filter.asOf && (
          <Alert
            className="filter-bar"
            type="info"
            showIcon
            title={`Danh mục như đang có hiệu lực ngày ${formatDate(filter.asOf)}.`}
            action={
              <Button size="small" onClick={() => setFilter({ asOf: undefined })}>
                Về hôm nay
              </Button>
            }
          />
        )}
        <Table<ProcedureSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={emptyTextFor(list.failed) ?? { emptyText: filtered ? 'Không có thủ tục nào khớp bộ lọc' : 'Danh mục chưa có thủ tục nào' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (n) => `${n} thủ tục`,
          }}
          scroll={{ x: 1000 }}
        />
      </Card>
      <CatalogImportModal
        open={importer.open}
        onClose={importer.close}
        onImported={() => {
          list.reload();
          labels.reloadFields();
        }}
      />
    </Page>
  );
}

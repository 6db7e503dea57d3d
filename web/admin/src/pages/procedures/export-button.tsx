import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { withQuery } from '../../api';

const FORMATS = [
  { key: 'xlsx', label: 'Excel (XLSX)' },
  { key: 'csv', label: 'CSV (UTF-8)' },
  { key: 'json', label: 'JSON' },
] as const;

/** "Xuất": the catalog (as of `asOf`, today by default) in the documented template, as a download. */
export function ExportButton({ asOf }: { asOf?: string }) {
  return (
    <Dropdown
      menu={{
        items: FORMATS.map((f) => ({
          key: f.key,
          label: (
            <a href={withQuery('/api/procedures/export', { format: f.key, asOf })} download>
              {f.label}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>Xuất</Button>
    </Dropdown>
  );
}

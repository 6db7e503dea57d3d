import { Button, Result, Spin } from 'antd';
import { Page } from '../../components/page';
import { useApiGet } from '../../hooks/use-api-get';
import type { Agency } from '../../types';
import { ContactCard } from './contact-card';
import { NameHistoryCard } from './name-history-card';

export function AgencyPage() {
  const { data: agency, failed, reload, setData } = useApiGet<Agency>('/api/agency');
  let content;
  if (agency) {
    content = (
      <>
        <ContactCard agency={agency} onSaved={setData} />
        <NameHistoryCard agency={agency} onSaved={setData} />
      </>
    );
  } else if (failed) {
    content = <Result status="error" title="Không tải được thông tin cơ quan" extra={<Button onClick={reload}>Thử lại</Button>} />;
  } else {
    content = <Spin />;
  }
  return <Page title="Cơ quan">{content}</Page>;
}

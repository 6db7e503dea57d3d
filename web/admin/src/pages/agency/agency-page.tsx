import { Spin } from 'antd';
import { Page } from '../../components/page';
import { useApiGet } from '../../hooks/use-api-get';
import type { Agency } from '../../types';
import { ContactCard } from './contact-card';
import { NameHistoryCard } from './name-history-card';

export function AgencyPage() {
  const { data: agency, loading, setData } = useApiGet<Agency>('/api/agency');
  return (
    <Page title="Cơ quan">
      {agency ? (
        <>
          <ContactCard agency={agency} onSaved={setData} />
          <NameHistoryCard agency={agency} onSaved={setData} />
        </>
      ) : (
        <Spin spinning={loading} />
      )}
    </Page>
  );
}

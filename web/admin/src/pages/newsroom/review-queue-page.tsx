import { Card } from 'antd';
import { useState } from 'react';
import { Page } from '../../components/page';
import { useApiGet } from '../../hooks/use-api-get';
import { useNewsroomVocabulary } from '../../hooks/use-newsroom-vocabulary';
import type { ArticleSummary, Paged } from '../../newsroom-types';
import { ArticleTable, PAGE_SIZE } from './article-table';
import './newsroom.css';

/** "Chờ duyệt": articles sent for approval, and force-published ones nobody has reviewed yet. */
export function ReviewQueuePage() {
  const labels = useNewsroomVocabulary();
  const [submittedPage, setSubmittedPage] = useState(1);
  const [forcedPage, setForcedPage] = useState(1);
  const submitted = useApiGet<Paged<ArticleSummary>>('/api/articles', { status: 'submitted', page: submittedPage, pageSize: PAGE_SIZE });
  const forced = useApiGet<Paged<ArticleSummary>>('/api/articles', { needsReview: true, page: forcedPage, pageSize: PAGE_SIZE });
  return (
    <Page title="Chờ duyệt">
      <Card title={`Bài gửi duyệt${submitted.data ? ` (${submitted.data.total})` : ''}`}>
        <ArticleTable
          rows={submitted.data?.items ?? []}
          total={submitted.data?.total ?? 0}
          page={submittedPage}
          onPage={setSubmittedPage}
          loading={submitted.loading}
          failed={submitted.failed}
          labels={labels}
          emptyText="Không có bài nào chờ duyệt"
        />
      </Card>
      <Card title={`Bài đăng khẩn cần xem lại${forced.data ? ` (${forced.data.total})` : ''}`}>
        <ArticleTable
          rows={forced.data?.items ?? []}
          total={forced.data?.total ?? 0}
          page={forcedPage}
          onPage={setForcedPage}
          loading={forced.loading}
          failed={forced.failed}
          labels={labels}
          timeColumn="published"
          emptyText="Không có bài đăng khẩn nào chờ xem lại"
        />
      </Card>
    </Page>
  );
}

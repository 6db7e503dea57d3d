import { Card, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Page } from '../../components/page';
import { useApiGet } from '../../hooks/use-api-get';
import { useNewsroomVocabulary } from '../../hooks/use-newsroom-vocabulary';
import type { Article, ArticleSummary, Paged } from '../../newsroom-types';
import { ArticleTable, PAGE_SIZE } from './article-table';
import { ScheduleJobInfo } from './schedule-job';
import './newsroom.css';

/** The state of one article's publish job, loaded when its row is opened. */
function JobRow({ id }: { id: string }) {
  const { data, failed } = useApiGet<Article>(`/api/articles/${id}`);
  if (failed) return <Typography.Text type="danger">Không tải được trạng thái lệnh đăng.</Typography.Text>;
  if (!data || data.id !== id) return <Spin size="small" />;
  return <ScheduleJobInfo job={data.scheduleJob} />;
}

/** "Hẹn giờ": articles waiting for their publication time; a row opens to its job's state. */
export function ScheduledPage() {
  const labels = useNewsroomVocabulary();
  const [page, setPage] = useState(1);
  const list = useApiGet<Paged<ArticleSummary>>('/api/articles', { status: 'scheduled', page, pageSize: PAGE_SIZE });
  return (
    <Page title="Hẹn giờ">
      <Card>
        <Typography.Paragraph type="secondary">Giờ đăng theo giờ Việt Nam. Mở một dòng để xem trạng thái lệnh đăng trong hàng đợi.</Typography.Paragraph>
        <ArticleTable
          rows={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={page}
          onPage={setPage}
          loading={list.loading}
          failed={list.failed}
          labels={labels}
          timeColumn="scheduled"
          emptyText="Không có bài nào hẹn giờ đăng"
          expandable={{ expandedRowRender: (a) => <JobRow id={a.id} />, columnTitle: <span className="sr-only">Trạng thái lệnh đăng</span> }}
        />
      </Card>
    </Page>
  );
}

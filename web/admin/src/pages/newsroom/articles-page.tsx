import { Button, Card } from 'antd';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { useCan, useMe } from '../../auth/me-context';
import { Page } from '../../components/page';
import { useApiGet } from '../../hooks/use-api-get';
import { useCategories } from '../../hooks/use-categories';
import { useNewsroomVocabulary } from '../../hooks/use-newsroom-vocabulary';
import type { ArticleSummary, Paged } from '../../newsroom-types';
import type { User } from '../../types';
import { ArticleFilters, type ArticleFilter } from './article-filters';
import { ArticleTable, PAGE_SIZE } from './article-table';
import { useListParams } from './use-list-params';
import './newsroom.css';

const FILTER_KEYS = ['status', 'categoryId', 'authorId', 'from', 'to', 'q'] as const;

/** "Tin bài": every article of the agency, filtered, newest change first. */
export function ArticlesPage() {
  const me = useMe();
  const canWrite = useCan('articles.write');
  const canReadUsers = useCan('org.users.read');
  const navigate = useNavigate();
  const labels = useNewsroomVocabulary();
  const { categories } = useCategories();
  const { filter, page, setFilter, setPage } = useListParams<ArticleFilter & Record<string, string | undefined>>(FILTER_KEYS);
  const list = useApiGet<Paged<ArticleSummary>>('/api/articles', { ...filter, page, pageSize: PAGE_SIZE });
  const { data: users } = useApiGet<User[]>(canReadUsers ? '/api/users' : null);

  // Authors: the user, everyone the user may list, and whoever wrote an article seen so far.
  const seen = useRef(new Map<string, string>());
  for (const a of list.data?.items ?? []) if (a.authorId) seen.current.set(a.authorId, a.authorName);
  const names = new Map(seen.current);
  for (const u of users ?? []) names.set(u.id, u.fullName);
  names.delete(me.id);
  const others = [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const authors = [{ value: me.id, label: `Bài của tôi (${me.fullName})` }, ...others];

  return (
    <Page
      title="Tin bài"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => navigate('/portal/articles/new')}>
            Viết bài mới
          </Button>
        )
      }
    >
      <Card>
        <ArticleFilters value={filter} onChange={setFilter} labels={labels} categories={categories} authors={authors} />
        <ArticleTable
          rows={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={page}
          onPage={setPage}
          loading={list.loading}
          failed={list.failed}
          labels={labels}
          emptyText={Object.values(filter).some(Boolean) ? 'Không có bài nào khớp bộ lọc' : 'Chưa có bài nào'}
        />
      </Card>
    </Page>
  );
}

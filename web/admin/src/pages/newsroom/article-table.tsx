import { Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { emptyTextFor } from '../../components/load-failed';
import { formatDateTime } from '../../format';
import type { NewsroomLabels } from '../../hooks/use-newsroom-vocabulary';
import type { ArticleSummary } from '../../newsroom-types';
import { ArticleFlags, ArticleStatusTag } from './article-tags';

export const PAGE_SIZE = 20;

interface Props {
  rows: readonly ArticleSummary[];
  total: number;
  page: number;
  onPage: (page: number) => void;
  loading: boolean;
  failed: boolean;
  labels: NewsroomLabels;
  emptyText: string;
  /** The time column: last change (default), publication or the scheduled time. */
  timeColumn?: 'updated' | 'published' | 'scheduled';
  /** An extra column at the end (e.g. actions). */
  extraColumn?: TableColumnsType<ArticleSummary>[number];
  expandable?: TableProps<ArticleSummary>['expandable'];
}

const TIME_COLUMNS: Record<NonNullable<Props['timeColumn']>, { title: string; key: 'updatedAt' | 'publishedAt' | 'scheduledAt' }> = {
  updated: { title: 'Cập nhật', key: 'updatedAt' },
  published: { title: 'Đăng lúc', key: 'publishedAt' },
  scheduled: { title: 'Hẹn đăng lúc', key: 'scheduledAt' },
};

/** A page of articles: title (link to the editor) with its flags, category, author, status, time. */
export function ArticleTable({ rows, total, page, onPage, loading, failed, labels, emptyText, timeColumn = 'updated', extraColumn, expandable }: Props) {
  const time = TIME_COLUMNS[timeColumn];
  const columns: TableColumnsType<ArticleSummary> = [
    {
      title: 'Tiêu đề',
      key: 'title',
      render: (_, a): ReactNode => (
        <>
          <Link to={`/portal/articles/${a.id}`}>{a.title}</Link>
          <div className="article-flags">
            <ArticleFlags article={a} />
          </div>
        </>
      ),
    },
    { title: 'Chuyên mục', dataIndex: 'categoryName', width: 200 },
    { title: 'Tác giả', dataIndex: 'authorName', width: 170 },
    { title: 'Trạng thái', dataIndex: 'status', width: 140, render: (status: string) => <ArticleStatusTag status={status} label={labels.statusLabel(status)} /> },
    { title: time.title, dataIndex: time.key, width: 150, render: (at: string | null) => (at ? formatDateTime(at) : '—') },
    {
      title: 'Nhiệm vụ',
      dataIndex: 'taskCount',
      width: 90,
      align: 'right',
      render: (n: number) => (n ? n : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];
  if (extraColumn) columns.push(extraColumn);
  return (
    <Table<ArticleSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      expandable={expandable}
      locale={emptyTextFor(failed) ?? { emptyText }}
      pagination={{ current: page, pageSize: PAGE_SIZE, total, onChange: onPage, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `${n} bài` }}
      scroll={{ x: 960 }}
    />
  );
}

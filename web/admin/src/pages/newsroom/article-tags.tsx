import { Tag } from 'antd';
import { DemoTag } from '../../components/demo-tag';
import { TAG_COLORS } from '../../layout/theme';
import type { ArticleSummary } from '../../newsroom-types';

const STATUS_COLORS: Record<string, string | undefined> = {
  draft: undefined,
  submitted: TAG_COLORS.orange,
  approved: TAG_COLORS.blue,
  scheduled: TAG_COLORS.purple,
  published: TAG_COLORS.green,
  unpublished: TAG_COLORS.red,
  archived: undefined,
};

/** The article's editorial state, labelled by the server's vocabulary. */
export function ArticleStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={STATUS_COLORS[status]}>{label}</Tag>;
}

/** Published without approval and nobody has reviewed it since. */
export function needsReview(article: Pick<ArticleSummary, 'forcePublished' | 'forceReviewed'>): boolean {
  return article.forcePublished && !article.forceReviewed;
}

/** Flags beside the status: force-published and not reviewed yet; sample data. */
export function ArticleFlags({ article }: { article: Pick<ArticleSummary, 'forcePublished' | 'forceReviewed' | 'isDemo'> }) {
  return (
    <>
      {needsReview(article) && <Tag color={TAG_COLORS.red}>Đăng khẩn, chưa xem lại</Tag>}
      {article.forcePublished && article.forceReviewed && <Tag>Đăng khẩn, đã xem lại</Tag>}
      {article.isDemo && <DemoTag />}
    </>
  );
}

import { Alert, Button, Card, Checkbox, DatePicker, Input, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { Page } from '../../components/page';
import { PlanPicker } from '../../components/plan-picker';
import { useAction } from '../../hooks/use-action';
import { useApiGet } from '../../hooks/use-api-get';
import { usePlanTasks } from '../../hooks/use-plan-tasks';
import type { ArticleSummary } from '../../newsroom-types';
import type { PlanSummary } from '../../plan-types';
import { DATE_TIME_FORMAT, fromVnPicker } from '../newsroom/vn-time';
import { ChannelTextCard, type ChannelText } from './channel-text-card';
import type { Channel, Delivery } from './social-types';

interface ArticleDetail {
  id: string;
  title: string;
  summary: string;
  publicPath: string;
  cover: { url: string } | null;
}

/** The composer: share a published article (or a free post) to chosen channels, each with its own text. */
export function ComposerPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const run = useAction();
  const { data: channels } = useApiGet<Channel[]>('/api/social/channels');
  const { data: published } = useApiGet<{ items: ArticleSummary[] }>('/api/articles', { status: 'published', pageSize: 100 });
  const { data: plans } = useApiGet<PlanSummary[]>('/api/plans');
  const [mode, setMode] = useState<'article' | 'free'>('article');
  const [articleId, setArticleId] = useState<string | undefined>(params.get('article') ?? undefined);
  const { data: article } = useApiGet<ArticleDetail>(mode === 'article' && articleId ? `/api/articles/${articleId}` : null);
  const [free, setFree] = useState({ title: '', link: '', imageUrl: '' });
  const [planId, setPlanId] = useState<string>();
  const [taskIds, setTaskIds] = useState<string[]>([]);
  const { tasks } = usePlanTasks(planId);
  const [texts, setTexts] = useState<Record<string, ChannelText>>({});
  const [at, setAt] = useState<Dayjs | null>(null);
  const [networkSide, setNetworkSide] = useState(false);
  const [busy, setBusy] = useState(false);

  const usable = useMemo(() => (channels ?? []).filter((c) => c.health === 'valid' || c.health === 'expiring'), [channels]);
  const chosen = usable.filter((c) => texts[c.id]);
  const link = mode === 'article' ? (article ? new URL(article.publicPath, window.location.origin).href : null) : free.link || null;
  const imageUrl = mode === 'article' ? (article?.cover ? new URL(article.cover.url, window.location.origin).href : null) : free.imageUrl || null;

  function toggle(channel: Channel, on: boolean) {
    setTexts((prev) => {
      const next = { ...prev };
      if (!on) delete next[channel.id];
      // A new channel starts from the article's title and summary; each network's text is then its own.
      else next[channel.id] = { channelId: channel.id, message: channel.network === 'zalo' ? (article?.summary ?? '') : (article?.title ?? free.title), title: channel.network === 'zalo' ? (article?.title ?? free.title) : undefined };
      return next;
    });
  }

  async function submit(draft: boolean) {
    setBusy(true);
    const body = {
      ...(mode === 'article' ? { articleId } : { title: free.title, link: free.link || undefined, imageUrl: free.imageUrl || undefined, planId, taskIds }),
      channels: chosen.map((c) => texts[c.id]!),
      scheduledAt: at ? fromVnPicker(at) : undefined,
      networkSide: at ? networkSide : undefined,
      draft: draft || undefined,
    };
    const saved = await run(() => api.post<Delivery[]>('/api/social/posts', body), draft ? 'Đã lưu nháp' : at ? 'Đã hẹn giờ đăng' : 'Đã đưa vào hàng đợi đăng');
    setBusy(false);
    if (saved) navigate('/social/posts');
  }

  return (
    <Page title="Soạn bài đăng">
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} options={[{ value: 'article', label: 'Chia sẻ bài viết đã đăng' }, { value: 'free', label: 'Bài đăng tự do' }]} />
          {mode === 'article' ? (
            <Select
              aria-label="Bài viết"
              showSearch
              optionFilterProp="label"
              placeholder="Chọn bài viết đã đăng trên Cổng"
              value={articleId}
              onChange={setArticleId}
              options={(published?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
              style={{ width: '100%' }}
            />
          ) : (
            <>
              <Input aria-label="Tiêu đề" placeholder="Tiêu đề (để quản lý, là tiêu đề bài Zalo)" value={free.title} onChange={(e) => setFree({ ...free, title: e.target.value })} />
              <Input aria-label="Liên kết" placeholder="https://…" value={free.link} onChange={(e) => setFree({ ...free, link: e.target.value })} />
              <Input aria-label="Địa chỉ ảnh" placeholder="https://… (ảnh bìa, bắt buộc với Zalo)" value={free.imageUrl} onChange={(e) => setFree({ ...free, imageUrl: e.target.value })} />
              <PlanPicker plans={plans ?? []} value={planId} onChange={(id) => { setPlanId(id); setTaskIds([]); }} />
              <Select aria-label="Nhiệm vụ" mode="multiple" placeholder="Nhiệm vụ được ghi minh chứng" value={taskIds} onChange={setTaskIds} options={tasks.map((t) => ({ value: t.id, label: `${t.code ?? ''} ${t.content.slice(0, 90)}` }))} style={{ width: '100%' }} />
            </>
          )}
          {mode === 'article' && article && <Typography.Text type="secondary">{`Liên kết: ${link}${imageUrl ? '' : ' — bài chưa có ảnh đại diện (Zalo cần ảnh bìa)'}`}</Typography.Text>}
          <div>
            <Typography.Text strong>Kênh: </Typography.Text>
            {usable.length === 0 && <Alert type="warning" showIcon message="Chưa có kênh nào đang hoạt động. Hãy kết nối kênh ở trang Kênh mạng xã hội." />}
            {usable.map((c) => (
              <Checkbox key={c.id} checked={Boolean(texts[c.id])} onChange={(e) => toggle(c, e.target.checked)}>
                {c.name}
              </Checkbox>
            ))}
          </div>
        </Space>
      </Card>
      {chosen.map((c) => (
        <ChannelTextCard key={c.id} channel={c} value={texts[c.id]!} onChange={(v) => setTexts({ ...texts, [c.id]: v })} link={link} imageUrl={imageUrl} />
      ))}
      <Card>
        <Space wrap>
          <DatePicker aria-label="Hẹn giờ đăng" showTime format={DATE_TIME_FORMAT} value={at} onChange={setAt} placeholder="Đăng ngay (hoặc chọn giờ)" />
          {at && <Checkbox checked={networkSide} onChange={(e) => setNetworkSide(e.target.checked)}>Hẹn giờ phía Facebook</Checkbox>}
          <Button type="primary" loading={busy} disabled={chosen.length === 0} onClick={() => submit(false)}>{at ? 'Hẹn giờ' : 'Đăng ngay'}</Button>
          <Button loading={busy} disabled={chosen.length === 0} onClick={() => submit(true)}>Lưu nháp</Button>
        </Space>
      </Card>
    </Page>
  );
}

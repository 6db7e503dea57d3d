import { Alert, App, Button, Card, Col, Form, Input, Result, Row, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../../api';
import { useCan } from '../../../auth/me-context';
import { Page } from '../../../components/page';
import { formatDateTime } from '../../../format';
import { useApiGet } from '../../../hooks/use-api-get';
import { useCategories } from '../../../hooks/use-categories';
import { useNewsroomVocabulary, type NewsroomLabels } from '../../../hooks/use-newsroom-vocabulary';
import { useNotify } from '../../../hooks/use-notify';
import type { Article, MediaItem } from '../../../newsroom-types';
import { ArticleFlags, ArticleStatusTag, needsReview } from '../article-tags';
import { ScheduleJobInfo } from '../schedule-job';
import { CoverField } from './cover-field';
import { EMPTY_VALUES, imagesWithoutAlt, inputOf, slugify, valuesOf, type EditorValues } from './editor-model';
import { AttachmentsField, AudioField } from './file-fields';
import { HistoryTimeline } from './history-timeline';
import { LinkedTasksField } from './linked-tasks-field';
import { RevisionsPanel } from './revisions-card';
import { RichTextEditor } from './rich-text-editor';
import { TranslationsField } from './translations-field';
import { useUnsavedGuard } from './use-unsaved-guard';
import { WorkflowActions } from './workflow-actions';
import '../newsroom.css';

/** Top-level form fields the server may name in a 400 ("translations.0.title" → ['translations', 0, 'title']). */
const FORM_FIELDS = new Set(['title', 'slug', 'summary', 'categoryId', 'tags', 'byline', 'source', 'bodyHtml', 'coverAlt', 'translations', 'taskIds']);

function fieldName(path: string): (string | number)[] {
  return path.split(/[./]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Opens the preview in a new tab: the tab is opened within the click (no popup blocker), then sent to the link. */
async function openPreview(articleId: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const { path } = await api.post<{ path: string }>(`/api/articles/${articleId}/preview-link`);
    if (tab) {
      tab.opener = null;
      tab.location.href = path;
    } else {
      window.location.assign(path);
    }
  } catch (error) {
    tab?.close();
    throw error;
  }
}

interface EditorProps {
  article: Article | undefined;
  labels: NewsroomLabels;
  onSaved: (article: Article) => void;
  reload: () => void;
}

function ArticleEditor({ article, labels, onSaved, reload }: EditorProps) {
  const canWrite = useCan('articles.write');
  const navigate = useNavigate();
  const notify = useNotify();
  const { modal } = App.useApp();
  const { categories } = useCategories();
  const [form] = Form.useForm<EditorValues>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  useUnsavedGuard(dirty);

  const editable = article ? article.actions.includes('edit') : canWrite;
  // The slug follows the title until the user types one, and only while the article has never been public.
  const slugFollows = useRef(!article || (!article.publishedAt && article.slug === slugify(article.title)));

  // A new version from the server (a save, a workflow step, a reload after a conflict) is what the
  // form shows. The same version fetched again (e.g. right after creating) never undoes typing.
  const shownVersion = useRef<string>(undefined);
  useEffect(() => {
    if (!article) return;
    const key = `${article.id}:${article.version}`;
    if (shownVersion.current === key) return;
    shownVersion.current = key;
    form.setFieldsValue(valuesOf(article));
    setDirty(false);
  }, [article, form]);

  const cover = Form.useWatch('cover', form);
  const coverAlt = Form.useWatch('coverAlt', form) ?? '';
  const body = Form.useWatch('bodyHtml', form) ?? '';
  const bodyMissingAlt = imagesWithoutAlt(body);

  function changed(patch: Partial<EditorValues>) {
    setDirty(true);
    if ('slug' in patch) slugFollows.current = false;
    if ('title' in patch && slugFollows.current) form.setFieldValue('slug', slugify(patch.title ?? ''));
  }

  function coverPicked(item: MediaItem) {
    if (!String(form.getFieldValue('coverAlt') ?? '').trim()) form.setFieldValue('coverAlt', item.alt);
  }

  function showConflict(error: ApiError) {
    modal.confirm({
      // A stale version, or a state that no longer allows this change: either way the page is out of date.
      title: 'Không lưu được bài viết',
      content: (
        <>
          <p>{error.message}</p>
          <p>“Tải lại bản mới nhất” mở bản đang được lưu; các thay đổi chưa lưu trên màn hình này sẽ mất, hãy sao chép phần cần giữ trước.</p>
        </>
      ),
      okText: 'Tải lại bản mới nhất',
      cancelText: 'Để sau',
      onOk: () => {
        setDirty(false);
        reload();
      },
    });
  }

  /** Saves the form; the saved article, or undefined (problems shown) when it failed. */
  async function save(): Promise<Article | undefined> {
    try {
      await form.validateFields();
    } catch {
      notify.failed(new Error('Vui lòng kiểm tra các trường được đánh dấu đỏ.'));
      return undefined;
    }
    const values = { ...EMPTY_VALUES, ...(form.getFieldsValue(true) as Partial<EditorValues>) };
    setSaving(true);
    try {
      const input = inputOf(values, article?.version);
      const saved = article ? await api.put<Article>(`/api/articles/${article.id}`, input) : await api.post<Article>('/api/articles', input);
      setDirty(false);
      notify.saved('Đã lưu bài viết');
      onSaved(saved);
      if (!article) navigate(`/portal/articles/${saved.id}`, { replace: true });
      return saved;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        showConflict(error);
        return undefined;
      }
      if (error instanceof ApiError) {
        const onForm = error.fieldProblems.filter((p) => FORM_FIELDS.has(fieldName(p.field)[0] as string));
        if (onForm.length) form.setFields(onForm.map((p) => ({ name: fieldName(p.field), errors: [p.message] })) as Parameters<typeof form.setFields>[0]);
      }
      notify.failed(error);
      return undefined;
    } finally {
      setSaving(false);
    }
  }

  const saveFirst = async () => !(dirty && editable) || (await save()) !== undefined;

  async function preview() {
    if (!article) return;
    setPreviewing(true);
    try {
      if (await saveFirst()) {
        await openPreview(article.id);
        // The link now exists: show it (copy, revoke).
        reload();
      }
    } catch (error) {
      notify.failed(error);
    } finally {
      setPreviewing(false);
    }
  }

  async function revokePreview() {
    if (!article) return;
    try {
      await api.delete(`/api/articles/${article.id}/preview-link`);
      notify.saved('Đã thu hồi liên kết xem trước');
      reload();
    } catch (error) {
      notify.failed(error);
    }
  }

  const categoryOptions = categories.filter((c) => c.active || c.id === article?.categoryId).map((c) => ({ value: c.id, label: c.name }));
  const title = article ? article.title || 'Bài viết' : 'Viết bài mới';

  return (
    <Page
      title={title}
      extra={
        <Space wrap>
          {editable && (
            <Button type={article ? 'default' : 'primary'} onClick={() => void save()} loading={saving}>
              {article ? 'Lưu' : 'Lưu bản nháp'}
            </Button>
          )}
          {article?.actions.includes('preview') && (
            <Button onClick={preview} loading={previewing}>
              Xem trước
            </Button>
          )}
          {article && <WorkflowActions article={article} saveFirst={saveFirst} onChanged={onSaved} />}
        </Space>
      }
    >
      <Space wrap className="article-meta">
        <Link to="/portal/articles">← Danh sách tin bài</Link>
        {article && <ArticleStatusTag status={article.status} label={labels.statusLabel(article.status)} />}
        {article && <ArticleFlags article={article} />}
        {article && <span>Tác giả: {article.authorName}</span>}
        {article && <span>Phiên bản {article.version}</span>}
        {article && <Typography.Text type="secondary">Cập nhật {formatDateTime(article.updatedAt)}</Typography.Text>}
        {dirty && <Typography.Text type="warning">Có thay đổi chưa lưu</Typography.Text>}
      </Space>

      {article && needsReview(article) && (
        <Alert type="error" showIcon title="Bài được đăng khẩn, chưa qua duyệt và chưa có ai xem lại." description={article.forceReason ? `Lý do đăng khẩn: ${article.forceReason}` : undefined} />
      )}
      {article?.status === 'scheduled' && (
        <Alert
          type="info"
          showIcon
          title={`Hẹn đăng lúc ${formatDateTime(article.scheduledAt)} (giờ Việt Nam)`}
          description={<ScheduleJobInfo job={article.scheduleJob} />}
        />
      )}
      {article?.status === 'published' && (
        <Alert
          type="success"
          showIcon
          title={
            <span>
              Đã đăng lúc {formatDateTime(article.publishedAt)}:{' '}
              <a href={article.publicPath} target="_blank" rel="noopener noreferrer">
                xem trên cổng thông tin
              </a>
            </span>
          }
        />
      )}
      {article && !editable && article.status !== 'published' && (
        <Typography.Text type="secondary">Bài đang ở trạng thái “{labels.statusLabel(article.status)}”: bạn chỉ xem, không sửa được.</Typography.Text>
      )}
      {cover && !coverAlt.trim() && <Alert type="warning" showIcon title="Ảnh đại diện chưa có mô tả (alt). Người dùng trình đọc màn hình cần mô tả này." />}
      {bodyMissingAlt > 0 && <Alert type="warning" showIcon title={`${bodyMissingAlt} ảnh trong nội dung chưa có mô tả (alt). Hãy sửa mô tả ảnh trong Thư viện ảnh rồi chèn lại.`} />}

      <Form<EditorValues> form={form} name="article" layout="vertical" initialValues={article ? valuesOf(article) : EMPTY_VALUES} onValuesChange={changed} disabled={!editable}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation="vertical" size="middle" className="full-width">
              <Card title="Nội dung">
                <Form.Item label="Tiêu đề" name="title" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tiêu đề.' }]}>
                  <Input maxLength={300} showCount />
                </Form.Item>
                <Form.Item
                  label="Đường dẫn"
                  name="slug"
                  extra="Tự tạo từ tiêu đề (không dấu); có thể sửa. Không nên đổi sau khi bài đã đăng."
                  rules={[{ pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, message: 'Chỉ dùng chữ thường không dấu, số và dấu gạch ngang.' }]}
                >
                  <Input prefix="/tin-bai/" maxLength={160} />
                </Form.Item>
                <Form.Item label="Tóm tắt" name="summary" extra="Hiện dưới tiêu đề, trong danh sách tin, RSS và khi chia sẻ.">
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
                </Form.Item>
                <Form.Item label="Nội dung" name="bodyHtml">
                  <RichTextEditor label="Nội dung" readOnly={!editable} />
                </Form.Item>
              </Card>
              <Card title="Bản tiếng dân tộc">
                <TranslationsField labels={labels} readOnly={!editable} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size="middle" className="full-width">
              <Card title="Thông tin bài">
                <Form.Item label="Chuyên mục" name="categoryId" rules={[{ required: true, message: 'Vui lòng chọn chuyên mục.' }]}>
                  <Select aria-label="Chuyên mục" placeholder="Chọn chuyên mục" options={categoryOptions} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Form.Item label="Từ khóa" name="tags" extra="Gõ rồi nhấn Enter; tối đa 20 từ khóa.">
                  <Select mode="tags" aria-label="Từ khóa" tokenSeparators={[',']} maxCount={20} />
                </Form.Item>
                <Form.Item label="Tác giả hiển thị" name="byline" extra="Ví dụ: Nguyễn Văn A — Phòng HC-TH.">
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item label="Nguồn" name="source">
                  <Input maxLength={300} placeholder="Ví dụ: Báo Bắc Giang" />
                </Form.Item>
              </Card>
              <Card title="Ảnh đại diện">
                <Form.Item name="cover" noStyle>
                  <CoverField readOnly={!editable} onPicked={coverPicked} />
                </Form.Item>
                {cover && (
                  <Form.Item
                    label="Mô tả ảnh đại diện (alt)"
                    name="coverAlt"
                    className="cover-alt"
                    rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mô tả ảnh đại diện.' }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
                  </Form.Item>
                )}
              </Card>
              <Card title="Tệp đính kèm">
                <Form.Item name="attachments" noStyle>
                  <AttachmentsField articleId={article?.id} readOnly={!editable} />
                </Form.Item>
              </Card>
              <Card title="Bản âm thanh (phát thanh cơ sở)">
                <Form.Item name="audio" noStyle>
                  <AudioField articleId={article?.id} readOnly={!editable} />
                </Form.Item>
              </Card>
              <Card title="Nhiệm vụ liên quan">
                <LinkedTasksField readOnly={!editable} />
              </Card>
              {article?.previewPath && (
                <Card title="Liên kết xem trước">
                  <Typography.Paragraph copyable={{ text: new URL(article.previewPath, window.location.origin).href, tooltips: ['Sao chép', 'Đã sao chép'] }}>
                    <a href={article.previewPath} target="_blank" rel="noopener noreferrer">
                      {article.previewPath}
                    </a>
                  </Typography.Paragraph>
                  <Button danger size="small" onClick={revokePreview} disabled={false}>
                    Thu hồi liên kết
                  </Button>
                </Card>
              )}
            </Space>
          </Col>
        </Row>
      </Form>

      {article && (
        <Card>
          <Tabs
            items={[
              { key: 'history', label: 'Quá trình xử lý', children: <HistoryTimeline events={article.history} labels={labels} /> },
              { key: 'revisions', label: 'Các phiên bản', children: <RevisionsPanel articleId={article.id} version={article.version} /> },
            ]}
          />
        </Card>
      )}
    </Page>
  );
}

/** `/portal/articles/new` and `/portal/articles/:id`: the article editor with its workflow, history and versions. */
export function ArticleEditorPage() {
  const { id } = useParams();
  const labels = useNewsroomVocabulary();
  const { data, failed, reload, setData } = useApiGet<Article>(id ? `/api/articles/${id}` : null);
  if (!id) return <ArticleEditor key="new" article={undefined} labels={labels} onSaved={setData} reload={reload} />;
  if (data && data.id === id) return <ArticleEditor key={id} article={data} labels={labels} onSaved={setData} reload={reload} />;
  if (failed) {
    return (
      <Page title="Tin bài">
        <Result
          status="error"
          title="Không tải được bài viết"
          extra={
            <Space>
              <Button onClick={reload}>Thử lại</Button>
              <Link to="/portal/articles">Về danh sách tin bài</Link>
            </Space>
          }
        />
      </Page>
    );
  }
  return <Spin />;
}

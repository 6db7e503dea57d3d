/**
 * Named examples of the newsroom's page params (govuk-frontend style) and an in-memory
 * PublishingPortalApi over them. They drive the render, escaping and accessibility tests: every
 * text field carries Vietnamese text and a markup payload that must come out escaped.
 */
import type { AgencyView } from '../org/schema.ts';
import { foldVi } from '../../platform/vi-text.ts';
import { escapeHtml } from '../../portal/html.ts';
import {
  paths,
  type PublicArticle,
  type PublicArticleCard,
  type PublicCategory,
  type PublicFileContent,
  type PublicImage,
  type PublicLegalDocument,
  type PublicSearchHit,
  type PublishingPortalApi,
} from './public-views.ts';

/** Payloads that must never reach a page as markup. */
export const XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'] as const;

/** Vietnamese text with a payload at its end. */
const t = (text: string, i = 0) => `${text} ${XSS[i % 2]}`;

export const EXAMPLE_AGENCY_ID = 'agency-example';

export const exampleAgency: AgencyView = {
  id: EXAMPLE_AGENCY_ID,
  code: 'bdt-vidu',
  hostname: null,
  address: t('Số 1 đường Hoàng Văn Thụ, thành phố Bắc Giang'),
  phone: '0204 3854 000',
  email: 'banDT@example.vn',
  website: null,
  isDemo: true,
  current: { id: 'n1', validFrom: '2025-03-01', validTo: null, name: t('Sở Dân tộc và Tôn giáo tỉnh Ví Dụ', 1), shortName: 'Sở DTTG', abbreviation: 'SDTTG', parentName: t('UBND tỉnh Ví Dụ'), place: 'Bắc Giang', source: null },
  names: [],
};

const category = (slug: string, name: string, i: number): PublicCategory => ({ slug, name: t(name, i), description: t(`Tin, bài về ${name.toLowerCase()}`, i + 1), path: paths.category(slug), feedPath: paths.categoryFeed(slug) });

export const exampleCategories: PublicCategory[] = [
  category('tin-cai-cach-hanh-chinh', 'Tin cải cách hành chính', 0),
  category('chuyen-doi-so', 'Chuyển đổi số và Đề án 06', 1),
  category('chi-so-par-index', 'Chỉ số PAR Index, PCI, PAPI, SIPAS', 0),
];

export const exampleImage = (mediaId: string): PublicImage => ({
  mediaId,
  alt: t('Hội nghị tuyên truyền cải cách hành chính tại xã Đồng Tâm', 1),
  width: 1200,
  height: 675,
  srcset: [320, 640, 1200].map((w) => `${paths.image(mediaId, w, 'webp')} ${w}w`).join(', '),
  src: paths.image(mediaId, 1200, 'jpg'),
});

const TOPICS = ['Đăng ký khai sinh trực tuyến', 'Thủ tục hành chính một cửa', 'Dịch vụ công toàn trình', 'Đề án 06 ở vùng đồng bào dân tộc thiểu số', 'Sáng kiến "Chính quyền thân thiện"'];

/** 30 articles in the first category (three pages of 12), one in the second, none in the third. */
function exampleCards(): PublicArticleCard[] {
  const cards: PublicArticleCard[] = [];
  for (let i = 0; i < 31; i++) {
    const cat = exampleCategories[i === 30 ? 1 : 0]!;
    const day = new Date(Date.UTC(2024, 0, 2 + i, 2, 30)).toISOString();
    cards.push({
      slug: `tin-bai-so-${i + 1}`,
      path: paths.article(`tin-bai-so-${i + 1}`),
      title: t(`${TOPICS[i % TOPICS.length]} — tin số ${i + 1}`, i),
      summary: t(`Người dân & doanh nghiệp được hướng dẫn ${TOPICS[i % TOPICS.length]!.toLowerCase()}.`, i + 1),
      publishedAt: day,
      updatedAt: day,
      category: cat,
      cover: i % 3 === 0 ? exampleImage(`anh-${i + 1}`) : null,
      isDemo: true,
    });
  }
  return cards.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

export const exampleArticleCards = exampleCards();

const VOCABULARY = ('cải cách hành chính thủ tục hồ sơ một cửa liên thông người dân doanh nghiệp đồng bào dân tộc thiểu số '
  + 'xã huyện tỉnh Ban cán bộ công chức tuyên truyền hội nghị tập huấn chuyển đổi số dịch vụ công trực tuyến toàn trình '
  + 'Đề án 06 căn cước định danh điện tử đăng ký khai sinh kết hôn hộ tịch đất đai chỉ số PAR Index PCI PAPI SIPAS hài lòng '
  + 'kết quả giải quyết đúng hạn trước hạn quá hạn phản ánh kiến nghị người có uy tín thôn bản loa truyền thanh năm 2024 '
  + 'triển khai thực hiện kế hoạch nhiệm vụ đánh giá nâng cao chất lượng hiệu quả minh bạch công khai niêm yết').split(' ');

/**
 * A sanitised body (as the service stores it): a heading, paragraphs of varied Vietnamese words
 * (repeated text would compress unrealistically well), an image, a link.
 */
export function exampleBody(words = 120): string {
  let seed = 20240205;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const paragraphs: string[] = [];
  for (let n = 0; n < words; ) {
    const length = 40 + (next() % 80);
    const text = Array.from({ length }, () => VOCABULARY[next() % VOCABULARY.length]).join(' ');
    paragraphs.push(`<p>${text.charAt(0).toUpperCase()}${text.slice(1)}.</p>`);
    n += length;
  }
  return `<h2>Kết quả nổi bật</h2>${paragraphs[0] ?? ''}<figure><img src="${paths.image('anh-than-bai', 640, 'jpg')}" alt="Cán bộ hướng dẫn người dân" width="640" height="360"><figcaption>Cán bộ hướng dẫn người dân</figcaption></figure>${paragraphs.slice(1).join('')}<p>Chi tiết xem <a href="https://dichvucong.gov.vn/">Cổng Dịch vụ công quốc gia</a>. ${escapeHtml(XSS[0])}</p>`;
}

const file = (slug: string, id: string, name: string, mime: string, size: number) => ({ name, label: t(`Tệp ${name}`), mime, size, path: paths.articleFile(slug, id) });

/** The full article behind a card, in Vietnamese or Tày (the first article has a Tày version). */
export function exampleArticle(card: PublicArticleCard, lang = 'vi'): PublicArticle {
  const hasTay = card.slug === 'tin-bai-so-1';
  const languages = [{ lang: 'vi', name: 'Tiếng Việt', path: paths.article(card.slug) }, ...(hasTay ? [{ lang: 'tyz', name: 'Tiếng Tày', path: paths.article(card.slug, 'tyz') }] : [])];
  return {
    ...card,
    ...(lang === 'tyz' ? { title: t('Slon slư cải cách hành chính hâng bản', 1), summary: t('Bài tiếng Tày về thủ tục hành chính.') } : {}),
    lang,
    langName: lang === 'vi' ? 'Tiếng Việt' : 'Tiếng Tày',
    bodyHtml: exampleBody(),
    byline: t('Nguyễn Thị Hà'),
    source: t('Phòng Hành chính - Tổng hợp', 1),
    tags: [t('một cửa'), t('đăng ký khai sinh', 1)],
    attachments: [file(card.slug, 'tep-1', 'Kế hoạch 05-KH-BDT.pdf', 'application/pdf', 245_760), file(card.slug, 'tep-2', 'Hướng dẫn.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 1_300_000)],
    audio: file(card.slug, 'tep-am-thanh', 'Bản tin phát thanh.mp3', 'audio/mpeg', 3_145_728),
    languages: hasTay ? languages : [languages[0]!],
    preview: false,
  };
}

export const exampleDocuments: PublicLegalDocument[] = Array.from({ length: 14 }, (_, i) => {
  const slug = `05-kh-bdt-${2024 - (i % 2)}-${i + 1}`;
  return {
    slug,
    path: paths.document(slug),
    numberSymbol: t(`${String(i + 1).padStart(2, '0')}/KH-BDT`),
    docType: i % 2 ? 'Quyết định' : 'Kế hoạch',
    issuer: t('Ban Dân tộc tỉnh Bắc Giang', 1),
    signedOn: `${2024 - (i % 2)}-02-05`,
    effectiveOn: i % 3 ? `${2024 - (i % 2)}-02-15` : null,
    subject: t('Tuyên truyền cải cách hành chính nhà nước năm 2024'),
    file: i % 4 === 3 ? null : { name: `Văn bản ${i + 1}.pdf`, label: null, mime: 'application/pdf', size: 102_400, path: paths.documentFile(slug) },
    updatedAt: new Date(Date.UTC(2024, 1, 5 + i)).toISOString(),
    isDemo: true,
  };
});

/** The private preview token of the examples. */
export const EXAMPLE_PREVIEW_TOKEN = 'xem-truoc-bi-mat-123';

export type ExamplePortalApi = PublishingPortalApi & { calls: Record<string, number> };

/** An in-memory PublishingPortalApi over the examples; `calls` counts each function's calls. */
export function createExamplePortalApi(): ExamplePortalApi {
  const calls: Record<string, number> = {};
  const count = (name: string) => void (calls[name] = (calls[name] ?? 0) + 1);
  const mine = (agencyId: string) => agencyId === EXAMPLE_AGENCY_ID;
  const cards = exampleArticleCards;
  const pageOf = <T>(items: T[], page: number, size: number) => ({ total: items.length, page, pageCount: Math.ceil(items.length / size), items: items.slice((page - 1) * size, page * size) });
  const content = (name: string, mime: string): PublicFileContent => ({ name, mime, content: Buffer.from(`nội dung ${name}`) });
  const api: PublishingPortalApi = {
    async categories(agencyId) {
      count('categories');
      return mine(agencyId) ? exampleCategories : [];
    },
    async latest(agencyId, limit) {
      count('latest');
      return mine(agencyId) ? cards.slice(0, limit) : [];
    },
    async columnHome(agencyId, perCategory) {
      count('columnHome');
      if (!mine(agencyId)) return [];
      return exampleCategories.map((category) => ({ category, articles: cards.filter((c) => c.category.slug === category.slug).slice(0, perCategory) })).filter((g) => g.articles.length);
    },
    async categoryPage(agencyId, slug, page, pageSize) {
      count('categoryPage');
      const category = exampleCategories.find((c) => c.slug === slug);
      if (!mine(agencyId) || !category) return undefined;
      const { items, ...rest } = pageOf(cards.filter((c) => c.category.slug === slug), page, pageSize);
      return { category, ...rest, articles: items };
    },
    async article(agencyId, slug, lang) {
      count('article');
      const card = mine(agencyId) ? cards.find((c) => c.slug === slug) : undefined;
      const article = card && exampleArticle(card, lang ?? 'vi');
      return article && article.languages.some((l) => l.lang === article.lang) ? article : undefined;
    },
    async preview(agencyId, token, lang) {
      count('preview');
      if (!mine(agencyId) || token !== EXAMPLE_PREVIEW_TOKEN) return undefined;
      return previewOf(exampleArticle(cards.find((c) => c.slug === 'tin-bai-so-1')!, lang ?? 'vi'));
    },
    async articleFile(agencyId, slug, fileId) {
      count('articleFile');
      const card = mine(agencyId) ? cards.find((c) => c.slug === slug) : undefined;
      const f = card && [...exampleArticle(card).attachments, exampleArticle(card).audio!].find((x) => x.path === paths.articleFile(slug, fileId));
      return f && content(f.name, f.mime);
    },
    async image(agencyId, mediaId, width, ext) {
      count('image');
      return mine(agencyId) && mediaId.startsWith('anh-') ? content(`${mediaId}-${width}.${ext}`, ext === 'webp' ? 'image/webp' : 'image/jpeg') : undefined;
    },
    async documents(agencyId, q) {
      count('documents');
      const words = q.q ? foldVi(q.q) : '';
      const all = mine(agencyId) ? exampleDocuments : [];
      const found = all.filter((d) => (!words || foldVi(`${d.numberSymbol} ${d.subject}`).includes(words)) && (!q.docType || d.docType === q.docType) && (!q.year || d.signedOn.startsWith(String(q.year))));
      return { ...pageOf(found, q.page, q.pageSize), docTypes: [...new Set(all.map((d) => d.docType))].sort(), years: [...new Set(all.map((d) => Number(d.signedOn.slice(0, 4))))].sort((a, b) => b - a) };
    },
    async document(agencyId, slug) {
      count('document');
      return mine(agencyId) ? exampleDocuments.find((d) => d.slug === slug) : undefined;
    },
    async documentFile(agencyId, slug) {
      count('documentFile');
      const d = mine(agencyId) ? exampleDocuments.find((x) => x.slug === slug) : undefined;
      return d?.file ? content(d.file.name, d.file.mime) : undefined;
    },
    async search(agencyId, q, page, pageSize) {
      count('search');
      const words = foldVi(q);
      const hits: PublicSearchHit[] = (mine(agencyId) ? cards : [])
        .filter((c) => foldVi(c.title).includes(words))
        .map((c) => ({ kind: 'article', title: c.title, path: c.path, publishedAt: c.publishedAt, titleHtml: markFolded(c.title, words), snippetHtml: escapeHtml(c.summary) }));
      const { items, ...rest } = pageOf(hits, page, pageSize);
      return { ...rest, hits: items };
    },
    async sitemap(agencyId) {
      count('sitemap');
      if (!mine(agencyId)) return [];
      return [...cards.map((c) => ({ path: c.path, lastmod: c.updatedAt })), ...exampleDocuments.map((d) => ({ path: d.path, lastmod: d.updatedAt }))];
    },
  };
  return Object.assign(api, { calls });
}

/** The site address the examples are rendered for. */
export const EXAMPLE_BASE = 'https://cchc.vidu.gov.vn';

const firstCategory = exampleCategories[0]!;
const inFirst = exampleArticleCards.filter((c) => c.category.slug === firstCategory.slug);
const articleParams = (article: PublicArticle, previewToken?: string) => ({ article, base: EXAMPLE_BASE, agencyName: exampleAgency.current.name, ...(previewToken ? { previewToken } : {}) });
const minimal: PublicArticle = { ...exampleArticle(exampleArticleCards[1]!), cover: null, audio: null, attachments: [], tags: [], byline: null, source: null };
const hit = (c: PublicArticleCard): PublicSearchHit => ({ kind: 'article', title: c.title, path: c.path, publishedAt: c.publishedAt, titleHtml: markFolded(c.title, 'thu tuc'), snippetHtml: `${escapeHtml(c.summary)} <mark>thủ tục</mark>` });
const docTypes = ['Kế hoạch', 'Quyết định'];

/** As the service shows a preview: files of an unpublished article have no public address. */
function previewOf(a: PublicArticle): PublicArticle {
  return { ...a, preview: true, attachments: a.attachments.map((f) => ({ ...f, path: '' })), audio: a.audio && { ...a.audio, path: '' } };
}

/** Named example params of every newsroom template. */
export const examples = {
  columnHome: {
    full: { categories: exampleCategories, groups: [{ category: firstCategory, articles: inFirst.slice(0, 4) }, { category: exampleCategories[1]!, articles: exampleArticleCards.filter((c) => c.category === exampleCategories[1]).slice(0, 4) }] },
    empty: { categories: exampleCategories, groups: [] },
  },
  categoryPage: {
    first: { category: firstCategory, categories: exampleCategories, articles: inFirst.slice(0, 12), total: inFirst.length, page: 1, pageCount: 3 },
    middle: { category: firstCategory, categories: exampleCategories, articles: inFirst.slice(12, 24), total: inFirst.length, page: 2, pageCount: 3 },
    empty: { category: exampleCategories[2]!, categories: exampleCategories, articles: [], total: 0, page: 1, pageCount: 0 },
  },
  article: {
    vietnamese: articleParams(exampleArticle(exampleArticleCards.find((c) => c.slug === 'tin-bai-so-1')!)),
    tay: articleParams(exampleArticle(exampleArticleCards.find((c) => c.slug === 'tin-bai-so-1')!, 'tyz')),
    minimal: articleParams(minimal),
    preview: articleParams(previewOf(exampleArticle(exampleArticleCards.find((c) => c.slug === 'tin-bai-so-1')!)), EXAMPLE_PREVIEW_TOKEN),
  },
  documentList: {
    all: { filters: {}, items: exampleDocuments.slice(0, 12), total: exampleDocuments.length, page: 1, pageCount: 2, docTypes, years: [2024, 2023] },
    filtered: { filters: { q: XSS[1], docType: 'Kế hoạch', year: 2024 }, items: exampleDocuments.slice(0, 2), total: 2, page: 1, pageCount: 1, docTypes, years: [2024, 2023] },
    none: { filters: { q: 'không có' }, items: [], total: 0, page: 1, pageCount: 0, docTypes, years: [2024, 2023] },
  },
  document: { withFile: exampleDocuments[0]!, withoutFile: exampleDocuments[3]! },
  search: {
    noQuery: { q: '' },
    results: { q: `thu tuc ${XSS[0]}`, result: { total: 2, page: 1, pageCount: 1, hits: exampleArticleCards.slice(0, 2).map(hit) } },
    none: { q: XSS[1], result: { total: 0, page: 1, pageCount: 0, hits: [] } },
  },
};

/** Escapes `text` and marks the first match of the folded words (folding keeps lengths of these examples' letters). */
function markFolded(text: string, words: string): string {
  const at = foldVi(text).indexOf(words);
  if (at < 0 || !words) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, at))}<mark>${escapeHtml(text.slice(at, at + words.length))}</mark>${escapeHtml(text.slice(at + words.length))}`;
}

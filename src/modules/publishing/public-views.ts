/**
 * What the public portal gets from the publishing service: published content only, bodies
 * already sanitised, with the paths each item lives at. Paths are readable Vietnamese without
 * diacritics and are built only here.
 */

export const paths = {
  column: '/cai-cach-hanh-chinh',
  category: (slug: string) => `/cai-cach-hanh-chinh/${slug}`,
  categoryFeed: (slug: string) => `/cai-cach-hanh-chinh/${slug}/rss.xml`,
  article: (slug: string, lang?: string) => (lang && lang !== 'vi' ? `/tin-bai/${slug}/${lang}` : `/tin-bai/${slug}`),
  articleFile: (slug: string, fileId: string) => `/tin-bai/${slug}/tep/${fileId}`,
  image: (mediaId: string, width: number, ext: 'webp' | 'jpg') => `/anh/${mediaId}/${width}.${ext}`,
  preview: (token: string) => `/xem-truoc/${token}`,
  documents: '/van-ban',
  document: (slug: string) => `/van-ban/${slug}`,
  documentFile: (slug: string) => `/van-ban/${slug}/tep`,
  search: '/tim-kiem',
  feed: '/rss.xml',
} as const;

export interface PublicImage {
  mediaId: string;
  alt: string;
  width: number;
  height: number;
  /** WebP variants as a `srcset` value ("/anh/…/320.webp 320w, …"). */
  srcset: string;
  /** The JPEG fallback for `src` (every browser shows it). */
  src: string;
}

export interface PublicCategory {
  slug: string;
  name: string;
  description: string | null;
  path: string;
  feedPath: string;
}

export interface PublicArticleCard {
  slug: string;
  path: string;
  title: string;
  summary: string;
  publishedAt: string;
  updatedAt: string;
  category: PublicCategory;
  cover: PublicImage | null;
  isDemo: boolean;
}

export interface PublicFileLink {
  name: string;
  label: string | null;
  mime: string;
  size: number;
  path: string;
}

export interface PublicArticle extends PublicArticleCard {
  /** The language shown: 'vi' or a version's code; the page sets `lang` to it. */
  lang: string;
  langName: string;
  /** Sanitised HTML, safe to insert as is. */
  bodyHtml: string;
  byline: string | null;
  source: string | null;
  tags: string[];
  attachments: PublicFileLink[];
  audio: PublicFileLink | null;
  /** Every language this article can be read in, the current one included. */
  languages: { lang: string; name: string; path: string }[];
  /** True for a private preview: the page is not cached and not indexed. */
  preview: boolean;
}

export interface PublicLegalDocument {
  slug: string;
  path: string;
  numberSymbol: string;
  docType: string;
  issuer: string;
  signedOn: string;
  effectiveOn: string | null;
  subject: string;
  file: PublicFileLink | null;
  updatedAt: string;
  isDemo: boolean;
}

export interface PublicSearchHit {
  kind: string;
  title: string;
  path: string;
  publishedAt: string;
  /** Escaped original text with `<mark>` around the matched words. */
  titleHtml: string;
  snippetHtml: string;
}

export interface PublicFileContent {
  name: string;
  mime: string;
  content: Buffer;
}

/**
 * The read side the portal pages call (all by agency, no actor: only published content comes
 * back). Implemented by the publishing service.
 */
export interface PublishingPortalApi {
  categories(agencyId: string): Promise<PublicCategory[]>;
  /** Newest published articles of the agency (home page, column home, the main feed). */
  latest(agencyId: string, limit: number): Promise<PublicArticleCard[]>;
  /** The column home: each active category with its newest `perCategory` articles (empty ones left out). */
  columnHome(agencyId: string, perCategory: number): Promise<{ category: PublicCategory; articles: PublicArticleCard[] }[]>;
  /** One page of a category, newest first; undefined when the category does not exist. */
  categoryPage(agencyId: string, slug: string, page: number, pageSize: number): Promise<{ category: PublicCategory; total: number; page: number; pageCount: number; articles: PublicArticleCard[] } | undefined>;
  /** A published article in Vietnamese or one of its language versions. */
  article(agencyId: string, slug: string, lang?: string): Promise<PublicArticle | undefined>;
  /** Any article of the agency by its private preview token, whatever its state (never cached). */
  preview(agencyId: string, token: string, lang?: string): Promise<PublicArticle | undefined>;
  articleFile(agencyId: string, slug: string, fileId: string): Promise<PublicFileContent | undefined>;
  /** An image variant, only when the image is shown by a published article (or `staff` of the agency asks). */
  image(agencyId: string, mediaId: string, width: number, ext: 'webp' | 'jpg', staff?: boolean): Promise<PublicFileContent | undefined>;
  documents(agencyId: string, query: { q?: string; docType?: string; year?: number; page: number; pageSize: number }): Promise<{ total: number; page: number; pageCount: number; items: PublicLegalDocument[]; docTypes: string[]; years: number[] }>;
  document(agencyId: string, slug: string): Promise<PublicLegalDocument | undefined>;
  documentFile(agencyId: string, slug: string): Promise<PublicFileContent | undefined>;
  search(agencyId: string, q: string, page: number, pageSize: number): Promise<{ total: number; page: number; pageCount: number; hits: PublicSearchHit[] }>;
  /** Every public URL of the newsroom with its last change, for /sitemap.xml. */
  sitemap(agencyId: string): Promise<{ path: string; lastmod: string }[]>;
}

import type { CategoryTable, LegalDocumentTable, MediaTable } from '../../db/types.ts';
import { paths, type PublicCategory, type PublicImage, type PublicLegalDocument } from './public-views.ts';
import type { CategoryView, LegalDocumentView, MediaItemView } from './schema.ts';

/** A stored image variant: the file holding it, its width and type. */
export interface StoredVariant {
  width: number;
  mime: 'image/webp' | 'image/jpeg';
  fileId: string;
}

export const variantsOf = (m: Pick<MediaTable, 'variants'>) => JSON.parse(m.variants) as StoredVariant[];
const extOf = (mime: string) => (mime === 'image/webp' ? 'webp' : 'jpg');

export function mediaView(m: MediaTable): MediaItemView {
  const variants = variantsOf(m).map((v) => ({ width: v.width, mime: v.mime, url: paths.image(m.id, v.width, extOf(v.mime)) }));
  const webp = variants.filter((v) => v.mime === 'image/webp');
  return { id: m.id, name: m.name, alt: m.alt, width: m.width, height: m.height, url: (webp.at(-1) ?? variants.at(-1))?.url ?? '', variants, createdAt: m.created_at };
}

/** `<img>` data for the portal: WebP srcset plus a JPEG `src` every browser shows. */
export function publicImage(m: MediaTable, alt: string | null): PublicImage {
  const variants = variantsOf(m);
  const jpeg = variants.find((v) => v.mime === 'image/jpeg') ?? variants.at(-1)!;
  return {
    mediaId: m.id,
    alt: alt ?? m.alt,
    width: m.width,
    height: m.height,
    srcset: variants.filter((v) => v.mime === 'image/webp').map((v) => `${paths.image(m.id, v.width, 'webp')} ${v.width}w`).join(', '),
    src: paths.image(m.id, jpeg.width, extOf(jpeg.mime)),
  };
}

export function categoryView(c: CategoryTable, publishedCount: number): CategoryView {
  return { id: c.id, slug: c.slug, name: c.name, description: c.description, position: c.position, active: c.active === 1, publishedCount };
}

export function publicCategory(c: CategoryTable): PublicCategory {
  return { slug: c.slug, name: c.name, description: c.description, path: paths.category(c.slug), feedPath: paths.categoryFeed(c.slug) };
}

type FileMeta = { id: string; name: string; mime: string; size: number };

export function documentView(d: LegalDocumentTable, file: FileMeta | undefined): LegalDocumentView {
  return {
    id: d.id, slug: d.slug, numberSymbol: d.number_symbol, docType: d.doc_type, issuer: d.issuer, signedOn: d.signed_on, effectiveOn: d.effective_on, subject: d.subject,
    file: file ? { fileId: file.id, name: file.name, mime: file.mime, size: file.size, label: null } : null,
    published: d.published === 1, isDemo: d.is_demo === 1, updatedAt: d.updated_at,
  };
}

export function publicDocument(d: LegalDocumentTable, file: FileMeta | undefined): PublicLegalDocument {
  return {
    slug: d.slug, path: paths.document(d.slug), numberSymbol: d.number_symbol, docType: d.doc_type, issuer: d.issuer, signedOn: d.signed_on, effectiveOn: d.effective_on, subject: d.subject,
    file: file ? { name: file.name, label: null, mime: file.mime, size: file.size, path: paths.documentFile(d.slug) } : null,
    updatedAt: d.updated_at, isDemo: d.is_demo === 1,
  };
}

import { newId, nowIso } from '../../db/sql-helpers.ts';
import { authorize, type Actor } from '../../platform/access.ts';
import { BadRequestError, NotFoundError } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/store.ts';
import { processImage } from '../../platform/media/images.ts';
import { acceptUpload } from '../../platform/media/sniff.ts';
import { normalizeText } from '../../platform/vi-text.ts';
import type { PublishingDeps } from './deps.ts';
import { publishingPolicy } from './policy.ts';
import * as repo from './repo.ts';
import type { StoredFileView } from './schema.ts';
import { mediaView, type StoredVariant } from './views.ts';

/** Images larger than this are refused before decoding (the originals are kept). */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

export function decodeBase64(base64: string): Buffer {
  const clean = base64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/=\s]*$/.test(clean)) throw new BadRequestError('Nội dung tệp không phải base64 hợp lệ.');
  return Buffer.from(clean, 'base64');
}

/** The media library (images, resized once on upload) and the newsroom's other uploads. */
export function createMediaLibrary({ database }: PublishingDeps) {
  const { db } = database;

  return {
    async list(actor: Actor | undefined, page = 1, pageSize = 40) {
      const a = authorize(actor, publishingPolicy, 'articles.read');
      const { items, total } = await repo.listMedia(db, a.agencyId, pageSize, (page - 1) * pageSize);
      return { total, items: items.map(mediaView) };
    },

    /** Sniffs the image by content, refuses bombs, stores the original and its variants. */
    async upload(actor: Actor | undefined, input: { name: string; base64: string; alt: string }) {
      const a = authorize(actor, publishingPolicy, 'media.write');
      const alt = normalizeText(input.alt);
      if (!alt) throw new BadRequestError('Ảnh cần có mô tả (alt) cho người đọc dùng trình đọc màn hình.');
      const bytes = decodeBase64(input.base64);
      const kind = acceptUpload(bytes, input.name, ['image'], MAX_IMAGE_BYTES);
      const processed = await processImage(bytes);
      const id = newId();
      await database.transaction(async (trx) => {
        const original = await fileStore.save(trx, { agencyId: a.agencyId, name: input.name, mime: kind.mime, bytes, createdBy: a.userId });
        const variants: StoredVariant[] = [];
        for (const v of processed.variants) {
          const ext = v.mime === 'image/webp' ? 'webp' : 'jpg';
          const stored = await fileStore.save(trx, { agencyId: a.agencyId, name: `${id}-${v.width}.${ext}`, mime: v.mime, bytes: v.bytes, createdBy: a.userId });
          variants.push({ width: v.width, mime: v.mime, fileId: stored.id });
        }
        await repo.insertMedia(trx, { id, agency_id: a.agencyId, file_id: original.id, name: original.name, alt, width: processed.width, height: processed.height, variants: JSON.stringify(variants), created_by: a.userId, created_at: nowIso() });
      });
      return mediaView((await repo.findMedia(db, id))!);
    },

    async updateAlt(actor: Actor | undefined, id: string, altText: string) {
      const row = await repo.findMedia(db, id);
      const a = authorize(actor, publishingPolicy, 'media.write', row);
      const alt = normalizeText(altText);
      if (!alt) throw new BadRequestError('Ảnh cần có mô tả (alt).');
      await repo.updateMediaAlt(db, a.agencyId, id, alt);
      return mediaView({ ...row!, alt });
    },

    /** An attachment (PDF, DOCX) or a loudspeaker audio file, checked by content. */
    async uploadFile(actor: Actor | undefined, input: { name: string; base64: string }): Promise<StoredFileView> {
      const a = authorize(actor, publishingPolicy, 'articles.write');
      const bytes = decodeBase64(input.base64);
      const sniffed = acceptUpload(bytes, input.name, ['pdf', 'docx', 'audio']);
      const name = input.name.replace(/\.[A-Za-z0-9]{1,5}$/, '') + `.${sniffed.ext}`;
      const meta = await database.transaction((trx) => fileStore.save(trx, { agencyId: a.agencyId, name, mime: sniffed.mime, bytes, createdBy: a.userId }));
      return { fileId: meta.id, name: meta.name, mime: meta.mime, size: meta.size, kind: sniffed.kind };
    },

    /** A variant's bytes: for the portal (after its own publication check) and signed-in staff. */
    async variantContent(agencyId: string, mediaId: string, width: number, ext: 'webp' | 'jpg') {
      const m = await repo.findMedia(db, mediaId);
      if (!m || m.agency_id !== agencyId) return undefined;
      const mime = ext === 'webp' ? 'image/webp' : 'image/jpeg';
      const v = (JSON.parse(m.variants) as StoredVariant[]).find((x) => x.width === width && x.mime === mime);
      if (!v) return undefined;
      const file = await fileStore.content(db, agencyId, v.fileId);
      return file && { name: file.name, mime: file.mime, content: Buffer.from(file.content) };
    },

    async mustExist(agencyId: string, mediaId: string) {
      const m = await repo.findMedia(db, mediaId);
      if (!m || m.agency_id !== agencyId) throw new NotFoundError('Không tìm thấy ảnh trong thư viện.');
      return m;
    },
  };
}

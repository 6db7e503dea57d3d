import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { BadRequestError, DomainError } from '../errors.ts';

/** Largest file any upload may carry. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface StoredFileMeta {
  id: string;
  agency_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

/**
 * Files kept in the database (table `files`), so a record and its file are written in one
 * transaction and backed up together. Callers check the type; this checks the size.
 */
export const fileStore = {
  async save(trx: Executor, input: { agencyId: string; name: string; mime: string; bytes: Uint8Array; createdBy: string | null }): Promise<StoredFileMeta> {
    if (input.bytes.length === 0) throw new BadRequestError('Tệp rỗng.');
    if (input.bytes.length > MAX_FILE_BYTES) throw new DomainError(413, `Tệp vượt quá ${MAX_FILE_BYTES / 1024 / 1024} MB.`, 'file_too_large');
    const row = {
      id: newId(),
      agency_id: input.agencyId,
      name: input.name.normalize('NFC').replace(/[\\/\0]/g, '_').slice(0, 300),
      mime: input.mime,
      size: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      content: Buffer.from(input.bytes),
      created_by: input.createdBy,
      created_at: nowIso(),
    };
    await trx.insertInto('files').values(row).execute();
    const { content: _content, ...meta } = row;
    return meta;
  },

  meta(db: Executor, id: string): Promise<StoredFileMeta | undefined> {
    return db.selectFrom('files').select(['id', 'agency_id', 'name', 'mime', 'size', 'sha256']).where('id', '=', id).executeTakeFirst();
  },

  content(db: Executor, agencyId: string, id: string) {
    return db.selectFrom('files').select(['name', 'mime', 'size', 'content']).where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
  },
};

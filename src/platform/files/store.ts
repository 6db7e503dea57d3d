import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/sql-helpers.ts';
import { BadRequestError, DomainError } from '../errors.ts';
import { S3Error, type S3Client } from './s3-client.ts';

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
 * Where new file content goes: the database (default) or an S3 bucket (FILE_STORAGE=s3). Set
 * once at start-up by services.ts: `fileStore` is imported by many modules as a plain object.
 */
let objects: S3Client | undefined;
export function useObjectStorage(client: S3Client | undefined) {
  objects = client;
}

/** The object key of a file: by agency, so a bucket can be split or exported per agency. */
export const objectKeyOf = (agencyId: string, fileId: string) => `${agencyId}/${fileId}`;

function storageFailure(err: unknown): never {
  // The details (bucket, code) are logged by the error handler; the user gets a plain message.
  const detail = err instanceof S3Error ? ` (${err.code})` : '';
  throw new DomainError(503, `Kho lưu trữ tệp (S3) không phản hồi hoặc từ chối truy cập${detail}. Vui lòng thử lại sau hoặc báo quản trị viên.`, 'file_storage_unavailable');
}

/**
 * Files: metadata in the table `files`, content in the same row by default (a record and its file
 * are written in one transaction and backed up together) or in S3 under `storage_key`. An object
 * is written BEFORE its row, inside the caller's transaction: a rolled-back transaction leaves an
 * orphan object with no row, never a row without its object; `minhbach files orphans --delete`
 * (files/orphans.ts) removes them. Callers check the type; this checks the size.
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
      content: objects ? Buffer.alloc(0) : Buffer.from(input.bytes),
      storage_key: null as string | null,
      created_by: input.createdBy,
      created_at: nowIso(),
    };
    if (objects) {
      row.storage_key = objectKeyOf(row.agency_id, row.id);
      await objects.put(row.storage_key, input.bytes, row.mime).catch(storageFailure);
    }
    await trx.insertInto('files').values(row).execute();
    const { content: _content, storage_key: _key, ...meta } = row;
    return meta;
  },

  meta(db: Executor, id: string): Promise<StoredFileMeta | undefined> {
    return db.selectFrom('files').select(['id', 'agency_id', 'name', 'mime', 'size', 'sha256']).where('id', '=', id).executeTakeFirst();
  },

  /** A file's content; from S3 when it lives there (read whole: callers zip, hash or send it). */
  async content(db: Executor, agencyId: string, id: string) {
    const row = await db.selectFrom('files').select(['name', 'mime', 'size', 'content', 'storage_key']).where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const { storage_key: key, ...file } = row;
    if (key === null) return file;
    if (!objects) throw new DomainError(503, 'Tệp nằm trong kho lưu trữ S3 nhưng máy chủ chưa cấu hình FILE_STORAGE=s3.', 'file_storage_unavailable');
    const stream = await objects.get(key).catch(storageFailure);
    return { ...file, content: Buffer.from(await new Response(stream).arrayBuffer()) };
  },
};

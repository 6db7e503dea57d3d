import { inflateRawSync } from 'node:zlib';
import { DomainError } from '../errors.ts';
import { zipEntries, zipEntryData } from './sniff.ts';

/** What every ZIP-based file (DOCX, XLSX) may inflate to in all, nested archives included. */
export const ZIP_MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** Entries in one archive: real office files have dozens, a few thousand at most. */
export const ZIP_MAX_ENTRIES = 10_000;
/** An archive inside an archive is looked into once (a chart's workbook in a DOCX); deeper is refused. */
const MAX_NESTING = 1;

const refused = (detail: string) =>
  new DomainError(413, `Tệp nén không được nhận: ${detail}. Hãy lưu lại tệp bằng Word hoặc Excel rồi tải lên lại.`, 'archive_refused');

/**
 * Refuses a ZIP bomb before any reader (mammoth, exceljs, JSZip) inflates it in memory: every
 * entry is really inflated — the central directory's sizes can lie — against one budget shared
 * by the whole file, and a nested archive spends the same budget. Throws a 413 DomainError with
 * a Vietnamese message; returns quietly for a file within the limits. Files that are not ZIPs
 * are left to the readers.
 */
export function assertZipWithinLimits(bytes: Uint8Array, budget = ZIP_MAX_INFLATED_BYTES): void {
  inspect(bytes, { left: budget }, 0);
}

function inspect(bytes: Uint8Array, budget: { left: number }, depth: number): void {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return;
  const entries = zipEntries(bytes);
  if (!entries) return; // not readable as a ZIP: the reader will say the file is corrupt
  if (entries.length > ZIP_MAX_ENTRIES) throw refused(`có quá nhiều thành phần (${entries.length.toLocaleString('vi-VN')})`);
  for (const entry of entries) {
    if (entry.uncompressedSize > budget.left) throw refused('nội dung giải nén quá lớn');
    const data = zipEntryData(bytes, entry);
    if (!data || (entry.method !== 0 && entry.method !== 8)) continue; // the reader will refuse what it cannot read
    let inflated: Buffer;
    try {
      inflated = entry.method === 0 ? Buffer.from(data) : inflateRawSync(data, { maxOutputLength: Math.max(1, budget.left) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw refused('nội dung giải nén quá lớn');
      continue; // a corrupt stream: the reader refuses it as corrupt
    }
    budget.left -= inflated.length;
    if (budget.left < 0) throw refused('nội dung giải nén quá lớn');
    if (inflated[0] === 0x50 && inflated[1] === 0x4b && inflated[2] === 0x03 && inflated[3] === 0x04) {
      if (depth >= MAX_NESTING) throw refused('tệp nén lồng nhiều lớp');
      inspect(inflated, budget, depth + 1);
    }
  }
}

import { api } from '../../api';
import type { MediaItem, StoredFile } from '../../newsroom-types';

/** Images the server takes (it sniffs the content, resizes and converts them). */
export const IMAGE_TYPES = '.png,.jpg,.jpeg,.webp,.gif';
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Attachments of an article and legal document files. */
export const DOCUMENT_TYPES = '.pdf,.docx';
export const AUDIO_TYPES = '.mp3,.m4a,.ogg,.oga,.wav,.aac';
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const MB = 1024 * 1024;

/** Why `file` cannot be sent, or undefined when it may be. */
export function fileProblem(file: File, accept: string, maxBytes: number): string | undefined {
  const name = file.name.toLowerCase();
  const extensions = accept.split(',');
  if (!extensions.some((ext) => name.endsWith(ext))) return `Tệp "${file.name}" không đúng định dạng. Chỉ nhận: ${extensions.join(', ')}.`;
  if (file.size === 0) return `Tệp "${file.name}" rỗng.`;
  if (file.size > maxBytes) return `Tệp "${file.name}" vượt quá ${Math.round(maxBytes / MB)} MB.`;
  return undefined;
}

/** A picked file's content as base64 (what the upload routes take in JSON). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`Không đọc được tệp "${file.name}" trên máy.`));
    reader.readAsDataURL(file);
  });
}

/** Stores a PDF, DOCX or audio file; the answer's `fileId` is then attached to an article or a document. */
export async function uploadStoredFile(file: File): Promise<StoredFile> {
  return api.post<StoredFile>('/api/publishing/files', { name: file.name, base64: await readBase64(file) });
}

/** Adds an image to the media library, with its alternative text (required). */
export async function uploadMedia(file: File, alt: string): Promise<MediaItem> {
  return api.post<MediaItem>('/api/media', { name: file.name, base64: await readBase64(file), alt: alt.trim() });
}

/** "1,2 MB", "350 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / MB)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

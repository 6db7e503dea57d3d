import type { ImportFile } from '../../../plan-types';

/** The server refuses larger files (413); checking here spares the upload. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const IMPORT_EXTENSIONS = ['.pdf', '.docx', '.xlsx', '.txt'] as const;

/** Why a file cannot be imported, or undefined when it may be sent. */
export function importFileProblem(file: File): string | undefined {
  const name = file.name.toLowerCase();
  if (!IMPORT_EXTENSIONS.some((ext) => name.endsWith(ext))) return `Tệp "${file.name}" không đúng định dạng. Chỉ nhận tệp PDF, DOCX, XLSX hoặc TXT.`;
  if (file.size > MAX_IMPORT_BYTES) return `Tệp "${file.name}" vượt quá 20 MB. Hãy chọn tệp nhỏ hơn (ví dụ: bản PDF không kèm ảnh quét).`;
  if (file.size === 0) return `Tệp "${file.name}" rỗng.`;
  return undefined;
}

/** Reads a picked file in the browser as the API's `{name, mime, base64}`. */
export function readImportFile(file: File): Promise<ImportFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, ...(file.type ? { mime: file.type } : {}), base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`Không đọc được tệp "${file.name}" trên máy.`));
    reader.readAsDataURL(file);
  });
}

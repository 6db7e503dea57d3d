/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback name plus the exact UTF-8
 * Vietnamese name. Example: `contentDisposition('Kế hoạch.docx')`.
 */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

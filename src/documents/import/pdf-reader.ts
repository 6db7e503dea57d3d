/**
 * The text layer of a PDF through unpdf (pdf.js). Pages are joined here rather than with
 * unpdf's `mergePages`, which collapses runs of spaces: two spaces are often all that separates
 * two table cells printed on one line ("…năm 2024  Phòng HC-TH").
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { ImportError } from './errors.ts';

/** Fewer letters than this per page means there is no real text layer (a scan). */
const MIN_LETTERS_PER_PAGE = 40;

function failure(error: unknown): ImportError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password|encrypt/i.test(message)) {
    return new ImportError('encrypted', 'Tệp PDF được đặt mật khẩu hoặc mã hóa nên không đọc được. Vui lòng gỡ mật khẩu rồi tải lên lại, hoặc dán nội dung kế hoạch vào ô văn bản.');
  }
  return new ImportError('corrupt', 'Tệp PDF bị hỏng hoặc không đúng định dạng nên không đọc được. Vui lòng kiểm tra lại tệp, hoặc dán nội dung kế hoạch vào ô văn bản.');
}

export async function readPdf(bytes: Uint8Array): Promise<string> {
  let pages: string[];
  let total: number;
  try {
    // pdf.js takes ownership of the buffer it is given: give it a copy. Verbosity 0 keeps its
    // warnings about damaged files out of the server log; the failure itself is reported.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    const result = await extractText(pdf, { mergePages: false });
    pages = result.text;
    total = result.totalPages;
    await pdf.destroy();
  } catch (error) {
    throw failure(error);
  }
  const text = pages.join('\n');
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, Math.min(total, 3))) {
    throw new ImportError('scanned_pdf', 'Tệp PDF không có lớp chữ (có vẻ là bản scan/ảnh chụp) nên không đọc được nội dung. Vui lòng tải lên bản DOCX hoặc PDF xuất từ Word, hoặc sao chép và dán nội dung kế hoạch vào ô văn bản.');
  }
  return text;
}

/**
 * The text layer of a PDF through unpdf (pdf.js). Pages are joined here rather than with
 * unpdf's `mergePages`, which collapses runs of spaces: two spaces are often all that separates
 * two table cells printed on one line ("…năm 2024  Phòng HC-TH"). The positions of the text runs
 * are kept to rebuild the task table cell by cell (pdf-table.ts); its text then leaves the
 * document's text, as a DOCX table does.
 */
import { getDocumentProxy } from 'unpdf';
import { ImportError } from './errors.ts';
import { findPdfTable, type PdfItem } from './pdf-table.ts';

export interface PdfContent {
  text: string;
  /** The task table rebuilt from positions, when one was found. */
  tables: string[][][];
}

interface RawItem extends PdfItem {
  eol: boolean;
}

interface TextItemLike {
  str?: unknown;
  transform?: unknown;
  width?: unknown;
  height?: unknown;
  hasEOL?: unknown;
}

function toItem(raw: TextItemLike, page: number): RawItem | null {
  if (typeof raw.str !== 'string' || !Array.isArray(raw.transform)) return null;
  const t = raw.transform as number[];
  return {
    str: raw.str,
    x: Number(t[4]) || 0,
    y: Number(t[5]) || 0,
    w: typeof raw.width === 'number' ? raw.width : 0,
    h: typeof raw.height === 'number' ? raw.height : Math.hypot(Number(t[2]) || 0, Number(t[3]) || 0),
    page,
    eol: raw.hasEOL === true,
  };
}

/** A page's text as pdf.js orders it (unpdf's extractText), without the items of the table. */
function pageText(items: readonly RawItem[], skip: (it: RawItem) => boolean): string {
  return items.map((it) => (skip(it) ? (it.eol ? '\n' : '') : it.str + (it.eol ? '\n' : ''))).join('');
}

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

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const pages: RawItem[][] = [];
  let total: number;
  try {
    // pdf.js takes ownership of the buffer it is given: give it a copy. Verbosity 0 keeps its
    // warnings about damaged files out of the server log; the failure itself is reported.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    total = pdf.numPages;
    for (let p = 1; p <= total; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      pages.push((content.items as TextItemLike[]).map((it) => toItem(it, p)).filter((it): it is RawItem => it !== null));
    }
    await pdf.destroy();
  } catch (error) {
    throw failure(error);
  }
  const text = pages.map((items) => pageText(items, () => false)).join('\n');
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, Math.min(total, 3))) {
    throw new ImportError('scanned_pdf', 'Tệp PDF không có lớp chữ (có vẻ là bản scan/ảnh chụp) nên không đọc được nội dung. Vui lòng tải lên bản DOCX hoặc PDF xuất từ Word, hoặc sao chép và dán nội dung kế hoạch vào ô văn bản.');
  }
  let table: ReturnType<typeof findPdfTable>;
  try {
    table = findPdfTable(pages.flat());
  } catch {
    // Positions are a help, never a reason to fail: the text is read as before.
    table = null;
  }
  if (!table) return { text, tables: [] };
  const { used, grid } = table;
  // Leave out the table's region (its spacing runs too) page by page.
  const regions = new Map<number, [number, number]>();
  for (const it of used) {
    const r = regions.get(it.page);
    regions.set(it.page, r ? [Math.min(r[0], it.y), Math.max(r[1], it.y)] : [it.y, it.y]);
  }
  const inTable = (it: RawItem): boolean => {
    const r = regions.get(it.page);
    return used.has(it) || (r !== undefined && it.y >= r[0] - 1 && it.y <= r[1] + 1);
  };
  return { text: pages.map((items) => pageText(items, inTable)).join('\n'), tables: [grid] };
}

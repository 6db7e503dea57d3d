/**
 * Entry point of the plan importer: a file as uploaded (name, bytes, MIME type) to its text and
 * tables, and to a PlanDocument. The type is taken from the bytes first (a PDF renamed .docx is
 * still a PDF), then from the name and MIME type. Every failure is an ImportError with a message
 * for the user; no other exception leaves this module for a bad file.
 */
import type { PlanDocument } from '../plan-document.ts';
import { readDocx } from './docx-reader.ts';
import { DomainError } from '../../platform/errors.ts';
import { ImportError } from './errors.ts';
import { readPdf } from './pdf-reader.ts';
import { parsePlanText } from './text-plan.ts';
import { readXlsx } from './xlsx-reader.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/**
 * A plan's text is some 10–100 kB; reading takes ~25 ms per 70 kB and blocks the event loop, so
 * text beyond this (a 20 MB .txt, a PDF of scanned books with OCR) is refused rather than read.
 */
export const MAX_PLAN_TEXT_CHARS = 2_000_000;

/** Refuses text too long to be a plan; for pasted text too. Example: `checkPlanTextSize(body.text)`. */
export function checkPlanTextSize(text: string): void {
  if (text.length > MAX_PLAN_TEXT_CHARS) {
    throw new ImportError('too_large', 'Nội dung quá dài để là một kế hoạch (quá 2 triệu ký tự). Vui lòng kiểm tra lại tệp hoặc chỉ dán phần kế hoạch.');
  }
}

export interface PlanFile {
  name: string;
  bytes: Uint8Array;
  mime?: string;
}

export type ExtractedPlan =
  | { text: string; paragraphs?: boolean }
  | { tables: string[][][]; text: string; paragraphs?: boolean };

type FileKind = 'pdf' | 'docx' | 'xlsx' | 'text';

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Whether a ZIP holds an entry whose name starts with `prefix` (entry names are stored as is). */
function zipHas(bytes: Uint8Array, prefix: string): boolean {
  const needle = new TextEncoder().encode(prefix);
  const limit = Math.min(bytes.length - needle.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i <= limit; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

function kindOf(file: PlanFile): FileKind {
  const name = file.name.toLowerCase();
  const mime = (file.mime ?? '').toLowerCase();
  const { bytes } = file;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (zipHas(bytes, 'word/')) return 'docx';
    if (zipHas(bytes, 'xl/')) return 'xlsx';
    if (name.endsWith('.docx')) return 'docx';
    if (name.endsWith('.xlsx')) return 'xlsx';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportError('unsupported_type', 'Tệp Word/Excel định dạng cũ (.doc, .xls) chưa được hỗ trợ. Vui lòng mở tệp và lưu lại thành .docx hoặc .xlsx rồi tải lên.');
  }
  if (name.endsWith('.pdf') || mime === 'application/pdf') return 'pdf';
  if (name.endsWith('.docx') || mime.includes('wordprocessingml')) return 'docx';
  if (name.endsWith('.xlsx') || mime.includes('spreadsheetml')) return 'xlsx';
  if (/\.(txt|text|md)$/.test(name) || mime.startsWith('text/')) return 'text';
  throw new ImportError('unsupported_type', 'Không hỗ trợ loại tệp này. Vui lòng tải lên tệp PDF, DOCX, XLSX hoặc văn bản (.txt).');
}

/** Text files: UTF-8 (with or without BOM) or UTF-16 with its BOM. */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportError('encoding', 'Tệp văn bản không ở bảng mã Unicode (UTF-8 hoặc UTF-16) nên không đọc được. Vui lòng lưu lại tệp với bảng mã UTF-8.');
  }
  if (text.includes('\u0000')) {
    throw new ImportError('corrupt', 'Tệp không phải là văn bản thuần (có dữ liệu nhị phân). Vui lòng tải lên tệp PDF, DOCX, XLSX hoặc dán nội dung kế hoạch.');
  }
  return text.normalize('NFC');
}

async function guarded<T>(kind: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // The platform's ZIP guard (a bomb): the same refusal, as the importer's own error.
    if (error instanceof DomainError) throw new ImportError('too_large', error.message);
    throw new ImportError('corrupt', `Tệp ${kind} bị hỏng hoặc không đúng định dạng nên không đọc được. Vui lòng kiểm tra lại tệp.`);
  }
}

/** The text (and real tables, for DOCX and XLSX) of an uploaded plan. */
export async function extractPlanText(file: PlanFile): Promise<ExtractedPlan> {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError('too_large', 'Tệp quá lớn: kế hoạch tải lên không được vượt quá 20 MB.');
  }
  if (file.bytes.byteLength === 0) throw new ImportError('empty', 'Tệp rỗng, không có nội dung.');
  switch (kindOf(file)) {
    case 'pdf': {
      const pdf = await readPdf(file.bytes);
      return pdf.tables.length ? { text: pdf.text, tables: pdf.tables } : { text: pdf.text };
    }
    case 'docx': {
      const docx = await guarded('DOCX', () => readDocx(file.bytes));
      return { ...docx, paragraphs: true };
    }
    case 'xlsx': {
      const tables = await guarded('XLSX', () => readXlsx(file.bytes));
      return { tables, text: '', paragraphs: true };
    }
    case 'text': {
      const text = decodeText(file.bytes);
      if (!text.trim()) throw new ImportError('empty', 'Tệp rỗng, không có nội dung.');
      return { text };
    }
  }
}

/** Reads an uploaded plan into a PlanDocument (warnings say what needs a look). */
export async function importPlanFile(file: PlanFile): Promise<PlanDocument> {
  const extracted = await extractPlanText(file);
  const tables = 'tables' in extracted ? extracted.tables : [];
  checkPlanTextSize(extracted.text);
  try {
    return parsePlanText(extracted.text, { tables, paragraphs: extracted.paragraphs ?? false });
  } catch (error) {
    // The parser is written not to throw; if it ever does, the user still gets a clear answer.
    throw new ImportError('corrupt', 'Không đọc được cấu trúc kế hoạch trong tệp này. Vui lòng dán nội dung kế hoạch vào ô văn bản.', { cause: String(error) });
  }
}

/**
 * Text of the fixed lines of a Decree 30/2020/NĐ-CP document: number, place and date, the
 * appendix reference. Kept apart from the DOCX code so the rules can be tested on strings.
 */

/**
 * What a blank is printed as while the number or the date is not yet given: the clerk writes
 * them in by hand when the document is registered, so the space must stay on paper.
 */
export const BLANK = ' '.repeat(6);

/** Upper case that keeps Vietnamese letters whole. Example: `upperVi('Ban Dân tộc') === 'BAN DÂN TỘC'`. */
export function upperVi(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

/** Splits "YYYY-MM-DD" into numbers, or null when it is not such a date. */
function dateParts(date: string | null | undefined): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Decree 30 (Phụ lục I, II.5.b): days under 10 and the months 1 and 2 get a leading zero, so that
 * nothing can be written in front of them later ("tháng 1" could become "tháng 11"); the months
 * 3–9 are written as they are.
 */
function monthText(m: number): string {
  return m <= 2 ? pad2(m) : String(m);
}

/**
 * The italic line under the national motto.
 * Examples: `placeDateLine('Bắc Giang', '2024-02-05')` → "Bắc Giang, ngày 05 tháng 02 năm 2024";
 * `placeDateLine('Bắc Giang', null, 2024)` → "Bắc Giang, ngày      tháng      năm 2024".
 */
export function placeDateLine(place: string, date: string | null, year: number | null = null): string {
  const parts = dateParts(date);
  if (parts) return `${place}, ngày ${pad2(parts.d)} tháng ${monthText(parts.m)} năm ${parts.y}`;
  return `${place}, ngày${BLANK}tháng${BLANK}năm${year === null ? BLANK : ` ${year}`}`;
}

/** "dd/mm/yyyy" for the appendix reference, blanks for what is not known: "      /      /2024". */
export function slashDate(date: string | null, year: number | null = null): string {
  const parts = dateParts(date);
  if (parts) return `${pad2(parts.d)}/${pad2(parts.m)}/${parts.y}`;
  return `${BLANK}/${BLANK}/${year ?? BLANK}`;
}

/**
 * The number as printed after "Số:": "05/KH-BDT", or "      /KH-BDT" while it is blank.
 * Numbers under 10 get a leading zero (Decree 30: "05/KH-BDT", not "5/KH-BDT").
 */
export function documentNumber(numberText: string | null, numberSuffix: string | null, docType = 'KH'): string {
  const text = (numberText ?? '').trim();
  const numbered = /^(\d+)\s*\/\s*(.+)$/.exec(text);
  if (numbered) return `${pad2(Number(numbered[1]))}/${numbered[2]}`;
  const suffixOnly = /^\/\s*(.+)$/.exec(text);
  const suffix = suffixOnly?.[1] ?? numberSuffix ?? (text !== '' ? text : docType);
  return `${BLANK}/${suffix}`;
}

/** "Số: 05/KH-BDT" or "Số:      /KH-BDT". */
export function numberLine(numberText: string | null, numberSuffix: string | null, docType = 'KH'): string {
  const number = documentNumber(numberText, numberSuffix, docType);
  return number.startsWith(BLANK) ? `Số:${number}` : `Số: ${number}`;
}

/** Document type words as printed in running text (the heading itself is in caps). */
const TYPE_WORDS: Record<string, string> = { KH: 'Kế hoạch', BC: 'Báo cáo' };

/**
 * The italic line under an appendix title.
 * Example: "(Kèm theo Kế hoạch số 05/KH-BDT ngày 05/02/2024 của Ban Dân tộc tỉnh Bắc Giang)".
 */
export function appendixReferenceLine(args: {
  docType: string;
  numberText: string | null;
  numberSuffix: string | null;
  signDate: string | null;
  year: number | null;
  agency: string;
}): string {
  const word = TYPE_WORDS[args.docType] ?? 'Văn bản';
  const number = documentNumber(args.numberText, args.numberSuffix, args.docType);
  const date = slashDate(args.signDate, args.year);
  // A blank starts with its own spaces: "số      /KH-BDT", not "số       /KH-BDT".
  const after = (label: string, value: string) => (value.startsWith(BLANK) ? `${label}${value}` : `${label} ${value}`);
  return `(Kèm theo ${word} ${after('số', number)} ${after('ngày', date)} của ${args.agency})`;
}

/** The year a document belongs to: its own, else its signing date's. */
export function documentYear(year: number | null, signDate: string | null): number | null {
  return year ?? dateParts(signDate)?.y ?? null;
}

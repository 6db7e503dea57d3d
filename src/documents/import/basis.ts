/**
 * The legal basis of a plan ("Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh, về
 * việc …") and the theme of the year it quotes. A reference's `text` runs from its type to its
 * issuer: what follows ("về việc …") is the subject, which the writer prints after it.
 */
import type { BasisRef } from '../plan-document.ts';
import { dateFacts } from './header.ts';
import { clean } from './lines.ts';

const TYPES = [
  'Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị quyết liên tịch', 'Nghị quyết', 'Nghị định', 'Quyết định',
  'Chỉ thị', 'Thông tư liên tịch', 'Thông tư', 'Kế hoạch', 'Công văn', 'Văn bản', 'Hướng dẫn', 'Thông báo',
  'Chương trình', 'Đề án', 'Kết luận', 'Quy chế', 'Quy định', 'Chiến lược',
];
const TYPE_RE = new RegExp(`^(${TYPES.join('|')})(?=\\s|$)`, 'iu');
const NEXT_REF = new RegExp(`;\\s*(?:và\\s+)?(?=(?:${TYPES.join('|')})\\s)`, 'u');
const REF_NUMBER = /\bsố\s*:?\s*(\d[\p{L}\d.-]*\/[\p{L}\d/.-]*[\p{L}\d])/u;
const OPENER = /^(?:Căn cứ|Thực hiện)\s+/iu;

/** Where an issuer's name ends: punctuation, or the verb or subject that follows it. */
const ISSUER_END = /[,;]|\.(?:\s|$)|\s(?:về|ban hành|phê duyệt|quy định|hướng dẫn|triển khai|thực hiện|tuyên truyền|sửa đổi|V\/v|việc|năm \d{4})(?=\s|$)/u;

/** Whether a paragraph states a basis: "Căn cứ …", or "Thực hiện Kế hoạch số …". */
export function isBasisParagraph(text: string): boolean {
  if (/^Căn cứ\s/iu.test(text)) return true;
  const m = /^Thực hiện\s+(.*)$/iu.exec(text);
  return m !== null && TYPE_RE.test(m[1] ?? '') && REF_NUMBER.test(text.slice(0, 120));
}

function parseRef(raw: string): BasisRef | null {
  const text = clean(raw).replace(/[;.,:]$/, '');
  if (!text) return null;
  const type = TYPE_RE.exec(text)?.[1] ?? null;
  const num = REF_NUMBER.exec(text);
  const date = dateFacts(text);
  const dateMatch = /ngày\s*\d{0,2}\s*(?:[/.-]\s*\d{0,2}\s*[/.-]|tháng\s*\d{0,2}\s*năm)\s*\d{4}/iu.exec(text);
  let end = Math.max(num ? num.index + num[0].length : 0, dateMatch ? dateMatch.index + dateMatch[0].length : 0);
  let issuer: string | null = null;
  const of = /\scủa\s+/u.exec(text.slice(end));
  if (of && of.index < 40) {
    const start = end + of.index + of[0].length;
    const tail = text.slice(start);
    const stop = ISSUER_END.exec(tail);
    issuer = clean(stop ? tail.slice(0, stop.index) : tail) || null;
    if (issuer && issuer.split(' ').length > 15) issuer = null;
    if (issuer) end = start + (stop ? stop.index : tail.length);
  }
  if (end === 0) {
    const stop = /[,;]/.exec(text);
    end = stop ? stop.index : text.length;
  }
  return {
    text: clean(text.slice(0, end)),
    type,
    number: num?.[1] ?? null,
    date: date?.signDate ?? null,
    issuer,
  };
}

/** Every reference of a basis paragraph: "Căn cứ Luật …; Luật sửa đổi …;" holds two. */
export function parseBasis(paragraph: string): BasisRef[] {
  const body = clean(paragraph).replace(OPENER, '');
  return body.split(NEXT_REF).map(parseRef).filter((r): r is BasisRef => r !== null);
}

/** The quoted theme after "chủ đề …": 'chủ đề năm 2024 của Chính phủ: "Kỷ cương …"'. */
export function findTheme(text: string): string | null {
  const m = /chủ đề[^"“”\n]{0,100}?["“]([^"“”]{3,300})["”]/iu.exec(clean(text));
  return m?.[1] ? clean(m[1]) : null;
}

/**
 * The end of the body: "Nơi nhận:" with its list, and the signature block ("KT. TRƯỞNG BAN" /
 * "PHÓ TRƯỞNG BAN" / name). The two sit side by side in a borderless table, so extracted text
 * often interleaves them ("- Sở Nội vụ; PHÓ TRƯỞNG BAN"): signature words are split off the
 * recipient lines before the list is read.
 */
import type { PlanDocument } from '../plan-document.ts';
import { clean } from './lines.ts';

type Signer = NonNullable<PlanDocument['signer']>;

const AUTHORITY = /^(?:KT|TM|TL|TUQ|Q)\.\s*\S/u;
const TITLE_WORDS = /(?:TRƯỞNG|PHÓ|GIÁM ĐỐC|CHỦ TỊCH|CHÁNH|BÍ THƯ|THỦ TRƯỞNG|CỤC TRƯỞNG|HIỆU TRƯỞNG|ỦY BAN|UỶ BAN|UBND|BAN\b)/u;
const NAME = /^(?:\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*$/u;
const SIGN_NOTE = /^\((?:đã ký|ký|ký tên|ký, ghi rõ họ tên)[^)]*\)$|^\[?(?:đã ký|chữ ký số)\]?$/iu;
const NOI_NHAN = /^Nơi nhận\s*:?\s*/iu;

function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

function isSignatureLine(line: string): boolean {
  return AUTHORITY.test(line) || (isCaps(line) && TITLE_WORDS.test(line) && line.split(' ').length <= 10) || NAME.test(line) || SIGN_NOTE.test(line);
}

/** "- Sở Nội vụ; PHÓ TRƯỞNG BAN" → ["- Sở Nội vụ;", "PHÓ TRƯỞNG BAN"]. */
function splitTrailingSignature(line: string): [string, string | null] {
  const caps = /^(.*?[;.,:])\s+((?:(?:KT|TM|TL|TUQ|Q)\.\s*)?[\p{Lu}][\p{Lu}\s.]+)$/u.exec(line);
  if (caps?.[1] && caps[2] && TITLE_WORDS.test(caps[2]) && caps[2].trim().includes(' ')) return [caps[1], caps[2].trim()];
  const name = /^(.*[;.])\s+((?:\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*)$/u.exec(line);
  if (name?.[1] && name[2]) return [name[1], name[2]];
  return [line, null];
}

export interface Closing {
  recipients: string[];
  signer: Signer | null;
}

function recipientText(line: string): string {
  return clean(line.replace(/^[-–—+•]\s*/, '')).replace(/[;.,]+$/, '').trim();
}

/** Reads recipients and signer from the raw lines after the body. */
export function parseClosing(lines: readonly string[]): Closing {
  const recipients: string[] = [];
  const signature: string[] = [];
  let inList = false;
  let listDone = false;
  let lastOpen = false;
  // Text pasted from the two-cell table puts a tab between "Nơi nhận" lines and signature lines.
  const parts = lines.flatMap((raw) => raw.split('\t'));
  for (const raw of parts) {
    let line = clean(raw);
    if (!line) continue;
    if (NOI_NHAN.test(line)) {
      inList = true;
      line = line.replace(NOI_NHAN, '');
      if (!line) continue;
    }
    if (/^[-–—+•]/.test(line)) {
      const [left, right] = splitTrailingSignature(line);
      if (right) signature.push(right);
      line = left;
    }
    if (inList && !listDone && /^[-–—+•]/.test(line)) {
      recipients.push(recipientText(line));
      lastOpen = !/[;.]$/.test(line);
      if (/^[-–—+•]\s*Lưu\b/iu.test(line)) listDone = !lastOpen;
      continue;
    }
    if (inList && !listDone && lastOpen && recipients.length && !isSignatureLine(line)) {
      // A recipient wrapped onto the next line.
      const i = recipients.length - 1;
      recipients[i] = recipientText(`${recipients[i]} ${line}`);
      lastOpen = !/[;.]$/.test(line);
      if (!lastOpen && /^Lưu\b/iu.test(recipients[i] ?? '')) listDone = true;
      continue;
    }
    if (isSignatureLine(line)) signature.push(line);
  }
  return { recipients: recipients.filter(Boolean), signer: readSigner(signature) };
}

function readSigner(lines: string[]): Signer | null {
  const authority = lines.filter((l) => AUTHORITY.test(l));
  const title = lines.find((l) => !AUTHORITY.test(l) && isCaps(l) && TITLE_WORDS.test(l)) ?? null;
  const name = lines.find((l) => !isCaps(l) && NAME.test(l)) ?? null;
  if (!title && !name && !authority.length) return null;
  return {
    authority: authority.length ? authority.join(' ') : null,
    title: title ?? (authority.length ? (authority[authority.length - 1] ?? '').replace(/^\S+\s*/, '') : ''),
    name: name ?? '',
  };
}

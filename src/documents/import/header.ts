/**
 * The Decree 30 header (agency lines, "Số: …", national motto, place and date) and the line under
 * an appendix title that names the plan it belongs to: "(Kèm theo Kế hoạch số …/KH-BDT ngày
 * …/02/2024 của Ban Dân tộc tỉnh Bắc Giang)". PDF text puts the header's two columns on the same
 * lines or one after the other, so lines are read by what they say, not by where they are.
 */
import { foldVi } from '../../platform/vi-text.ts';
import { isoDate } from './due-parser.ts';
import { clean } from './lines.ts';

export interface NumberFacts {
  numberText: string | null;
  numberSuffix: string | null;
}

export interface DateFacts {
  signDate: string | null;
  /** The year of the date line, also when day and month are still blank. */
  year: number | null;
}

export interface HeaderFacts extends NumberFacts, DateFacts {
  parentAgency: string | null;
  /** The issuing agency as printed (caps). */
  agency: string | null;
  place: string | null;
}

export interface AttachmentFacts extends NumberFacts, DateFacts {
  /** "Kế hoạch", "Quyết định": what the appendix is attached to. */
  docType: string | null;
  issuer: string | null;
  province: string | null;
}

/**
 * Folds character by character so that indexes in the folded text are indexes in the original
 * (foldVi on a whole string may merge or drop combining marks).
 */
export function foldAligned(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = foldVi(ch);
    out += f.length === ch.length ? f : f.padEnd(ch.length, ' ').slice(0, ch.length);
  }
  return out;
}

const MOTTO_1 = /cong hoa xa hoi chu nghia viet nam/;
const MOTTO_2 = /doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc/;
const NUMBER = /Số\s*:?\s*(\d*)\s*\/\s*([\p{L}\d]+(?:\s*[-–]\s*[\p{L}\d&]+)*)/iu;
const NUMBER_ANYWHERE = /số\s*:?\s*(\d*)\s*\/\s*([\p{L}\d]+(?:\s*[-–]\s*[\p{L}\d&]+)*)/iu;
const DATE_WORDS = /ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})/iu;
const DATE_SLASH = /ngày\s*(\d{0,2})\s*[/.-]\s*(\d{0,2})\s*[/.-]\s*(\d{4})/iu;

const CONTINUES_NAME = /^(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|VÀ|&)\s/u;

function removeFolded(line: string, pattern: RegExp): { line: string; found: boolean } {
  const m = pattern.exec(foldAligned(line));
  if (!m) return { line, found: false };
  return { line: clean(line.slice(0, m.index) + '  ' + line.slice(m.index + m[0].length)), found: true };
}

function numberFacts(m: RegExpExecArray | null): NumberFacts {
  if (!m) return { numberText: null, numberSuffix: null };
  const suffix = (m[2] ?? '').replace(/\s+/g, '').replace(/–/g, '-');
  return { numberText: `${m[1] ?? ''}/${suffix}`, numberSuffix: suffix };
}

/** The date of "ngày 05 tháng 02 năm 2024" or "ngày 05/02/2024"; blanks give a year only. */
export function dateFacts(text: string): DateFacts & { index: number } | null {
  const m = DATE_WORDS.exec(text) ?? DATE_SLASH.exec(text);
  if (!m) return null;
  const year = Number(m[3]);
  const signDate = m[1] && m[2] ? isoDate(year, Number(m[2]), Number(m[1])) : null;
  return { signDate, year, index: m.index };
}

function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** "BẮC GIANG" → "Bắc Giang": place names capitalise every word. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The words of a place ("Bắc Giang") at the end of what precedes ", ngày": never caps header text. */
function placeBefore(text: string): string | null {
  const words = clean(text).replace(/[,:]$/, '').split(' ').filter(Boolean);
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < 5; i--) {
    const w = words[i] ?? '';
    if (!/^\p{Lu}[\p{Ll}.]/u.test(w) && !/^(TP\.|TX\.)$/u.test(w)) break;
    kept.unshift(w);
  }
  return kept.length ? kept.join(' ') : null;
}

export function parseHeader(lines: readonly string[]): HeaderFacts {
  const facts: HeaderFacts = { parentAgency: null, agency: null, place: null, numberText: null, numberSuffix: null, signDate: null, year: null };
  const agencyLines: string[] = [];
  for (const raw of lines) {
    let line = clean(raw);
    if (!line) continue;
    line = removeFolded(line, MOTTO_1).line;
    line = removeFolded(line, MOTTO_2).line;
    const num = NUMBER.exec(line);
    if (num && facts.numberText === null) {
      Object.assign(facts, numberFacts(num));
      line = clean(line.slice(0, num.index) + '  ' + line.slice(num.index + num[0].length));
    }
    const date = dateFacts(line);
    if (date && facts.year === null) {
      facts.signDate = date.signDate;
      facts.year = date.year;
      facts.place = placeBefore(line.slice(0, date.index));
      line = '';
    }
    // Separator rules ("______") and stray marks are not agency names.
    if (isCaps(line) && !/^[-_=.\s]+$/.test(line)) agencyLines.push(line);
  }
  // A name wrapped over two lines ("ỦY BAN NHÂN DÂN" / "HUYỆN VĂN LÃNG", "SỞ NÔNG NGHIỆP VÀ PTNT" /
  // "TỈNH BẮC KẠN"): a line starting with an area or "VÀ" continues the line above.
  for (let i = agencyLines.length - 1; i > 0; i--) {
    if (CONTINUES_NAME.test(agencyLines[i] ?? '')) agencyLines.splice(i - 1, 2, `${agencyLines[i - 1] ?? ''} ${agencyLines[i] ?? ''}`);
  }
  if (agencyLines.length >= 2) {
    facts.parentAgency = agencyLines[0] ?? null;
    facts.agency = agencyLines.slice(1).join(' ');
  } else {
    facts.agency = agencyLines[0] ?? null;
  }
  return facts;
}

/** "UBND TỈNH BẮC GIANG" → "Bắc Giang". */
export function provinceOf(text: string | null): string | null {
  if (!text) return null;
  const m = /(?:^|\s)(?:tỉnh|TỈNH)\s+([\p{L}\s-]+?)(?:[,;.)]|$)/u.exec(clean(text));
  return m?.[1] ? titleCase(m[1].trim()) : null;
}

const AREA = /^(.*?)\s+(?:tỉnh|huyện|thị xã|thành phố|quận)\s+(.+)$/u;

/** "Ban Dân tộc tỉnh Bắc Giang" → issuer "Ban Dân tộc", province "Bắc Giang". */
export function splitIssuer(text: string): { issuer: string; province: string | null } {
  const t = clean(text).replace(/[.;,]$/, '');
  const m = AREA.exec(t);
  const province = provinceOf(t);
  // "UBND tỉnh Bắc Giang": the area is part of the name, not a qualifier.
  if (!m?.[1] || /^(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)$/iu.test(m[1])) return { issuer: t, province };
  return { issuer: m[1], province };
}

/** Reads the "(Kèm theo … số … ngày … của …)" line. */
export function parseAttachment(text: string): AttachmentFacts | null {
  const t = clean(text);
  const kem = /Kèm theo\s+(\p{L}+(?:\s+\p{Ll}+)?)\s+(?:số|sô)/iu.exec(t);
  if (!kem) return null;
  const after = t.slice(kem.index);
  const date = dateFacts(after);
  const of = /\scủa\s+(.+?)\)?\s*$/u.exec(after);
  const who = of?.[1] ? splitIssuer(of[1]) : null;
  return {
    docType: kem[1] ?? null,
    ...numberFacts(NUMBER_ANYWHERE.exec(after)),
    signDate: date?.signDate ?? null,
    year: date?.year ?? null,
    issuer: who?.issuer ?? null,
    province: who?.province ?? null,
  };
}

/**
 * The issuing agency as the body writes it ("Ban Dân tộc"), found from the caps header line
 * ("BAN DÂN TỘC"); a spelling with a capital first letter wins over "phòng Nội vụ" inside a
 * sentence. Falls back to sentence case with the place name capitalised.
 */
export function agencyName(caps: string, body: string): string {
  const key = foldVi(clean(caps));
  const folded = foldAligned(body);
  let fallback: string | null = null;
  for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
    const original = body.slice(at, at + key.length);
    const before = at === 0 ? ' ' : body[at - 1] ?? ' ';
    const after = body[at + key.length] ?? ' ';
    if (isCaps(original) || /\p{L}/u.test(before) || /\p{L}/u.test(after)) continue;
    if (/^\p{Lu}/u.test(original)) return original;
    fallback ??= original.charAt(0).toUpperCase() + original.slice(1);
  }
  if (fallback) return fallback;
  const lower = clean(caps).toLowerCase();
  const sentence = lower.charAt(0).toUpperCase() + lower.slice(1);
  return sentence.replace(/(\s(?:tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn)\s+)(.+)$/u, (_, area: string, place: string) => area + titleCase(place));
}

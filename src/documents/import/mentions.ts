/**
 * Communication channels and reform indices a plan names, under one spelling each whatever the
 * text wrote ("Cổng TTĐT", "Cổng thông tin điện tử" → "Cổng Thông tin điện tử"), in the order the
 * plan first names them.
 */
import { foldVi } from '../../platform/vi-text.ts';

type Alias = [name: string, pattern: RegExp];

const CHANNELS: Alias[] = [
  ['Cổng Thông tin điện tử', /cong thong tin dien tu|cong ttdt|cong tt-dt/],
  ['Trang thông tin điện tử', /trang thong tin dien tu|trang ttdt/],
  ['Cổng Dịch vụ công', /cong dich vu cong/],
  ['Facebook', /facebook|fanpage/],
  ['Zalo', /\bzalo\b/],
  ['YouTube', /youtube/],
  ['TikTok', /tik ?tok/],
  ['Đài Phát thanh - Truyền hình', /dai phat thanh/],
  ['Hệ thống truyền thanh cơ sở', /(?:loa|dai|he thong) truyen thanh/],
];

const INDICES: Alias[] = [
  ['PAR INDEX', /par[ -]?index|chi so cai cach hanh chinh|chi so cchc/],
  ['PCI', /\bpci\b|nang luc canh tranh cap tinh/],
  ['PAPI', /\bpapi\b|hieu qua quan tri (?:va )?hanh chinh cong/],
  ['SIPAS', /\bsipas\b|chi so hai long/],
  ['DDCI', /\bddci\b|nang luc canh tranh cap (?:so|huyen|so, ban, nganh)/],
];

function named(text: string, aliases: Alias[]): string[] {
  const folded = foldVi(text).replace(/\s+/g, ' ');
  return aliases
    .map(([name, pattern]) => ({ name, at: folded.search(pattern) }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((hit) => hit.name);
}

export function findChannels(text: string): string[] {
  return named(text, CHANNELS);
}

export function findIndices(text: string): string[] {
  return named(text, INDICES);
}

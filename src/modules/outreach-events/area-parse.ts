/**
 * Reading a list of administrative areas (XLSX/CSV grids) into rows, with an error per bad row.
 * Pure: the service decides what to write. Columns are found by their header titles, in any
 * order: Mã, Tên, Cấp, Mã cấp trên, Hiệu lực từ, Hiệu lực đến, Thay bằng (mã).
 */
import type { Grid } from '../../documents/file-grid.ts';
import { foldVi, normalizeText } from '../../platform/vi-text.ts';
import type { AreaLevel } from './vocabulary.ts';

export interface ParsedArea {
  /** The file's row, 1-based. */
  row: number;
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  replacedBy: string | null;
}

export interface AreaParse {
  rows: ParsedArea[];
  errors: { row: number; message: string }[];
  dataRows: number;
}

type Column = 'code' | 'name' | 'level' | 'parentCode' | 'effectiveFrom' | 'effectiveTo' | 'replacedBy';

/** Folded header titles (đ→d, no tones, lower case) → column. */
const HEADERS: [RegExp, Column][] = [
  [/^(ma )?(cap tren|don vi cap tren|thuoc)( \(ma\))?$|^ma cap tren$|^ma (huyen|tinh)$/, 'parentCode'],
  [/^(thay bang|thay the boi|sap nhap vao|ma thay the|ma moi)( \(ma\))?$/, 'replacedBy'],
  [/^(hieu luc tu|tu ngay|ngay hieu luc)( ngay)?$/, 'effectiveFrom'],
  [/^(hieu luc den|den ngay|het hieu luc)( ngay)?$/, 'effectiveTo'],
  [/^ma( don vi| dvhc| don vi hanh chinh)?$/, 'code'],
  [/^ten( don vi| dvhc| don vi hanh chinh)?$/, 'name'],
  [/^cap( hanh chinh)?$/, 'level'],
];

const LEVEL_WORDS: [RegExp, AreaLevel][] = [
  [/^(province|tinh|thanh pho truc thuoc trung uong)$/, 'province'],
  [/^(district|huyen|quan|thi xa|thanh pho thuoc tinh)$/, 'district'],
  [/^(commune|xa|phuong|thi tran|dac khu|xa, phuong, thi tran)$/, 'commune'],
];

const fold = (s: string) => foldVi(normalizeText(s)).replace(/\s+/g, ' ').trim();

export function columnOf(title: string): Column | null {
  const f = fold(title);
  return HEADERS.find(([re]) => re.test(f))?.[1] ?? null;
}

export function levelOf(text: string): AreaLevel | null {
  const f = fold(text);
  return LEVEL_WORDS.find(([re]) => re.test(f))?.[1] ?? null;
}

/** "01/07/2025", "1/7/2025" or "2025-07-01" → "2025-07-01"; anything else (or an impossible day) → null. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** The header row: the first of the first 20 with at least code, name, level and effective-from columns. */
function findHeader(rows: string[][]): { index: number; columns: (Column | null)[] } | null {
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const columns = rows[i]!.map(columnOf);
    const found = new Set(columns);
    if (found.has('code') && found.has('name') && found.has('level') && found.has('effectiveFrom')) return { index: i, columns };
  }
  return null;
}

const REQUIRED_MESSAGE = 'Không tìm thấy dòng tiêu đề có các cột "Mã", "Tên", "Cấp" và "Hiệu lực từ".';

/** Parses the first grid that has the header; one error for the file when none has it. */
export function parseAreas(grids: Grid[]): AreaParse {
  for (const grid of grids) {
    const header = findHeader(grid.rows);
    if (!header) continue;
    const out: AreaParse = { rows: [], errors: [], dataRows: 0 };
    const seen = new Set<string>();
    for (let i = header.index + 1; i < grid.rows.length; i++) {
      const cells = grid.rows[i]!;
      if (cells.every((c) => !c.trim())) continue;
      out.dataRows += 1;
      const line = grid.lines[i] ?? i + 1;
      const get = (col: Column) => {
        const at = header.columns.indexOf(col);
        return at < 0 ? '' : normalizeText(cells[at] ?? '').trim();
      };
      const problems: string[] = [];
      const code = get('code');
      const name = get('name');
      const level = levelOf(get('level'));
      const fromText = get('effectiveFrom');
      const toText = get('effectiveTo');
      const effectiveFrom = parseDay(fromText);
      const effectiveTo = toText ? parseDay(toText) : null;
      if (!code) problems.push('thiếu mã');
      else if (code.length > 40 || !/^[\p{L}\p{N}._-]+$/u.test(code)) problems.push(`mã "${code}" không hợp lệ (chỉ chữ, số, dấu chấm, gạch; tối đa 40 ký tự)`);
      if (!name) problems.push('thiếu tên');
      else if (name.length > 200) problems.push('tên dài quá 200 ký tự');
      if (!level) problems.push(`cấp "${get('level')}" không rõ (dùng Tỉnh, Huyện hoặc Xã)`);
      if (!effectiveFrom) problems.push(fromText ? `ngày hiệu lực "${fromText}" không đúng dạng dd/mm/yyyy` : 'thiếu ngày hiệu lực');
      if (toText && !effectiveTo) problems.push(`ngày hết hiệu lực "${toText}" không đúng dạng dd/mm/yyyy`);
      if (effectiveFrom && effectiveTo && effectiveTo <= effectiveFrom) problems.push('ngày hết hiệu lực phải sau ngày hiệu lực');
      const key = `${code}|${effectiveFrom}`;
      if (code && effectiveFrom && seen.has(key)) problems.push(`mã "${code}" với cùng ngày hiệu lực đã có ở dòng trên`);
      if (problems.length > 0) {
        out.errors.push({ row: line, message: `Dòng ${line}: ${problems.join('; ')}.` });
        continue;
      }
      seen.add(key);
      out.rows.push({ row: line, code, name, level: level!, parentCode: get('parentCode') || null, effectiveFrom: effectiveFrom!, effectiveTo, replacedBy: get('replacedBy') || null });
    }
    return out;
  }
  return { rows: [], errors: [{ row: 0, message: REQUIRED_MESSAGE }], dataRows: 0 };
}

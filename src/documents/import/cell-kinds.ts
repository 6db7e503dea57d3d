/**
 * What the short cells of a task table look like: unit names ("Phòng HC-TH", "Các phòng chuyên
 * môn", "Sở Nội vụ", "HC-TH") and products ("Kế hoạch", "Văn bản/tin bài viết"). Used to cut a
 * row of PDF text back into cells, and to split a cell listing several units.
 */

/** Lower-cased starts of a unit name, diacritics kept ("tờ rơi" is a product, "tổ" a unit). */
const UNIT_STARTS = [
  'phòng', 'các phòng', 'văn phòng', 'thanh tra', 'đơn vị', 'các đơn vị', 'ubnd', 'ủy ban', 'uỷ ban', 'hđnd',
  'trung tâm', 'các trung tâm', 'chi cục', 'cơ quan', 'các cơ quan', 'công an', 'bộ phận', 'tổ công tác', 'tổ chuyên',
  'lãnh đạo', 'các tổ', 'các sở', 'các ban', 'các hội', 'các tổ chức', 'mttq', 'mặt trận', 'đoàn thanh niên', 'tỉnh đoàn',
  'huyện đoàn', 'liên đoàn', 'công đoàn', 'chi bộ', 'đảng ủy', 'đảng uỷ', 'tỉnh ủy', 'huyện ủy', 'kho bạc',
  'cán bộ', 'công chức', 'toàn thể', 'các xã', 'các huyện', 'bch', 'chủ tịch', 'giám đốc', 'trưởng phòng',
  'trưởng ban', 'phó trưởng', 'thủ trưởng', 'người đứng đầu', 'các trường', 'kiểm lâm', 'trưởng các', 'các thôn',
  'các xóm', 'các bản', 'các hạt', 'các đội', 'các chi nhánh',
];
/** Starts that name a unit only before a capitalised name: "Sở Nội vụ" but not "Hội nghị". */
const NAMED_STARTS = ['tổ', 'sở', 'ban', 'bộ', 'cục', 'báo', 'đài', 'hội', 'trường', 'viện', 'chi nhánh', 'tòa án', 'toà án', 'hạt', 'đội'];
/** An abbreviation standing for a unit: "HC-TH", "KH-TT", "VP". */
const ABBREVIATION = /^[\p{Lu}\d&][\p{Lu}\d&.-]{1,11}$/u;

const PRODUCT_STARTS = [
  'kế hoạch', 'văn bản', 'tin', 'bài', 'báo cáo', 'hội nghị', 'hội thi', 'cuộc thi', 'quyết định', 'công văn',
  'chuyên mục', 'chuyên trang', 'tài liệu', 'số lượng', 'pano', 'panô', 'áp phích', 'tờ rơi', 'tờ gấp', 'video',
  'phóng sự', 'clip', 'lớp', 'buổi', 'sổ tay', 'ấn phẩm', 'bản tin', 'danh mục', 'thông báo', 'chương trình',
  'kết quả', 'sản phẩm', 'hướng dẫn', 'đề án', 'khẩu hiệu', 'băng rôn', 'hình ảnh', 'infographic',
  'hồ sơ', 'biên bản', 'đợt', 'cuộc', 'số', 'quy chế', 'quy định', 'bộ tài liệu', 'bộ câu hỏi',
  'hội thảo', 'tọa đàm', 'toạ đàm', 'phiếu', 'mô hình',
];
// Verbs ("Cập nhật …", "Đăng tải …") are left out on purpose: they start content cells.

/** Lower-case verbs that make a text a sentence rather than a name ("Phòng Tổ chức" is a name). */
const VERBS = /(?:^|\s)(?:tổ chức|thực hiện|tuyên truyền|triển khai|xây dựng|đăng tải|cập nhật|hướng dẫn|phối hợp|chủ trì|ban hành|theo dõi|báo cáo|công khai|lồng ghép|đảm bảo|tham mưu|trên|tại|về|cho|để|nhằm)(?=\s|$)/u;

/** Words after which a unit name is part of a sentence, not the start of a cell. */
const JOINERS = new Set([
  'tại', 'của', 'với', 'cho', 'và', 'trên', 'về', 'đến', 'tới', 'qua', 'từ', 'giữa', 'thuộc', 'do', 'bởi', 'các',
  'trong', 'ở', 'theo', 'gồm', 'là', 'hoặc', 'như', 'để', 'vào', 'đối', 'những', 'cùng', 'giao', 'mỗi', 'từng',
]);

/** Last words of a unit word that a name follows ("Văn phòng" + "HĐND"). */
const NAME_HEADS = new Set(['phòng', 'sở', 'ban', 'bộ', 'cục', 'tổ', 'hội', 'đài', 'báo', 'viện', 'trường', 'tâm', 'tra', 'đoàn']);

/** Whether a text stops mid-phrase ("Văn phòng HĐND và", "Phòng Kế hoạch -"), so the next line continues it. */
export function endsOpen(text: string): boolean {
  return /(?:[,&–-]|\s(?:và|của|với|các|tại|cho|thuộc|hoặc))$/u.test(text.trim());
}

function startsWithPhrase(lower: string, phrase: string): boolean {
  return lower === phrase || (lower.startsWith(phrase) && /^[\s,;:./-]/.test(lower.slice(phrase.length)));
}

/** Whether a text begins like a unit name; `abbreviations: false` for cuts inside a line ("Cổng TTĐT"). */
export function isUnitStart(text: string, abbreviations = true): boolean {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (UNIT_STARTS.some((p) => startsWithPhrase(lower, p))) return true;
  for (const p of NAMED_STARTS) {
    if (startsWithPhrase(lower, p)) {
      const next = t.slice(p.length).trim();
      return /^(?:\p{Lu}|\d)/u.test(next);
    }
  }
  const first = t.split(/[\s,;]/)[0] ?? '';
  return abbreviations && ABBREVIATION.test(first) && !/^\d+$/.test(first);
}

/**
 * Whether a whole cell text reads as unit names: each item starts like one, stays short and is
 * not a sentence ("Bộ phận một cửa trên Cổng TTĐT" is content).
 */
export function isUnitLike(text: string): boolean {
  const t = text.replace(/[;.,:]+$/, '').trim();
  if (!t || t.length > 160) return false;
  return unitItems(t).every((item) => {
    const words = item.split(/\s+/);
    return isUnitStart(item) && words.length <= 12 && !VERBS.test(item);
  });
}

/** Whether a text begins like an expected product ("Kế hoạch", "02 Hội nghị", "Văn bản/tin …"). */
export function isProductLike(text: string): boolean {
  const lower = text.trim().toLowerCase().replace(/^\d+\s*/, '');
  return PRODUCT_STARTS.some((p) => startsWithPhrase(lower, p) || lower.startsWith(`${p}/`));
}

/** Whether a unit name may start at word `index` of `words` (the word before is not a joiner). */
export function unitBoundary(words: readonly string[], index: number): boolean {
  if (index <= 0) return false;
  const word = words[index] ?? '';
  if (!/^\p{Lu}/u.test(word)) return false;
  const before = (words[index - 1] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
  if (JOINERS.has(before)) return false;
  // "Văn phòng HĐND", "Phòng HC-TH": an acronym after a unit word is that unit's name.
  if (NAME_HEADS.has(before) && word === word.toUpperCase()) return false;
  // The start of a name is decided by its first few words.
  return isUnitStart(words.slice(index, index + 4).join(' '), false);
}

/** A cell cut at every place a unit name may start (new line, ";", ", " before a capital). */
function unitItems(cell: string): string[] {
  const out: string[] = [];
  for (const line of cell.split(/\n|;/)) {
    const piece = line.replace(/^[-–+•]\s*/, '').trim();
    const parts = piece.split(/,\s*(?=\p{Lu})/u).map((p) => p.trim().replace(/[.,]+$/, '')).filter(Boolean);
    parts.forEach((part, i) => {
      const prev = out[out.length - 1];
      if (i === 0 && prev !== undefined && (endsOpen(prev) || !isUnitStart(part)) && !line.trim().startsWith('-')) out[out.length - 1] = `${prev} ${part}`;
      else out.push(part);
    });
  }
  return out;
}

const BULLET = /^[-–+•]\s*/;
/** A line holding only the head of a name ("Công chức", "Trung tâm"): the name goes on below. */
const HEAD_ONLY = /^(?:công chức|cán bộ|phòng|trung tâm|bộ phận|ban|sở|chi cục|đội|hạt|tổ|hội|đoàn|ủy ban|uỷ ban|ubnd|lãnh đạo|các)$/iu;

/**
 * Unit names of a cell: items are separated by new lines, ";" or a "," before a new name.
 * "Các phòng chuyên môn, đơn vị", "UBND các xã, thị trấn" and "Trung tâm Văn hóa, Thể thao và
 * Truyền thông" stay one name: what follows the comma starts no name. A line that starts no name
 * (lower case, "Thống kê" after "Văn phòng -") is the name above wrapped, as is a line starting
 * with "-" in a cell that is not a bulleted list (a name wrapped before its hyphen).
 * Example: `splitUnits('Phòng HC-TH, Phòng KH-TT')` → two names.
 */
export function splitUnits(cell: string): string[] {
  const lines = cell.split(/\n|;/).map((l) => l.trim()).filter(Boolean);
  const bulleted = BULLET.test(lines[0] ?? '') && lines.filter((l) => BULLET.test(l)).length >= Math.min(2, lines.length);
  const out: string[] = [];
  for (const line of lines) {
    const bullet = BULLET.test(line);
    const parts = line.replace(BULLET, '').split(/,\s*(?=\p{Lu})/u).map((p) => p.trim()).filter(Boolean);
    parts.forEach((part, i) => {
      const prev = out[out.length - 1];
      if (prev === undefined) {
        out.push(part);
      } else if (i > 0) {
        if (isUnitStart(part)) out.push(part);
        else out[out.length - 1] = `${prev}, ${part}`;
      } else if (bulleted ? !bullet : bullet || endsOpen(prev) || HEAD_ONLY.test(prev) || /^\p{Ll}/u.test(part) || !isUnitStart(part)) {
        out[out.length - 1] = `${prev} ${bullet && !bulleted ? line.replace(/,.*$/u, '') : part}`;
      } else {
        out.push(part);
      }
    });
  }
  return out.map((u) => u.replace(/[.,;:]+$/, '').trim()).filter(Boolean);
}

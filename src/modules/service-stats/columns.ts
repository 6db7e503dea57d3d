/**
 * The columns of a processing-results file and how their Vietnamese headers are recognised.
 * One-stop software exports differ in wording, diacritics and layout (one header row, or a
 * group row such as "Đang giải quyết" over "Trong hạn" / "Quá hạn"), so headers are folded
 * (foldVi) and matched by meaning, with the group above a header read together with it.
 */
import { foldVi } from '../../platform/vi-text.ts';
import { FIGURE_KEYS, type FigureKey } from './rates.ts';

export type ColumnKey = 'month' | 'procedureCode' | 'procedureName' | 'field' | FigureKey;

/** What each column is called in messages and in the template (the first spelling of the template). */
export const COLUMN_LABELS: Record<ColumnKey, string> = {
  month: 'Tháng',
  procedureCode: 'Mã thủ tục',
  procedureName: 'Tên thủ tục',
  field: 'Lĩnh vực',
  carriedOver: 'Tồn kỳ trước',
  receivedOnline: 'Tiếp nhận trực tuyến',
  receivedInPerson: 'Tiếp nhận trực tiếp',
  receivedPostal: 'Tiếp nhận qua BCCI',
  settledEarly: 'Giải quyết trước hạn',
  settledOnTime: 'Giải quyết đúng hạn',
  settledLate: 'Giải quyết quá hạn',
  pendingWithin: 'Đang giải quyết trong hạn',
  pendingOverdue: 'Đang giải quyết quá hạn',
  returned: 'Trả lại',
  withdrawn: 'Rút hồ sơ',
};

/** Figures a file may leave out (then 0, with a warning): not every software reports them. */
export const OPTIONAL_FIGURES: readonly FigureKey[] = ['receivedPostal', 'returned', 'withdrawn'];
export const REQUIRED_FIGURES: readonly FigureKey[] = FIGURE_KEYS.filter((k) => !OPTIONAL_FIGURES.includes(k));

/** Folds a header for matching: no case, no diacritics (đ→d), punctuation as spaces. */
export function foldHeader(text: string): string {
  return foldVi(text).replace(/[^a-z0-9()]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const has = (h: string, re: RegExp) => re.test(h);

/**
 * The meaning of a column from its header parts (the group rows above, then its own cell).
 * 'ignore' for known columns that carry nothing to store (STT, totals, notes); null when the
 * header says nothing recognisable.
 * Example: `columnKey(['Đang giải quyết', 'Quá hạn']) === 'pendingOverdue'`.
 */
export function columnKey(parts: string[]): ColumnKey | 'ignore' | null {
  const folded = parts.map(foldHeader).filter((p) => p !== '');
  // A vertically merged header repeats in each row it spans: read it once.
  const unique = folded.filter((p, i) => p !== folded[i - 1]);
  if (unique.length === 0) return null;
  const h = unique.join(' ').replace(/[()]/g, ' ').replace(/\s+/g, ' ');
  const leaf = unique[unique.length - 1]!.replace(/\([^)]*\)/g, ' ').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();

  if (/^(stt|tt|so tt|so thu tu|ghi chu|don vi|don vi tinh|ty le.*|ti le.*)$/.test(leaf)) return 'ignore';
  if (/^(thang|ky|ky bao cao|thang bao cao|thang nam|thoi gian|thoi gian bao cao|thoi ky)$/.test(leaf)) return 'month';
  if (has(h, /\bma\b/) && (has(h, /\b(thu tuc|tthc)\b/) || /^ma( so)?$/.test(leaf))) return 'procedureCode';
  if (has(h, /\blinh vuc\b/)) return has(h, /\bma\b/) ? 'ignore' : 'field';
  if (has(h, /\b(thu tuc|tthc)\b/) && !has(h, /\b(ho so|tiep nhan|giai quyet)\b/)) return 'procedureName';
  if (/^(tong|tong so|tong cong|cong|trong do|so luong|so ho so)$/.test(leaf)) return 'ignore';

  if (has(h, /\bky truoc\b|\bdau ky\b|\bton ky\b/)) return 'carriedOver';
  if (has(h, /\b(dang|chua) (giai quyet|xu ly|thu ly)\b|\bchua co ket qua\b|\bchuyen ky sau\b|\bcuoi ky\b/)) {
    if (has(h, /\b(qua|tre) han\b/)) return 'pendingOverdue';
    if (has(h, /\b(trong|con) han\b|\bchua (den|toi) han\b/)) return 'pendingWithin';
    return 'ignore';
  }
  if (has(h, /\btra lai\b|\btu choi\b|\bkhong du dieu kien\b|\btra ve\b/)) return 'returned';
  if (has(h, /\brut\b|\bhuy\b/)) return 'withdrawn';
  if (has(h, /\b(truoc|som) han\b/)) return 'settledEarly';
  if (has(h, /\bdung han\b/) || (has(h, /\btrong han\b/) && has(h, /\bgiai quyet\b/))) return 'settledOnTime';
  if (has(h, /\b(qua|tre|cham) han\b/)) return 'settledLate';
  const postal = has(h, /\bbuu chinh\b|\bbcci\b|\bbuu dien\b/);
  const inPerson = has(h, /\btruc tiep\b/);
  // "Trực tiếp hoặc qua bưu chính" in one column: counted as in person (the postal column stays 0).
  if (inPerson) return 'receivedInPerson';
  if (postal) return 'receivedPostal';
  if (has(h, /\btruc tuyen\b|\bqua mang\b|\bdich vu cong\b|\bonline\b/)) return 'receivedOnline';
  return null;
}

/** The template of a file to import, shown in the admin and served by the API (Markdown, Vietnamese). */
export const IMPORT_TEMPLATE_MARKDOWN = `# Mẫu tệp nhập kết quả giải quyết thủ tục hành chính

Nhập được tệp **XLSX** (Excel) hoặc **CSV** (UTF-8, phân cách bằng dấu phẩy, chấm phẩy hoặc tab)
xuất từ phần mềm một cửa điện tử. Mỗi dòng là số liệu **một tháng** của **một thủ tục** (theo mã)
hoặc của **một lĩnh vực** (khi phần mềm không tách theo thủ tục).

## Các cột

| Cột | Cách viết khác được nhận | Bắt buộc |
|---|---|---|
| Tháng | Kỳ, Kỳ báo cáo, Thời gian — giá trị: \`03/2024\`, \`3/2024\`, \`2024-03\`, \`Tháng 3/2024\`, \`T3/2024\` hoặc ngày bất kỳ trong tháng | Có, trừ khi chọn tháng khi nhập |
| Mã thủ tục | Mã TTHC, Mã số TTHC, Mã | Một trong hai: mã thủ tục hoặc lĩnh vực |
| Lĩnh vực | Tên lĩnh vực | (như trên) |
| Tồn kỳ trước | Từ kỳ trước, Kỳ trước chuyển qua, Tồn đầu kỳ | Có |
| Tiếp nhận trực tuyến | Trực tuyến, Qua mạng, Dịch vụ công trực tuyến | Có |
| Tiếp nhận trực tiếp | Trực tiếp (cột "trực tiếp hoặc bưu chính" được tính là trực tiếp) | Có |
| Tiếp nhận qua BCCI | Bưu chính, Bưu chính công ích, Bưu điện | Không (thiếu thì tính 0) |
| Giải quyết trước hạn | Trước hạn, Trả trước hạn, Sớm hạn | Có |
| Giải quyết đúng hạn | Đúng hạn, Trả đúng hạn, Đã giải quyết trong hạn | Có |
| Giải quyết quá hạn | Quá hạn, Trễ hạn, Chậm hạn | Có |
| Đang giải quyết trong hạn | Chưa giải quyết trong hạn, Đang xử lý chưa đến hạn | Có |
| Đang giải quyết quá hạn | Chưa giải quyết quá hạn, Đang xử lý quá hạn | Có |
| Trả lại | Từ chối, Không đủ điều kiện | Không (thiếu thì tính 0) |
| Rút hồ sơ | Rút, Hủy | Không (thiếu thì tính 0) |

Tiêu đề không phân biệt hoa thường, có dấu hay không dấu. Tiêu đề hai, ba tầng được đọc cùng
nhau: nhóm "Đang giải quyết" phía trên cột "Quá hạn" là **Đang giải quyết quá hạn**; nhóm
"Đã giải quyết" phía trên "Quá hạn" là **Giải quyết quá hạn**. Các cột STT, Tên thủ tục, Tổng số,
Ghi chú và cột không nhận ra được bỏ qua (báo cáo nhập liệt kê chúng).

## Giá trị

- Số hồ sơ là số nguyên không âm; ô trống hoặc "-" là 0; có thể viết phân cách hàng nghìn
  (\`1.234\`) trong tệp CSV.
- Mã thủ tục phải có trong danh mục thủ tục của cơ quan; lĩnh vực phải có trong danh sách
  lĩnh vực (so khớp không phân biệt dấu).
- Một tháng không được vừa có số liệu theo từng thủ tục vừa có số liệu tổng của cùng lĩnh vực
  (sẽ bị tính hai lần).
- Dòng trống, dòng đánh số cột (1), (2)… và dòng "Tổng cộng" được bỏ qua.

## Kiểm tra

Tệp có lỗi (thiếu cột, số không hợp lệ, tháng sai, mã hoặc lĩnh vực không có, dòng trùng) được
trả về bảng lỗi theo từng dòng, cột; **không ghi gì** cho đến khi tệp sạch lỗi, trừ khi chọn
"bỏ qua dòng lỗi" (khi đó chỉ ghi các dòng hợp lệ). Tất cả được ghi trong một lần.

Số liệu **không cân đối** — đã giải quyết (trước hạn + đúng hạn + quá hạn) + đang giải quyết
(trong hạn + quá hạn) + trả lại + rút ≠ tồn kỳ trước + tiếp nhận (trực tuyến + trực tiếp + BCCI)
— vẫn được nhận nhưng **được đánh dấu** để kiểm tra lại, không bao giờ tự sửa.

## Cách tính tỉ lệ

- Tỉ lệ giải quyết đúng hạn = (trước hạn + đúng hạn) / (trước hạn + đúng hạn + quá hạn).
- Tỉ lệ hồ sơ trực tuyến = tiếp nhận trực tuyến / (trực tuyến + trực tiếp + BCCI).

## Ví dụ (CSV)

\`\`\`
Tháng,Mã thủ tục,Lĩnh vực,Tồn kỳ trước,Tiếp nhận trực tuyến,Tiếp nhận trực tiếp,Tiếp nhận qua BCCI,Giải quyết trước hạn,Giải quyết đúng hạn,Giải quyết quá hạn,Đang giải quyết trong hạn,Đang giải quyết quá hạn,Trả lại,Rút hồ sơ
03/2024,1.004947,,2,10,5,1,6,8,1,2,0,1,0
03/2024,,Công tác dân tộc,0,4,3,0,2,4,0,1,0,0,0
\`\`\`
`;

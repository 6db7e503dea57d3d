/**
 * The procedure catalog template (XLSX/CSV): one row per procedure, one column per field, with
 * Vietnamese headers. `CATALOG_COLUMNS` is the single description used by the reader, the writer
 * and the human-readable template (`catalogTemplateDoc`). Headers are matched tolerantly: case,
 * diacritics, punctuation, extra spaces and column order do not matter, and a few common
 * alternative titles are accepted.
 */
import { foldVi } from '../../platform/vi-text.ts';
import { CHANNELS, PROCEDURE_LEVELS, type ChannelKind } from '../../modules/procedures/procedure-data.ts';

export type ChannelField = 'processingTime' | 'fee' | 'description';
export type CatalogColumnKey =
  | 'code' | 'name' | 'field' | 'level' | 'implementingAgency' | 'steps'
  | `${ChannelKind}.${ChannelField}`
  | 'processingDays' | 'onlineLevel' | 'dossier' | 'applicants' | 'result' | 'forms' | 'conditions' | 'legalBasis';

/**
 * How a cell is read and written: `text` one line; `multiline` free text kept line by line;
 * `list` one item per line; `dossier` one component per line with its counts; `number` processing
 * days; `onlineLevel` Toàn trình / Một phần / empty.
 */
export type CatalogCellKind = 'text' | 'multiline' | 'list' | 'dossier' | 'number' | 'onlineLevel';

export interface CatalogColumn {
  key: CatalogColumnKey;
  /** The title the writer puts in the header row. */
  header: string;
  /** Other titles the reader accepts for this column. */
  aliases: readonly string[];
  required: boolean;
  kind: CatalogCellKind;
  /** Column width in characters in the XLSX file. */
  width: number;
  /** What goes in the column, in Vietnamese, for the template description. */
  description: string;
  /** A one-line example value. */
  example: string;
}

export const CHANNEL_KINDS: readonly ChannelKind[] = ['in_person', 'online', 'postal'];
const CHANNEL_PREFIX: Record<ChannelKind, { header: string; aliases: string[] }> = {
  in_person: { header: 'Trực tiếp', aliases: ['Nộp trực tiếp', CHANNELS.in_person] },
  online: { header: 'Trực tuyến', aliases: ['Nộp trực tuyến', 'Qua mạng', CHANNELS.online] },
  postal: { header: 'Bưu chính', aliases: ['Qua bưu chính', 'Bưu chính công ích', CHANNELS.postal] },
};
const CHANNEL_FIELDS: { field: ChannelField; title: string; aliases: string[]; kind: CatalogCellKind; example: string; what: string }[] = [
  { field: 'processingTime', title: 'thời hạn', aliases: ['thời hạn giải quyết', 'thời gian giải quyết'], kind: 'multiline', example: '05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', what: 'thời hạn giải quyết, ghi như văn bản công bố' },
  { field: 'fee', title: 'phí, lệ phí', aliases: ['phí', 'lệ phí', 'phí lệ phí'], kind: 'multiline', example: 'Không', what: 'phí, lệ phí, ghi như văn bản công bố' },
  { field: 'description', title: 'mô tả', aliases: ['ghi chú', 'mô tả chi tiết'], kind: 'multiline', example: 'Nộp tại Bộ phận một cửa', what: 'mô tả, ghi chú' },
];

function channelColumns(kind: ChannelKind): CatalogColumn[] {
  const prefix = CHANNEL_PREFIX[kind];
  return CHANNEL_FIELDS.map((f) => ({
    key: `${kind}.${f.field}` as const,
    header: `${prefix.header}: ${f.title}`,
    aliases: [prefix.header, ...prefix.aliases].flatMap((p) => [f.title, ...f.aliases].map((t) => `${p}: ${t}`)),
    required: false,
    kind: f.kind,
    width: f.field === 'description' ? 30 : 20,
    description: `Hình thức ${CHANNELS[kind].toLowerCase()}: ${f.what}.`,
    example: f.example,
  }));
}

export const CATALOG_COLUMNS: readonly CatalogColumn[] = [
  { key: 'code', header: 'Mã thủ tục', aliases: ['Mã TTHC', 'Mã số', 'Mã số TTHC', 'Mã', 'Mã thủ tục hành chính'], required: true, kind: 'text', width: 16, description: 'Mã thủ tục trên Cơ sở dữ liệu quốc gia, giữ nguyên như ghi (không phải số).', example: '1.004947' },
  { key: 'name', header: 'Tên thủ tục', aliases: ['Tên TTHC', 'Tên thủ tục hành chính'], required: true, kind: 'text', width: 40, description: 'Tên thủ tục hành chính.', example: 'Thủ tục công nhận người có uy tín trong đồng bào dân tộc thiểu số' },
  { key: 'field', header: 'Lĩnh vực', aliases: ['Lĩnh vực thực hiện', 'Lĩnh vực TTHC'], required: true, kind: 'text', width: 20, description: 'Lĩnh vực (theo danh mục lĩnh vực của cơ quan).', example: 'Công tác dân tộc' },
  { key: 'level', header: 'Cấp thực hiện', aliases: ['Cấp', 'Cấp giải quyết'], required: false, kind: 'text', width: 14, description: `Cấp thực hiện, ví dụ: ${PROCEDURE_LEVELS.join(', ')}.`, example: 'Cấp tỉnh' },
  { key: 'implementingAgency', header: 'Cơ quan thực hiện', aliases: ['Cơ quan giải quyết', 'Cơ quan thực hiện TTHC'], required: false, kind: 'multiline', width: 26, description: 'Cơ quan thực hiện (có thể nhiều dòng).', example: 'Ban Dân tộc tỉnh Bắc Giang' },
  { key: 'steps', header: 'Trình tự thực hiện', aliases: ['Trình tự', 'Các bước thực hiện'], required: false, kind: 'list', width: 40, description: 'Các bước thực hiện, mỗi bước một dòng.', example: 'Bước 1: Nộp hồ sơ' },
  ...channelColumns('in_person'),
  ...channelColumns('online'),
  ...channelColumns('postal'),
  { key: 'processingDays', header: 'Thời hạn giải quyết (ngày làm việc)', aliases: ['Số ngày giải quyết', 'Thời hạn giải quyết (ngày)'], required: false, kind: 'number', width: 14, description: 'Thời hạn giải quyết theo quy định, bằng số ngày làm việc (dùng để kiểm tra quy trình nội bộ); để trống nếu không quy về số ngày.', example: '15' },
  { key: 'onlineLevel', header: 'Mức độ DVC trực tuyến (Toàn trình/Một phần/trống)', aliases: ['Mức độ DVC trực tuyến', 'Mức độ dịch vụ công trực tuyến', 'Mức độ DVCTT', 'Dịch vụ công trực tuyến'], required: false, kind: 'onlineLevel', width: 16, description: 'Mức độ dịch vụ công trực tuyến: "Toàn trình", "Một phần" hoặc để trống.', example: 'Toàn trình' },
  { key: 'dossier', header: 'Thành phần hồ sơ', aliases: ['Thành phần, số lượng hồ sơ', 'Hồ sơ'], required: false, kind: 'dossier', width: 44, description: 'Thành phần hồ sơ, mỗi giấy tờ một dòng, kèm số bản chính và bản sao.', example: 'Đơn đề nghị (bản chính: 1, bản sao: 0)' },
  { key: 'applicants', header: 'Đối tượng thực hiện', aliases: ['Đối tượng', 'Đối tượng thực hiện TTHC'], required: false, kind: 'multiline', width: 26, description: 'Đối tượng thực hiện thủ tục.', example: 'Cá nhân' },
  { key: 'result', header: 'Kết quả', aliases: ['Kết quả thực hiện', 'Kết quả giải quyết', 'Kết quả thực hiện TTHC'], required: false, kind: 'multiline', width: 26, description: 'Kết quả thực hiện thủ tục.', example: 'Quyết định công nhận' },
  { key: 'forms', header: 'Mẫu đơn, tờ khai', aliases: ['Mẫu đơn', 'Tờ khai', 'Mẫu đơn tờ khai'], required: false, kind: 'list', width: 30, description: 'Tên các mẫu đơn, tờ khai, mỗi mẫu một dòng (tệp mẫu gắn theo tên).', example: 'Mẫu số 01' },
  { key: 'conditions', header: 'Yêu cầu, điều kiện', aliases: ['Yêu cầu', 'Điều kiện', 'Yêu cầu điều kiện thực hiện'], required: false, kind: 'multiline', width: 30, description: 'Yêu cầu, điều kiện thực hiện.', example: 'Không' },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', aliases: ['Căn cứ pháp lý của TTHC', 'Căn cứ'], required: false, kind: 'list', width: 40, description: 'Các văn bản làm căn cứ pháp lý, mỗi văn bản một dòng.', example: 'Quyết định số 12/2018/QĐ-TTg ngày 06/3/2018' },
];

/** Titles of columns that carry nothing (row numbers): recognised and skipped without a warning. */
const IGNORED = ['STT', 'TT', 'Số TT', 'Số thứ tự'];

/** The comparison key of a header: folded, punctuation as spaces, single-spaced. */
function headerKey(text: string): string {
  return foldVi(text.normalize('NFC')).replace(/[\uFEFF\u200B]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The same without parenthesised notes: "Thời hạn giải quyết (ngày làm việc)" → "thoi han giai quyet". */
function bareKey(text: string): string {
  return headerKey(text.replace(/\([^)]*\)/g, ' '));
}

const exactTitles = new Map<string, CatalogColumnKey | 'ignore'>();
const bareTitles = new Map<string, CatalogColumnKey | 'ignore'>();
for (const column of CATALOG_COLUMNS) {
  for (const title of [column.header, ...column.aliases]) {
    if (!exactTitles.has(headerKey(title))) exactTitles.set(headerKey(title), column.key);
    if (!bareTitles.has(bareKey(title))) bareTitles.set(bareKey(title), column.key);
  }
}
for (const title of IGNORED) exactTitles.set(headerKey(title), 'ignore');

/** The column a header cell names, `'ignore'` for a row-number column, `null` when unknown. */
export function columnOfHeader(title: string): CatalogColumnKey | 'ignore' | null {
  return exactTitles.get(headerKey(title)) ?? bareTitles.get(bareKey(title)) ?? null;
}

export const columnByKey = new Map(CATALOG_COLUMNS.map((c) => [c.key, c]));

export interface HeaderMatch {
  /** Index of the header row in the grid (0-based). */
  index: number;
  /** For each cell of the header row, the column it holds (`null`: not read). */
  keys: (CatalogColumnKey | null)[];
  /** Titles not recognised, and recognised columns given twice (the first one is read). */
  unknown: string[];
  repeated: string[];
  missingRequired: string[];
}

/**
 * Finds the header row among the first rows of a grid: the row naming the most known columns
 * (at least two), so a title row above the table is skipped. `null` when there is none.
 */
export function findHeaderRow(grid: readonly (readonly string[])[], searchRows = 20): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestScore = 1;
  for (let index = 0; index < Math.min(grid.length, searchRows); index++) {
    const match = matchHeaderCells(grid[index]!, index);
    const score = match.keys.filter((k) => k !== null).length;
    if (score > bestScore) {
      best = match;
      bestScore = score;
    }
  }
  return best;
}

function matchHeaderCells(cells: readonly string[], index: number): HeaderMatch {
  const seen = new Set<CatalogColumnKey>();
  const match: HeaderMatch = { index, keys: [], unknown: [], repeated: [], missingRequired: [] };
  for (const cell of cells) {
    const title = cell.replace(/\s+/g, ' ').trim();
    const key = title === '' ? 'ignore' : columnOfHeader(title);
    if (key === null) match.unknown.push(title);
    else if (key !== 'ignore' && seen.has(key)) match.repeated.push(title);
    if (key !== null && key !== 'ignore' && !seen.has(key)) {
      seen.add(key);
      match.keys.push(key);
    } else {
      match.keys.push(null);
    }
  }
  match.missingRequired = CATALOG_COLUMNS.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  return match;
}

/** The documented template, in Vietnamese markdown: shown in the admin and in the XLSX "Hướng dẫn" sheet. */
export function catalogTemplateDoc(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = CATALOG_COLUMNS.map((c, i) => `| ${i + 1} | ${cell(c.header)} | ${c.required ? 'Có' : ''} | ${cell(c.description)} | ${cell(c.example)} |`);
  return [
    '# Mẫu danh mục thủ tục hành chính',
    '',
    'Tệp XLSX, CSV hoặc JSON. Với XLSX và CSV: mỗi dòng là một thủ tục; dòng tiêu đề ghi tên cột như bảng dưới.',
    'Tên cột không phân biệt chữ hoa, chữ thường, có dấu hay không dấu, khoảng trắng thừa; thứ tự cột tùy ý;',
    'các cột không bắt buộc có thể bỏ. Cột "STT" được bỏ qua. Có thể có dòng tiêu đề chung phía trên dòng tên cột.',
    'Dòng trống được bỏ qua.',
    '',
    '| STT | Tên cột | Bắt buộc | Nội dung | Ví dụ |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Cách ghi',
    '',
    '- **Mã thủ tục** được giữ nguyên như ghi (ví dụ `1.004947`, `1.012223.H38`), không bao giờ coi là số. Trong Excel, hãy định dạng cột này là Văn bản (Text): nếu Excel đã đổi mã thành số (ví dụ `1.00495` vì mất số 0 cuối, `1,004947`, dạng số mũ hay ngày tháng), hệ thống vẫn nhận nhưng cảnh báo. Mỗi mã chỉ xuất hiện một lần trong tệp.',
    '- **Ô nhiều giá trị** (Trình tự thực hiện, Mẫu đơn, tờ khai, Căn cứ pháp lý, Thành phần hồ sơ): mỗi mục một dòng trong ô (Alt+Enter trong Excel). Dấu gạch đầu dòng ("- ", "+ ", "• ") ở đầu mục được bỏ.',
    '- **Thành phần hồ sơ**: mỗi giấy tờ một dòng, dạng `Tên giấy tờ (bản chính: 1, bản sao: 0)`. Cũng nhận các cách ghi thường gặp: `Tên giấy tờ (01 bản chính, 01 bản sao)`, `Tên giấy tờ: 01 bản chính`, `Tên giấy tờ. Bản chính: 1; Bản sao: 1`. Dòng không ghi số bản được coi là 1 bản chính (hoặc 1 bản sao nếu bắt đầu bằng "Bản sao"), kèm cảnh báo.',
    '- **Hình thức nộp** (Trực tiếp, Trực tuyến, Bưu chính): mỗi hình thức có ba cột thời hạn, phí, lệ phí và mô tả, ghi như văn bản công bố. Thủ tục có hình thức đó khi ít nhất một trong ba cột có nội dung; để trống cả ba cột là không có hình thức đó.',
    '- **Thời hạn giải quyết (ngày làm việc)**: một số, ví dụ `15`, `15,5` hoặc `15 ngày`; dấu phẩy là dấu thập phân. Để trống nếu thời hạn không quy về số ngày.',
    '- **Mức độ DVC trực tuyến**: `Toàn trình`, `Một phần` hoặc để trống (không dấu cũng được; "Mức độ 4" là Toàn trình, "Mức độ 3" là Một phần).',
    '- **Văn bản** nhiều dòng giữ nguyên từng dòng; khoảng trắng thừa được bỏ. Các cột một dòng (mã, tên, lĩnh vực, cấp thực hiện) gộp xuống dòng thành một dấu cách.',
    '',
    '## Định dạng tệp',
    '',
    '- **XLSX**: đọc trang tính có dòng tên cột; tệp xuất có thêm trang "Hướng dẫn" (bỏ qua khi nhập).',
    '- **CSV**: mã UTF-8 (có hoặc không có BOM) hoặc "Unicode Text" (UTF-16) của Excel; phân cách bằng dấu phẩy, dấu chấm phẩy hoặc tab (tự nhận biết); ô có dấu phẩy, dấu ngoặc kép hoặc xuống dòng đặt trong ngoặc kép, dấu ngoặc kép trong ô viết đôi (`""`). Tệp xuất dùng UTF-8 có BOM, dấu phẩy và CRLF.',
    '- **JSON**: một mảng các thủ tục, hoặc `{ "procedures": [ … ] }`; mỗi thủ tục có các trường `code`, `name`, `field`, `level`, `implementingAgency`, `steps`, `channels` (mỗi kênh: `channel` là `in_person`, `online` hoặc `postal`, `processingTime`, `fee`, `description`), `processingDays`, `onlineLevel` (`full`, `partial` hoặc `null`), `dossier` (mỗi giấy tờ: `name`, `originals`, `copies`), `applicants`, `result`, `forms`, `conditions`, `legalBasis`. Khi báo lỗi, "dòng" là số thứ tự của thủ tục trong mảng.',
    '',
  ].join('\n');
}

/**
 * The indices tracked yearly and their components, as their publishers name them. Values are
 * bounded by the index's scale; ranks of provincial indices are among the 63 provinces (before
 * the 2025 merger) unless the row says otherwise.
 */
import type { IndexValueTable } from '../../db/types.ts';

export type IndexCode = IndexValueTable['index_code'];

export interface IndexComponent {
  key: string;
  name: string;
}

export interface IndexDefinition {
  code: IndexCode;
  /** Short name, as on the page's headings. */
  name: string;
  fullName: string;
  publisher: string;
  /** Whose value it is: the province (national rankings) or the agency (the province's ranking of its departments). */
  subject: 'province' | 'agency';
  /** Highest possible value of the total and of each component, in hundredths. */
  maxTotal: number;
  maxComponent: number;
  unit: '%' | 'điểm';
  components: IndexComponent[];
}

export const TOTAL = 'total';

const list = (names: string[], prefix: string): IndexComponent[] => names.map((name, i) => ({ key: `${prefix}${i + 1}`, name }));

export const INDICES: readonly IndexDefinition[] = [
  {
    code: 'par', name: 'PAR Index', fullName: 'Chỉ số cải cách hành chính (PAR Index)', publisher: 'Bộ Nội vụ', subject: 'province', maxTotal: 10_000, maxComponent: 10_000, unit: '%',
    // The eight areas of the provincial PAR Index since 2022; a component's value is its score as a share of its maximum.
    components: list(['Công tác chỉ đạo, điều hành cải cách hành chính', 'Cải cách thể chế', 'Cải cách thủ tục hành chính', 'Cải cách tổ chức bộ máy hành chính nhà nước', 'Cải cách chế độ công vụ', 'Cải cách tài chính công', 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội'], 'lv'),
  },
  {
    code: 'pci', name: 'PCI', fullName: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', publisher: 'VCCI', subject: 'province', maxTotal: 10_000, maxComponent: 1_000, unit: 'điểm',
    components: list(['Gia nhập thị trường', 'Tiếp cận đất đai', 'Tính minh bạch', 'Chi phí thời gian', 'Chi phí không chính thức', 'Cạnh tranh bình đẳng', 'Tính năng động của chính quyền tỉnh', 'Dịch vụ hỗ trợ doanh nghiệp', 'Đào tạo lao động', 'Thiết chế pháp lý và an ninh, trật tự'], 'cs'),
  },
  {
    code: 'papi', name: 'PAPI', fullName: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)', publisher: 'UNDP và các đối tác', subject: 'province', maxTotal: 8_000, maxComponent: 1_000, unit: 'điểm',
    components: list(['Tham gia của người dân ở cấp cơ sở', 'Công khai, minh bạch trong việc ra quyết định', 'Trách nhiệm giải trình với người dân', 'Kiểm soát tham nhũng trong khu vực công', 'Thủ tục hành chính công', 'Cung ứng dịch vụ công', 'Quản trị môi trường', 'Quản trị điện tử'], 'nd'),
  },
  {
    code: 'sipas', name: 'SIPAS', fullName: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)', publisher: 'Bộ Nội vụ', subject: 'province', maxTotal: 10_000, maxComponent: 10_000, unit: '%',
    components: list(['Tiếp cận dịch vụ', 'Thủ tục hành chính', 'Công chức giải quyết công việc', 'Kết quả giải quyết công việc', 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị'], 'yt'),
  },
  {
    code: 'dept', name: 'Chỉ số CCHC của cơ quan', fullName: 'Chỉ số cải cách hành chính của cơ quan (xếp hạng các sở, ban, ngành của tỉnh)', publisher: 'UBND tỉnh', subject: 'agency', maxTotal: 10_000, maxComponent: 10_000, unit: '%',
    components: [],
  },
];

const BY_CODE = new Map(INDICES.map((d) => [d.code, d]));

export function indexDefinition(code: string): IndexDefinition | undefined {
  return BY_CODE.get(code as IndexCode);
}

export function componentName(def: IndexDefinition, key: string): string | undefined {
  return key === TOTAL ? 'Tổng điểm' : def.components.find((c) => c.key === key)?.name;
}

/** The highest rank a row may have when it does not say among how many: the 63 provinces, or the province's departments. */
export const DEFAULT_RANK_OF = 63;

import type { Role } from '../../platform/access.ts';

/** The source of the 2025 merger of Bắc Giang into Bắc Ninh, for every name it changed. */
const PROVINCE_MERGER_2025 = 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh (tỉnh Bắc Giang và tỉnh Bắc Ninh hợp nhất thành tỉnh Bắc Ninh, từ 01/7/2025).';

/**
 * The province of the seed agency and of the demo overseer. The code is this application's own
 * key (not an official administrative code). Bắc Giang and Bắc Ninh merged into the province of
 * Bắc Ninh from 1/7/2025, so the same province carries the new name from that day; agencies of
 * the former Bắc Ninh province joining later get this code too.
 */
export const SEED_PROVINCE = {
  code: 'bac-giang',
  names: [
    { validFrom: null, validTo: '2025-06-30', name: 'Bắc Giang', source: 'Tỉnh Bắc Giang trước khi sắp xếp đơn vị hành chính cấp tỉnh năm 2025.' },
    { validFrom: '2025-07-01', validTo: null, name: 'Bắc Ninh', source: PROVINCE_MERGER_2025 },
  ],
} as const;

/**
 * The seed agency. Names and dates of the agency are real and carry their source; units the
 * 2024 plan names are real (full names only where the plan spells them out); everything
 * marked `demo` is invented for trying the product and is flagged as such in the database.
 */
export const SEED_AGENCY = {
  code: 'bdt-bacgiang',
  provinceCode: SEED_PROVINCE.code,
  address: null,
  phone: null,
  email: null,
  website: null,
  names: [
    {
      validFrom: null,
      validTo: '2025-02-28',
      name: 'Ban Dân tộc tỉnh Bắc Giang',
      shortName: 'Ban Dân tộc',
      abbreviation: 'BDT',
      parentName: 'UBND tỉnh Bắc Giang',
      place: 'Bắc Giang',
      source: 'Kế hoạch tuyên truyền CCHC năm 2024 của Ban Dân tộc tỉnh Bắc Giang (số …/KH-BDT, tháng 02/2024)',
    },
    {
      validFrom: '2025-03-01',
      validTo: '2025-06-30',
      name: 'Sở Dân tộc và Tôn giáo tỉnh Bắc Giang',
      shortName: 'Sở Dân tộc và Tôn giáo',
      abbreviation: 'SDTTG',
      parentName: 'UBND tỉnh Bắc Giang',
      place: 'Bắc Giang',
      source: 'Sắp xếp cơ quan chuyên môn cấp tỉnh năm 2025 (Ban Dân tộc hợp nhất với công tác tôn giáo thành Sở Dân tộc và Tôn giáo). Ngày hiệu lực và chữ viết tắt cần đối chiếu quyết định thành lập.',
    },
    {
      validFrom: '2025-07-01',
      validTo: null,
      name: 'Sở Dân tộc và Tôn giáo tỉnh Bắc Ninh',
      shortName: 'Sở Dân tộc và Tôn giáo',
      abbreviation: 'SDTTG',
      parentName: 'UBND tỉnh Bắc Ninh',
      place: 'Bắc Ninh',
      source: PROVINCE_MERGER_2025,
    },
  ],
} as const;

export interface SeedUnit {
  abbreviation: string;
  name: string;
  shortName: string;
  kind: 'office' | 'professional' | 'other';
  isCoordinator?: boolean;
  demo: boolean;
}

export const SEED_UNITS: SeedUnit[] = [
  // Both named in the 2024 plan (section IV and the appendix).
  { abbreviation: 'HC-TH', name: 'Phòng Hành chính - Tổng hợp', shortName: 'Phòng HC-TH', kind: 'office', isCoordinator: true, demo: false },
  { abbreviation: 'KH-TT', name: 'Phòng KH-TT', shortName: 'Phòng KH-TT', kind: 'professional', demo: false },
  // Invented so that "Các phòng chuyên môn" has more than one member to try with.
  { abbreviation: 'CS', name: 'Phòng Chính sách (mẫu)', shortName: 'Phòng CS', kind: 'professional', demo: true },
  { abbreviation: 'TTr', name: 'Thanh tra (mẫu)', shortName: 'Thanh tra', kind: 'professional', demo: true },
];

export const SEED_UNIT_GROUPS = [
  {
    name: 'Các phòng chuyên môn',
    aliases: ['Các phòng chuyên môn, đơn vị', 'Các phòng, đơn vị', 'Các phòng chuyên môn, đơn vị thuộc Ban'],
    rule: 'all_professional' as const,
  },
];

/** Password of every demo account; printed by `minhbach seed` and in the README. */
export const DEMO_PASSWORD = 'MinhBach@demo2024';

export const DEMO_USERS: { email: string; fullName: string; unit: string | null; roles: Role[] }[] = [
  { email: 'quantri@demo.minhbach.example', fullName: 'Quản trị (mẫu)', unit: 'HC-TH', roles: ['admin'] },
  { email: 'dieuphoi@demo.minhbach.example', fullName: 'Chuyên viên điều phối (mẫu)', unit: 'HC-TH', roles: ['coordinator'] },
  { email: 'bientap@demo.minhbach.example', fullName: 'Biên tập viên (mẫu)', unit: 'HC-TH', roles: ['editor'] },
  { email: 'lanhdao@demo.minhbach.example', fullName: 'Lãnh đạo Ban (mẫu)', unit: null, roles: ['leader'] },
  { email: 'truongphong@demo.minhbach.example', fullName: 'Trưởng phòng KH-TT (mẫu)', unit: 'KH-TT', roles: ['unit_head'] },
  { email: 'canbo@demo.minhbach.example', fullName: 'Cán bộ phòng KH-TT (mẫu)', unit: 'KH-TT', roles: ['staff'] },
];

/** The province's Department of Home Affairs, home of the demo overseer. */
export const OVERSEER_AGENCY = {
  code: 'snv-bacgiang',
  provinceCode: SEED_PROVINCE.code,
  name: { name: 'Sở Nội vụ tỉnh Bắc Giang', shortName: 'Sở Nội vụ', abbreviation: 'SNV', parentName: 'UBND tỉnh Bắc Giang', place: 'Bắc Giang' },
  unit: { abbreviation: 'CCHC', name: 'Phòng Cải cách hành chính (mẫu)', shortName: 'Phòng CCHC', kind: 'professional' as const, demo: true },
  user: { email: 'sonoivu@demo.minhbach.example', fullName: 'Chuyên viên Sở Nội vụ (mẫu)', roles: ['overseer'] as Role[] },
};

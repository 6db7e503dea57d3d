/**
 * Demo administrative areas, every name marked "(mẫu)": no verified list of the province's
 * communes before and after 1 July 2025 (with codes and who replaced whom) was at hand, so none
 * is presented as real. An admin imports the real list (XLSX/CSV, the template in the admin's
 * import dialog) and it replaces nothing of this; these rows stay flagged demo.
 */
import type { AreaLevel } from './vocabulary.ts';

interface DemoArea {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  replacedBy: string | null;
}

/** The day the 2025 reorganisation took effect: districts abolished, communes merged. */
export const REORGANISATION_DAY = '2025-07-01';
const SINCE = '2020-01-01';

const OLD_COMMUNES = [1, 2, 3, 4, 5, 6].map((n): DemoArea => ({
  code: `MAU-X${n}`, name: `Xã vùng cao mẫu ${n} (mẫu)`, level: 'commune', parentCode: n <= 3 ? 'MAU-H1' : 'MAU-H2',
  effectiveFrom: SINCE, effectiveTo: REORGANISATION_DAY, replacedBy: `MAU-XM${Math.ceil(n / 2)}`,
}));

const NEW_COMMUNES = [1, 2, 3].map((n): DemoArea => ({
  code: `MAU-XM${n}`, name: `Xã mới sau sắp xếp mẫu ${n} (mẫu)`, level: 'commune', parentCode: 'MAU-T', effectiveFrom: REORGANISATION_DAY, effectiveTo: null, replacedBy: null,
}));

export const DEMO_AREAS: readonly DemoArea[] = [
  { code: 'MAU-T', name: 'Tỉnh mẫu (mẫu)', level: 'province', parentCode: null, effectiveFrom: SINCE, effectiveTo: null, replacedBy: null },
  { code: 'MAU-H1', name: 'Huyện miền núi mẫu 1 (mẫu)', level: 'district', parentCode: 'MAU-T', effectiveFrom: SINCE, effectiveTo: REORGANISATION_DAY, replacedBy: null },
  { code: 'MAU-H2', name: 'Huyện miền núi mẫu 2 (mẫu)', level: 'district', parentCode: 'MAU-T', effectiveFrom: SINCE, effectiveTo: REORGANISATION_DAY, replacedBy: null },
  ...OLD_COMMUNES,
  ...NEW_COMMUNES,
];

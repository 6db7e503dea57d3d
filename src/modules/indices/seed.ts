/**
 * The published values of Bắc Giang province (the seed agency's province), loaded into every
 * database: real figures, each with where it was published. Only totals and ranks are given;
 * no component is filled in that the sources here do not state.
 */
import type { IndicesService } from './service.ts';
import type { IndexValueDraft } from './rules.ts';

export const BAC_GIANG_INDICES: IndexValueDraft[] = [
  { indexCode: 'par', component: 'total', year: 2022, valueX100: 8854, rank: 4, rankOf: 63, source: 'Chỉ số cải cách hành chính (PAR Index) năm 2022 của các tỉnh, thành phố, do Bộ Nội vụ công bố năm 2023: tỉnh Bắc Giang đạt 88,54 %, xếp thứ 4/63.', sourceUrl: null },
  { indexCode: 'par', component: 'total', year: 2023, valueX100: 9116, rank: 4, rankOf: 63, source: 'Chỉ số cải cách hành chính (PAR Index) năm 2023 của các tỉnh, thành phố, do Bộ Nội vụ công bố năm 2024: tỉnh Bắc Giang đạt 91,16 %, xếp thứ 4/63.', sourceUrl: null },
  { indexCode: 'pci', component: 'total', year: 2022, valueX100: 7280, rank: 2, rankOf: 63, source: 'Báo cáo Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) 2022 của Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI), công bố năm 2023: tỉnh Bắc Giang đạt 72,80 điểm, xếp thứ 2/63.', sourceUrl: 'https://pcivietnam.vn' },
  { indexCode: 'papi', component: 'total', year: 2023, valueX100: 4432, rank: 10, rankOf: 63, source: 'Báo cáo Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) 2023 của UNDP và các đối tác, công bố năm 2024: tỉnh Bắc Giang đạt 44,32 điểm, xếp thứ 10/63.', sourceUrl: 'https://papi.org.vn' },
  { indexCode: 'sipas', component: 'total', year: 2023, valueX100: 8162, rank: 38, rankOf: 63, source: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm 2023, do Bộ Nội vụ công bố năm 2024: tỉnh Bắc Giang đạt 81,62 %, xếp thứ 38/63.', sourceUrl: null },
];

/** Loads the values on a first start (when the agency has none). Returns the rows written. */
export function seedPublishedIndices(deps: { indices: IndicesService }, agencyId: string): Promise<number> {
  return deps.indices.seedIfEmpty(agencyId, BAC_GIANG_INDICES, { system: 'seed', agencyId });
}

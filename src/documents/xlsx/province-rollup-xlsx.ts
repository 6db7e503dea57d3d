/** The province roll-up as a spreadsheet: the ranked agency table, the late reports below it. */
import { LATE_COLUMNS, ROLLUP_COLUMNS, lateReportCells, rollupAgencyCells, rollupTitle, type ProvinceRollup } from '../province-rollup.ts';
import { writeTableXlsx } from './table-xlsx.ts';

export async function writeProvinceRollupXlsx(rollup: ProvinceRollup): Promise<Buffer> {
  const late = lateReportCells(rollup);
  // One sheet, so it prints and filters as one: the late reports follow under their own header row.
  const rows: (string | number | null)[][] = [
    ...rollupAgencyCells(rollup),
    [],
    ['Báo cáo trễ hạn, chưa nộp'],
    LATE_COLUMNS.map((c) => c.header),
    ...(late.length > 0 ? late : [['Không có báo cáo trễ hạn hay chưa nộp.']]),
  ];
  return writeTableXlsx({ sheet: `Toàn tỉnh ${rollup.year}`, title: rollupTitle(rollup), columns: [...ROLLUP_COLUMNS], rows });
}

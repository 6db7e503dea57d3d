/**
 * The province roll-up of CCHC communication plans: one row per agency (plan completion and
 * on-time reporting, with their ranks) and the late reports. Built by the oversight module,
 * printed as DOCX (decree30/province-rollup-docx.ts) and XLSX (xlsx/province-rollup-xlsx.ts),
 * which share the cells below so both say the same.
 */
import { formatPercentVi } from '../platform/vi-number.ts';
import { formatDateVi } from '../platform/vi-text.ts';

export interface RollupAgency {
  name: string;
  isDemo: boolean;
  planTitle: string | null;
  completionRank: number | null;
  completionRate: number | null;
  tasksDue: number;
  tasksDoneOnTime: number;
  onTimeRank: number | null;
  onTimeRate: number | null;
  reportsDue: number;
  reportsOnTime: number;
  reportsLate: number;
  reportsMissing: number;
}

export interface RollupLateReport {
  agencyName: string;
  periodLabel: string;
  unitName: string | null;
  reason: 'late' | 'missing';
  due: string;
}

export interface ProvinceRollup {
  provinceName: string;
  year: number;
  /** The day the figures were computed. */
  asOf: string;
  agencies: RollupAgency[];
  lateReports: RollupLateReport[];
}

export const ROLLUP_COLUMNS = [
  { header: 'TT', width: 5 },
  { header: 'Cơ quan', width: 36 },
  { header: 'Kế hoạch năm', width: 36 },
  { header: 'Nhiệm vụ đến hạn', width: 11 },
  { header: 'Hoàn thành đúng hạn', width: 12 },
  { header: 'Tỉ lệ hoàn thành', width: 12 },
  { header: 'Hạng hoàn thành', width: 10 },
  { header: 'Báo cáo đến hạn', width: 11 },
  { header: 'Nộp đúng hạn', width: 10 },
  { header: 'Nộp trễ', width: 9 },
  { header: 'Chưa nộp', width: 9 },
  { header: 'Tỉ lệ đúng hạn', width: 12 },
  { header: 'Hạng đúng hạn', width: 10 },
] as const;

const rank = (n: number | null) => (n === null ? '–' : String(n));
const rate = (r: number | null) => formatPercentVi(r === null ? null : r * 100);

/** The agency table as text cells, in `ROLLUP_COLUMNS` order. */
export function rollupAgencyCells(rollup: ProvinceRollup): string[][] {
  return rollup.agencies.map((a, i) => [
    String(i + 1),
    a.name + (a.isDemo ? ' (mẫu)' : ''),
    a.planTitle ?? 'Chưa có kế hoạch được phê duyệt',
    String(a.tasksDue), String(a.tasksDoneOnTime), rate(a.completionRate), rank(a.completionRank),
    String(a.reportsDue), String(a.reportsOnTime), String(a.reportsLate), String(a.reportsMissing), rate(a.onTimeRate), rank(a.onTimeRank),
  ]);
}

export const LATE_COLUMNS = [
  { header: 'Cơ quan', width: 36 },
  { header: 'Kỳ báo cáo', width: 20 },
  { header: 'Báo cáo', width: 30 },
  { header: 'Hạn', width: 12 },
  { header: 'Tình trạng', width: 14 },
] as const;

/** The late reports as text cells, in `LATE_COLUMNS` order. */
export function lateReportCells(rollup: ProvinceRollup): string[][] {
  return rollup.lateReports.map((l) => [
    l.agencyName, l.periodLabel, l.unitName ?? 'Báo cáo tổng hợp của cơ quan', formatDateVi(l.due), l.reason === 'late' ? 'Nộp trễ hạn' : 'Chưa nộp',
  ]);
}

export function rollupTitle(rollup: Pick<ProvinceRollup, 'provinceName' | 'year'>): string {
  return `Kết quả thực hiện kế hoạch tuyên truyền cải cách hành chính năm ${rollup.year} của các cơ quan trên địa bàn tỉnh ${rollup.provinceName}`;
}

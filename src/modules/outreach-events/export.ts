/** The filtered event list as XLSX, with the names people read (kind, commune, unit, audiences, tasks). */
import { writeTableXlsx } from '../../documents/xlsx/table-xlsx.ts';
import { formatDateVi } from '../../platform/vi-text.ts';
import type { EventView } from './schema.ts';
import { EVENT_KINDS, type EventKind } from './vocabulary.ts';

export const EXPORT_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Hình thức', width: 18 },
  { header: 'Tên sự kiện', width: 48 },
  { header: 'Từ ngày', width: 12 },
  { header: 'Đến ngày', width: 12 },
  { header: 'Xã, phường', width: 26 },
  { header: 'Địa chỉ', width: 26 },
  { header: 'Đơn vị tổ chức', width: 20 },
  { header: 'Đối tượng', width: 30 },
  { header: 'Số người tham dự', width: 12 },
  { header: 'Trong đó nữ', width: 10 },
  { header: 'Người DTTS', width: 10 },
  { header: 'Nhiệm vụ kế hoạch', width: 48 },
  { header: 'Nội dung lồng ghép', width: 40 },
] as const;

export interface ExportNames {
  unitName: (id: string | null) => string;
  audienceName: (code: string) => string;
  taskName: (id: string) => string;
}

export function exportRows(list: EventView[], names: ExportNames) {
  return list.map((e, i) => [
    i + 1, EVENT_KINDS[e.kind as EventKind]?.label ?? e.kind, e.title, formatDateVi(e.startDate), formatDateVi(e.endDate), e.area.name, e.address ?? '',
    names.unitName(e.unitId), e.audiences.map(names.audienceName).join('; '), e.participantsTotal, e.participantsWomen, e.participantsEthnic,
    e.taskIds.map(names.taskName).join('; '), e.contentItems.join('; '),
  ]);
}

export function writeEventsXlsx(list: EventView[], names: ExportNames, title: string) {
  return writeTableXlsx({ sheet: 'Sự kiện', title, columns: [...EXPORT_COLUMNS], rows: exportRows(list, names) });
}

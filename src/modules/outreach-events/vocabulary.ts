import type { Measure } from '../evidence/measures.ts';

/** Event kinds, their Vietnamese names, and the measure each one counts as evidence. */
export const EVENT_KINDS = {
  conference: { label: 'Hội nghị', measure: 'conferences' },
  training: { label: 'Tập huấn', measure: 'trainings' },
  contest: { label: 'Hội thi', measure: 'contests' },
  internal_meeting: { label: 'Họp, sinh hoạt nội bộ', measure: 'conferences' },
  field_visit: { label: 'Tuyên truyền trực tiếp tại cơ sở', measure: 'outreach_sessions' },
  broadcast: { label: 'Phát thanh loa truyền thanh', measure: 'broadcasts' },
  other: { label: 'Hình thức khác', measure: 'outreach_sessions' },
} as const satisfies Record<string, { label: string; measure: Measure }>;

export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_CODES = Object.keys(EVENT_KINDS) as EventKind[];

/** The audience list an agency starts with; it may add its own (event_audiences). */
export const DEFAULT_AUDIENCES = [
  { code: 'ethnic_communities', label: 'Đồng bào dân tộc thiểu số' },
  { code: 'prestigious_people', label: 'Người có uy tín' },
  { code: 'officials', label: 'Cán bộ, công chức, viên chức' },
  { code: 'commune_officials', label: 'Cán bộ cấp xã, thôn, bản' },
  { code: 'students', label: 'Học sinh, sinh viên' },
  { code: 'businesses', label: 'Doanh nghiệp, hợp tác xã' },
  { code: 'women', label: 'Hội viên phụ nữ' },
  { code: 'youth', label: 'Đoàn viên thanh niên' },
] as const;

export const MATERIAL_ROLES = {
  material: 'Tài liệu',
  photo: 'Ảnh',
  attendance: 'Danh sách điểm danh',
} as const;

export type MaterialRole = keyof typeof MATERIAL_ROLES;

export const AREA_LEVELS = {
  province: 'Tỉnh',
  district: 'Huyện',
  commune: 'Xã, phường, thị trấn',
} as const;

export type AreaLevel = keyof typeof AREA_LEVELS;

/** The evidence an event counts as: one of its kind, and its participants. */
export function eventQuantities(kind: EventKind, participants: number): Partial<Record<Measure, number>> {
  return { [EVENT_KINDS[kind].measure]: 1, ...(participants > 0 ? { participants } : {}) };
}

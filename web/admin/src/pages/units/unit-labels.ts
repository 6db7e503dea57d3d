import type { UnitKind } from '../../types';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  office: 'Văn phòng/điều phối',
  professional: 'Phòng chuyên môn',
  other: 'Khác',
};

export const UNIT_KIND_OPTIONS = (Object.keys(UNIT_KIND_LABELS) as UnitKind[]).map((value) => ({ value, label: UNIT_KIND_LABELS[value] }));

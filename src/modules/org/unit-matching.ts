import { foldVi } from '../../platform/vi-text.ts';

export interface UnitCandidate {
  id: string;
  names: string[];
}

export interface UnitMatch {
  text: string;
  unitId: string | null;
  groupId: string | null;
}

/** Folds a unit name for comparison: no case, diacritics, punctuation or leading "phòng"/"các". */
export function unitKey(name: string): string {
  return foldVi(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(phong|cac|thuoc ban|thuoc so)\b/g, ' ')
    .replace(/\s+/g, '')
    .trim();
}

/**
 * Resolves names as written in a plan ("Phòng HC-TH", "Phòng Hành chính – Tổng hợp",
 * "Các phòng chuyên môn") to units or unit groups; unmatched names keep only their text.
 */
export function matchUnitName(text: string, units: UnitCandidate[], groups: UnitCandidate[]): UnitMatch {
  const key = unitKey(text);
  if (!key) return { text, unitId: null, groupId: null };
  const group = groups.find((g) => g.names.some((n) => unitKey(n) === key));
  if (group) return { text, unitId: null, groupId: group.id };
  const unit = units.find((u) => u.names.some((n) => unitKey(n) === key));
  return { text, unitId: unit?.id ?? null, groupId: null };
}

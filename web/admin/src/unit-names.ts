import type { Unit, UnitGroup } from './types';

/** Lower case, no diacritics, đ → d: how the server compares Vietnamese names. */
export function foldVi(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * A unit name reduced for comparison, as the server's matcher does (src/modules/org/unit-matching.ts):
 * no case, diacritics, punctuation or leading "phòng"/"các". Example: "Phòng HC-TH" → "hcth".
 */
export function unitKey(name: string): string {
  return foldVi(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(phong|cac|thuoc ban|thuoc so)\b/g, ' ')
    .replace(/\s+/g, '');
}

export interface UnitDirectory {
  options: { value: string; label: string }[];
  /** Whether `text` names a unit or group; an empty name is not a mismatch. */
  matches: (text: string) => boolean;
}

/**
 * Every name a plan may use for the agency's units and groups, and a matcher over them. While
 * the lists load, every name counts as matched (no warning flashes).
 */
export function unitDirectory(units: readonly Unit[] | undefined, groups: readonly UnitGroup[] | undefined): UnitDirectory {
  if (!units || !groups) return { options: [], matches: () => true };
  const names = [
    ...units.filter((u) => u.active).flatMap((u) => [u.shortName, u.name]),
    ...groups.flatMap((g) => [g.name, ...g.aliases]),
  ];
  const keys = new Set([
    ...units.flatMap((u) => [u.name, u.shortName, u.abbreviation, `Phòng ${u.abbreviation}`]),
    ...groups.flatMap((g) => [g.name, ...g.aliases]),
  ].map(unitKey));
  const options = [...new Set(names.filter(Boolean))].map((value) => ({ value, label: value }));
  return {
    options,
    matches: (text: string) => !unitKey(text) || keys.has(unitKey(text)),
  };
}

/** Option filter for name pickers: "hanh chinh" finds "Phòng Hành chính - Tổng hợp". */
export function nameFilter(input: string, option?: { value?: unknown }): boolean {
  return foldVi(String(option?.value ?? '')).includes(foldVi(input.trim()));
}

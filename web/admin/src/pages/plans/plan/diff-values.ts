import { formatDate } from '../../../format';
import type { BasisRef, Due, PlanSection, Signer, Target, UnitRef } from '../../../plan-types';
import { STATUS_LABELS } from '../plan-labels';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sectionCount(sections: PlanSection[]): number {
  return sections.reduce((n, s) => n + 1 + sectionCount(s.children ?? []), 0);
}

/** A value from a revision as a reader would say it; `field` decides how. */
export function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  switch (field) {
    case 'status':
      return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? String(value);
    case 'signDate':
      return formatDate(String(value));
    case 'position':
      return `Dòng ${Number(value) + 1}`;
    case 'kind':
      return value === 'group' ? 'Nhóm' : 'Nhiệm vụ';
    case 'lead':
      return (value as UnitRef).text || '(trống)';
    case 'coop':
      return (value as UnitRef[]).map((c) => c.text).join('; ') || '(trống)';
    case 'targets':
      return (value as Target[]).map((t) => `${t.quantity} ${t.measure}`).join('; ') || '(trống)';
    case 'due': {
      const end = (value as Due).end;
      return end ? `đến ${formatDate(end)}` : 'thường xuyên';
    }
    case 'basis':
      return (value as BasisRef[]).map((b) => b.text).join('\n') || '(trống)';
    case 'recipients':
      return (value as string[]).join('; ') || '(trống)';
    case 'signer': {
      const s = value as Signer;
      return [s.authority, s.title, s.name].filter(Boolean).join(' — ');
    }
    case 'sections':
      return `${sectionCount(value as PlanSection[])} mục`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) || isObject(value)) return JSON.stringify(value);
  return String(value);
}

import { useMemo } from 'react';
import type { Unit } from '../types';
import { useApiGet } from './use-api-get';

/** The agency's units and an id → name lookup ("—" for none). */
export function useUnits() {
  const { data } = useApiGet<Unit[]>('/api/units');
  return useMemo(() => {
    const units = data ?? [];
    const names = new Map(units.map((u) => [u.id, u.shortName || u.name]));
    return { units, unitName: (id: string | null) => (id ? (names.get(id) ?? 'Đơn vị khác') : '—') };
  }, [data]);
}

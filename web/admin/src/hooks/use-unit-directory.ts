import { useMemo } from 'react';
import type { Unit, UnitGroup } from '../types';
import { unitDirectory } from '../unit-names';
import { useApiGet } from './use-api-get';

/** The agency's units and unit groups as name options for pickers, with a name matcher. */
export function useUnitDirectory() {
  const { data: units } = useApiGet<Unit[]>('/api/units');
  const { data: groups } = useApiGet<UnitGroup[]>('/api/unit-groups');
  return useMemo(() => unitDirectory(units, groups), [units, groups]);
}

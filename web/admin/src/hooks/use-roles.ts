import { useMemo } from 'react';
import type { Role } from '../types';
import { useApiGet } from './use-api-get';

/** The role list from the server and a code → Vietnamese label lookup (unknown codes show as is). */
export function useRoles() {
  const { data } = useApiGet<Role[]>('/api/roles');
  return useMemo(() => {
    const roles = data ?? [];
    const labels = new Map(roles.map((r) => [r.code, r.label]));
    return { roles, roleLabel: (code: string) => labels.get(code) ?? code };
  }, [data]);
}

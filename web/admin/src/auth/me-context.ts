import { createContext, useContext } from 'react';
import type { Me } from '../types';

export const MeContext = createContext<Me | undefined>(undefined);

/** The signed-in user; only valid below the admin layout, which loads it before rendering pages. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in layout');
  return me;
}

/** Whether the signed-in user holds `permission` (the server checks again; this only hides controls). */
export function useCan(permission: string): boolean {
  return useMe().permissions.includes(permission);
}

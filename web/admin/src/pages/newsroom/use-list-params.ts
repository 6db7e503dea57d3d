import { useSearchParams } from 'react-router';

/**
 * A list's filters and page, kept in the address (so a reload, the back button from the editor
 * or a shared link shows the same list). Changing a filter goes back to page 1.
 */
export function useListParams<F extends Record<string, string | undefined>>(keys: readonly (keyof F & string)[]) {
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as F;
  const page = Math.max(1, Number(params.get('page')) || 1);

  function update(patch: Record<string, string | undefined>, keepPage = false) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        if (!keepPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  }

  return {
    filter,
    page,
    setFilter: (patch: Partial<F>) => update(patch as Record<string, string | undefined>),
    setPage: (p: number) => update({ page: p > 1 ? String(p) : undefined }, true),
  };
}

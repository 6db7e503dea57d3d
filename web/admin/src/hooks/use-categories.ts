import { useMemo } from 'react';
import type { Category } from '../newsroom-types';
import { useApiGet } from './use-api-get';

/** The agency's newsroom categories, in their order, and an id → name lookup. */
export function useCategories() {
  const { data, loading, failed, reload } = useApiGet<Category[]>('/api/categories');
  return useMemo(() => {
    const categories = [...(data ?? [])].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'vi'));
    const names = new Map(categories.map((c) => [c.id, c.name]));
    return { categories, loading, failed, reload, categoryName: (id: string) => names.get(id) ?? 'Chuyên mục khác' };
  }, [data, loading, failed, reload]);
}

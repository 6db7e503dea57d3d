import { useMemo } from 'react';
import type { ProcedureField, ProcedureVocabulary } from '../procedure-types';
import { useApiGet } from './use-api-get';

/** Levels, channels, online levels and change kinds with their Vietnamese labels, and the agency's fields (lĩnh vực). */
export function useProcedureVocabulary() {
  const { data } = useApiGet<ProcedureVocabulary>('/api/procedures/vocabulary');
  const fields = useApiGet<ProcedureField[]>('/api/procedure-fields');
  return useMemo(() => {
    const changeKinds = data?.changeKinds ?? {};
    const onlineLevels = data?.onlineLevels ?? {};
    return {
      levels: data?.levels ?? [],
      channels: data?.channels ?? {},
      onlineLevels,
      changeKinds,
      fields: fields.data ?? [],
      reloadFields: fields.reload,
      changeKindLabel: (kind: string) => changeKinds[kind] ?? kind,
      /** "Toàn trình", "Một phần", or "Chưa cung cấp" for none. */
      onlineLevelLabel: (level: string | null) => (level ? (onlineLevels[level] ?? level) : 'Chưa cung cấp'),
    };
  }, [data, fields.data, fields.reload]);
}

export type ProcedureLabels = ReturnType<typeof useProcedureVocabulary>;

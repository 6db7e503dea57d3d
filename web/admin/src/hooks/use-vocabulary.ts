import { useMemo } from 'react';
import type { EvidenceVocabulary } from '../reporting-types';
import { useApiGet } from './use-api-get';

/** Evidence kinds and measures with their Vietnamese labels (unknown codes show as they are). */
export function useVocabulary() {
  const { data } = useApiGet<EvidenceVocabulary>('/api/evidence/vocabulary');
  return useMemo(() => {
    const kinds = data?.kinds ?? {};
    const measures = data?.measures ?? {};
    return {
      kinds,
      measures,
      kindLabel: (code: string) => kinds[code] ?? code,
      measureLabel: (code: string) => measures[code] ?? code,
    };
  }, [data]);
}

export type Vocabulary = ReturnType<typeof useVocabulary>;

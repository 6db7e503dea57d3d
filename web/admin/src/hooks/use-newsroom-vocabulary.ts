import { useMemo } from 'react';
import type { NewsroomVocabulary } from '../newsroom-types';
import { useApiGet } from './use-api-get';

/** Article statuses, languages and legal document types with their Vietnamese labels (unknown codes show as they are). */
export function useNewsroomVocabulary() {
  const { data } = useApiGet<NewsroomVocabulary>('/api/publishing/vocabulary');
  return useMemo(() => {
    const statuses = data?.statuses ?? {};
    const languages = data?.languages ?? {};
    return {
      loaded: data !== undefined,
      statuses,
      languages,
      documentTypes: data?.documentTypes ?? [],
      statusLabel: (code: string) => statuses[code] ?? code,
      languageName: (code: string) => languages[code] ?? code,
    };
  }, [data]);
}

export type NewsroomLabels = ReturnType<typeof useNewsroomVocabulary>;

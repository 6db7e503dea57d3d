import { useMemo } from 'react';
import { useApiGet } from '../../hooks/use-api-get';
import type { EventsVocabulary } from './event-types';

const EMPTY: EventsVocabulary = { kinds: [], audiences: [], materialRoles: [], levels: [] };

/** Kinds, audiences, material roles and area levels, with code → label lookups. */
export function useEventsVocabulary() {
  const { data, reload } = useApiGet<EventsVocabulary>('/api/events/vocabulary');
  return useMemo(() => {
    const v = data ?? EMPTY;
    const lookup = (list: { code: string; label: string }[]) => {
      const map = new Map(list.map((x) => [x.code, x.label]));
      return (code: string) => map.get(code) ?? code;
    };
    return { ...v, reload, kindLabel: lookup(v.kinds), audienceLabel: lookup(v.audiences), roleLabel: lookup(v.materialRoles), levelLabel: lookup(v.levels) };
  }, [data, reload]);
}

export type EventsVocabularyLookup = ReturnType<typeof useEventsVocabulary>;

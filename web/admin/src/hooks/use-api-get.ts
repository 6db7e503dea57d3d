import { useCallback, useEffect, useState } from 'react';
import { api, withQuery, type Query } from '../api';
import { useNotify } from './use-notify';

export interface ApiGet<T> {
  data: T | undefined;
  loading: boolean;
  failed: boolean;
  reload: () => void;
  /** Replaces the data with what a write returned, saving a round trip. */
  setData: (data: T) => void;
}

/**
 * Loads `path` (with `query`) and reloads whenever the resulting URL changes; failures are
 * shown as a toast. `path` null skips loading (e.g. when the user may not read it).
 */
export function useApiGet<T>(path: string | null, query?: Query): ApiGet<T> {
  const url = path === null ? null : withQuery(path, query);
  const notify = useNotify();
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(url !== null);
  const [failed, setFailed] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (url === null) return;
    let stale = false;
    setLoading(true);
    api.get<T>(url).then(
      (result) => {
        if (stale) return;
        setData(result);
        setFailed(false);
        setLoading(false);
      },
      (error: unknown) => {
        if (stale) return;
        notify.failed(error);
        setFailed(true);
        setLoading(false);
      },
    );
    return () => {
      stale = true;
    };
  }, [url, version, notify]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, failed, reload, setData };
}

import { useCallback, useEffect, useState } from 'react';
import { fetchJson } from '../lib/api.js';

export interface ApiState<T> {
  data: T | undefined;
  isLoading: boolean;
  error: Error | null;
  reload: () => void;
}

/**
 * Fetches `url` (null = nothing to fetch) and refetches when it changes. The building block of the
 * feature hooks; a late answer for an old URL is dropped by aborting it.
 */
export function useApi<T>(url: string | null): ApiState<T> {
  const [state, setState] = useState<{ url: string | null; data?: T; error: Error | null; isLoading: boolean }>({
    url: null,
    error: null,
    isLoading: url !== null,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (url === null) return;
    const ctl = new AbortController();
    setState((s) => ({ url, data: s.url === url ? s.data : undefined, error: null, isLoading: true }));
    fetchJson<T>(url, ctl.signal).then(
      (data) => setState({ url, data, error: null, isLoading: false }),
      (error: unknown) => {
        if (ctl.signal.aborted) return;
        setState({ url, error: error instanceof Error ? error : new Error(String(error)), isLoading: false });
      },
    );
    return () => ctl.abort();
  }, [url, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.url === url;
  return {
    data: current ? state.data : undefined,
    isLoading: url !== null && (!current || state.isLoading),
    error: current ? state.error : null,
    reload,
  };
}

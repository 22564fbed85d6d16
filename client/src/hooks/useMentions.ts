import { useCallback, useEffect, useRef, useState } from 'react';
import type { MentionPage } from '../../../shared/contracts/api.js';
import type { MentionView } from '../../../shared/contracts/views.js';
import { apiUrl, fetchJson, type QueryValue } from '../lib/api.js';

export interface MentionsState {
  /** The latest results; while `isLoading` after a change of filters, those of the previous filters. */
  data: { items: MentionView[]; nextCursor: string | null } | undefined;
  isLoading: boolean;
  error: Error | null;
  isLoadingMore: boolean;
  loadMoreError: Error | null;
  loadMore: () => void;
  reload: () => void;
}

/**
 * Pages of mentions for one set of filters: the first page when the filters change, further pages
 * appended through the opaque cursor the server hands back.
 */
export function useMentions(query: Record<string, QueryValue>, pageSize = 50): MentionsState {
  const url = apiUrl('/mentions', { ...query, limit: pageSize });
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{
    url: string;
    data?: MentionPage;
    error: Error | null;
    isLoading: boolean;
    isLoadingMore: boolean;
    loadMoreError: Error | null;
  }>({ url: '', error: null, isLoading: true, isLoadingMore: false, loadMoreError: null });
  const moreCtl = useRef<AbortController | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    moreCtl.current?.abort();
    // The previous results stay on screen while the new ones load, so sorting does not blank the
    // table (and take keyboard focus with it).
    setState((s) => ({ url, data: s.data, error: null, isLoading: true, isLoadingMore: false, loadMoreError: null }));
    fetchJson<MentionPage>(url, ctl.signal).then(
      (data) => setState({ url, data, error: null, isLoading: false, isLoadingMore: false, loadMoreError: null }),
      (error: unknown) => {
        if (ctl.signal.aborted) return;
        setState({ url, error: asError(error), isLoading: false, isLoadingMore: false, loadMoreError: null });
      },
    );
    return () => ctl.abort();
  }, [url, attempt]);

  const current = state.url === url;
  const cursor = current && !state.isLoading ? (state.data?.nextCursor ?? null) : null;
  const busy = state.isLoadingMore;
  const loadMore = useCallback(() => {
    if (!cursor || busy) return;
    const ctl = new AbortController();
    moreCtl.current = ctl;
    setState((s) => ({ ...s, isLoadingMore: true, loadMoreError: null }));
    fetchJson<MentionPage>(`${url}&cursor=${encodeURIComponent(cursor)}`, ctl.signal).then(
      (page) =>
        setState((s) =>
          s.url !== url || !s.data
            ? s
            : { ...s, isLoadingMore: false, data: { items: [...s.data.items, ...page.items], nextCursor: page.nextCursor } },
        ),
      (error: unknown) => {
        if (ctl.signal.aborted) return;
        setState((s) => ({ ...s, isLoadingMore: false, loadMoreError: asError(error) }));
      },
    );
  }, [url, cursor, busy]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    data: state.data,
    isLoading: !current || state.isLoading,
    error: current ? state.error : null,
    isLoadingMore: current && state.isLoadingMore,
    loadMoreError: current ? state.loadMoreError : null,
    loadMore,
    reload,
  };
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

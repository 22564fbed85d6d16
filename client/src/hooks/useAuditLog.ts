import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry, AuditPage } from '../../../shared/contracts/auth.js';
import { auditQuery, type AuditFilter } from '../audit/auditFilter.js';
import { apiUrl, fetchJson } from '../lib/api.js';

export interface AuditLogState {
  items: AuditEntry[] | undefined;
  hasMore: boolean;
  isLoading: boolean;
  isLoadingMore: boolean;
  error: Error | null;
  loadMore: () => void;
  reload: () => void;
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/** Audit rows for one filter, newest first: the first page on a change, more through the cursor. */
export function useAuditLog(filter: AuditFilter, pageSize = 100): AuditLogState {
  const url = apiUrl('/audit', { ...auditQuery(filter), limit: pageSize });
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ url: string; page?: AuditPage; error: Error | null; isLoading: boolean; isLoadingMore: boolean }>({
    url: '',
    error: null,
    isLoading: true,
    isLoadingMore: false,
  });
  const moreCtl = useRef<AbortController | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    moreCtl.current?.abort();
    setState((s) => ({ url, page: s.page, error: null, isLoading: true, isLoadingMore: false }));
    fetchJson<AuditPage>(url, ctl.signal).then(
      (page) => setState({ url, page, error: null, isLoading: false, isLoadingMore: false }),
      (error: unknown) => {
        if (!ctl.signal.aborted) setState({ url, error: asError(error), isLoading: false, isLoadingMore: false });
      },
    );
    return () => ctl.abort();
  }, [url, attempt]);

  const current = state.url === url;
  const cursor = current && !state.isLoading ? (state.page?.nextCursor ?? null) : null;
  const busy = state.isLoadingMore;
  const loadMore = useCallback(() => {
    if (!cursor || busy) return;
    const ctl = new AbortController();
    moreCtl.current = ctl;
    setState((s) => ({ ...s, isLoadingMore: true }));
    fetchJson<AuditPage>(`${url}&cursor=${encodeURIComponent(cursor)}`, ctl.signal).then(
      (next) =>
        setState((s) =>
          s.url !== url || !s.page ? s : { ...s, isLoadingMore: false, page: { items: [...s.page.items, ...next.items], nextCursor: next.nextCursor } },
        ),
      (error: unknown) => {
        if (!ctl.signal.aborted) setState((s) => ({ ...s, isLoadingMore: false, error: asError(error) }));
      },
    );
  }, [url, cursor, busy]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    items: state.page?.items,
    hasMore: cursor !== null,
    isLoading: !current || state.isLoading,
    isLoadingMore: current && state.isLoadingMore,
    error: current ? state.error : null,
    loadMore,
    reload,
  };
}

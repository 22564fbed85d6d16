import { useEffect, useState } from 'react';
import { apiUrl, fetchJson } from '../lib/api.js';

export interface Meta {
  timezone: string;
  topics: { id: string; name: { zh: string; en: string } }[];
  platforms: string[];
  regions: string[];
}

/** Used until /meta answers (and when it cannot), so times still render in the usual zone. */
export const FALLBACK_TIMEZONE = 'Asia/Shanghai';

// Meta changes rarely and every view needs it: one request per page load, shared by all callers.
let cached: Promise<Meta> | null = null;

function loadMeta(): Promise<Meta> {
  if (!cached) {
    cached = fetchJson<Meta>(apiUrl('/meta')).catch((err: unknown) => {
      cached = null; // let the next caller try again
      throw err;
    });
  }
  return cached;
}

export function useMeta(): { data: Meta | undefined; isLoading: boolean; error: Error | null } {
  const [state, setState] = useState<{ data: Meta | undefined; error: Error | null; isLoading: boolean }>({
    data: undefined,
    error: null,
    isLoading: true,
  });
  useEffect(() => {
    let live = true;
    loadMeta().then(
      (data) => live && setState({ data, error: null, isLoading: false }),
      (error: unknown) => live && setState({ data: undefined, error: error instanceof Error ? error : new Error(String(error)), isLoading: false }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The display name of a topic id in the current language (the id itself if meta does not know it). */
export function topicName(meta: Meta | undefined, id: string, lang: 'zh' | 'en'): string {
  return meta?.topics.find((t) => t.id === id)?.name[lang] ?? id;
}

import type { MentionView } from '../../../shared/contracts/views.js';
import { apiUrl } from '../lib/api.js';
import { useApi, type ApiState } from './useApi.js';

export interface Thread {
  root: MentionView | null;
  replies: MentionView[];
  reposts: MentionView[];
}

/** The thread containing mention `uid` (`platform:id`); null uid fetches nothing. */
export function useThread(uid: string | null): ApiState<Thread> {
  return useApi<Thread>(uid === null ? null : apiUrl(`/threads/${encodeURIComponent(uid)}`));
}

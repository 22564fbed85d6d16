import type { DailySummary } from '../../../shared/contracts/views.js';
import { apiUrl } from '../lib/api.js';
import { useApi, type ApiState } from './useApi.js';

/** The daily summary for `date` (YYYY-MM-DD), or for today in the server's zone when undefined. */
export function useSummary(date: string | undefined): ApiState<DailySummary> {
  return useApi<DailySummary>(apiUrl('/summary', { date }));
}

import type { IncidentDetail } from '../../../shared/contracts/incidents.js';
import { apiUrl } from '../lib/api.js';
import { useApi, type ApiState } from './useApi.js';

/** One incident with its story, evidence, history and clarification effect; null id fetches nothing. */
export function useIncident(id: number | null): ApiState<IncidentDetail> {
  return useApi<IncidentDetail>(id === null ? null : apiUrl(`/incidents/${id}`));
}

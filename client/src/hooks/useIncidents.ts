import type { IncidentList, IncidentStatus } from '../../../shared/contracts/incidents.js';
import { apiUrl } from '../lib/api.js';
import { useApi, type ApiState } from './useApi.js';

/** Incidents with these statuses (all when empty), newest first. */
export function useIncidents(statuses: readonly IncidentStatus[], limit = 100): ApiState<IncidentList> {
  return useApi<IncidentList>(apiUrl('/incidents', { status: statuses.join(','), limit }));
}

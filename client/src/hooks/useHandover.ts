import type { HandoverSheet } from '../../../shared/contracts/incidents.js';
import { apiUrl } from '../lib/api.js';
import { useApi, type ApiState } from './useApi.js';

/** Everything not clarified or dismissed, most urgent first. */
export function useHandover(): ApiState<HandoverSheet> {
  return useApi<HandoverSheet>(apiUrl('/incidents/handover'));
}

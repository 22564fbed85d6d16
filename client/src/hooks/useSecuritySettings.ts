import type { SecuritySettings } from '../../../shared/contracts/auth.js';
import { apiUrl } from '../lib/api.js';
import { useApi, type ApiState } from './useApi.js';

/** Which roles must use TOTP (settings.write). */
export function useSecuritySettings(): ApiState<SecuritySettings> {
  return useApi<SecuritySettings>(apiUrl('/settings/security'));
}

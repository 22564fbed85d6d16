import type { TokenListResponse } from '../../../shared/contracts/auth.js';
import { apiUrl } from '../lib/api.js';
import { useApi, type ApiState } from './useApi.js';

/** Named API tokens, revoked ones included, newest first (tokens.manage). */
export function useTokens(): ApiState<TokenListResponse> {
  return useApi<TokenListResponse>(apiUrl('/tokens'));
}

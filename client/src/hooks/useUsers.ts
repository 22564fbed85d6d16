import type { UserListResponse } from '../../../shared/contracts/auth.js';
import { apiUrl } from '../lib/api.js';
import { useApi, type ApiState } from './useApi.js';

/** Every account (users.manage). */
export function useUsers(): ApiState<UserListResponse> {
  return useApi<UserListResponse>(apiUrl('/users'));
}

import type {
  LoginBody,
  LoginResponse,
  MeResponse,
  PasswordChangeBody,
  ResetPasswordResponse,
  SecuritySettings,
  TokenCreateBody,
  TokenCreatedResponse,
  TotpEnableResponse,
  TotpSetupResponse,
  UserCreateBody,
  UserCreatedResponse,
  UserPatchBody,
  UserView,
} from '../../../shared/contracts/auth.js';
import { apiUrl, request, sendJson } from './api.js';

/** The accounts API (shared/contracts/auth.ts), one function per call. */

export function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  // A 401 here is the normal "not signed in", not a session that just ended.
  return request<MeResponse>('GET', apiUrl('/auth/me'), { signal, signalOn401: false });
}

export function login(body: LoginBody): Promise<LoginResponse> {
  return sendJson<LoginResponse>('POST', '/auth/login', body, { signalOn401: false });
}

export function logout(): Promise<void> {
  return sendJson<void>('POST', '/auth/logout', undefined, { signalOn401: false });
}

export function logoutAll(): Promise<void> {
  return sendJson<void>('POST', '/auth/logout-all', undefined, { signalOn401: false });
}

export function changePassword(body: PasswordChangeBody): Promise<MeResponse> {
  return sendJson<MeResponse>('POST', '/auth/password', body, { signalOn401: false });
}

export function totpSetup(): Promise<TotpSetupResponse> {
  return request<TotpSetupResponse>('GET', apiUrl('/auth/totp/setup'));
}

export function totpEnable(code: string): Promise<TotpEnableResponse> {
  return sendJson<TotpEnableResponse>('POST', '/auth/totp/enable', { code });
}

export function totpDisable(password: string): Promise<void> {
  return sendJson<void>('POST', '/auth/totp/disable', { password }, { signalOn401: false });
}

export function createUser(body: UserCreateBody): Promise<UserCreatedResponse> {
  return sendJson<UserCreatedResponse>('POST', '/users', body);
}

export function patchUser(id: number, body: UserPatchBody): Promise<{ user: UserView }> {
  return sendJson<{ user: UserView }>('PATCH', `/users/${id}`, body);
}

export function resetPassword(id: number, resetTotp = false): Promise<ResetPasswordResponse> {
  return sendJson<ResetPasswordResponse>('POST', `/users/${id}/reset-password`, resetTotp ? { resetTotp } : {});
}

export function createToken(body: TokenCreateBody): Promise<TokenCreatedResponse> {
  return sendJson<TokenCreatedResponse>('POST', '/tokens', body);
}

export function revokeToken(id: number): Promise<void> {
  return sendJson<void>('DELETE', `/tokens/${id}`);
}

export function saveSecuritySettings(body: SecuritySettings): Promise<SecuritySettings> {
  return sendJson<SecuritySettings>('PUT', '/settings/security', body);
}
